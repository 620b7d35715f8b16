// The only places where the boundary files and the panel (data/lib/divisions.ts) disagree.
// The build fails if the sources produce any other mismatch, and the coverage test
// (test/unit/geo-coverage.test.ts) allows exactly these.

export interface GeoException {
  code: string
  name: string
  province_code: string
  /**
   * `no-shape`: a panel unit with no boundary (it is in tables, not on the map).
   * `extra-shape`: a shape in `counties` that is not a panel unit (drawn grey, `panel: false`),
   * kept so the province has no hole; `prefecture_code` is then the prefecture it lies in.
   */
  kind: 'no-shape' | 'extra-shape'
  prefecture_code?: string
  /** For `extra-shape`: the source feature it comes from. */
  source?: { adcode: string; name: string }
  reason: string
}

export const GEO_EXCEPTIONS: readonly GeoException[] = [
  {
    code: '232762',
    name: '松岭区',
    province_code: '230000',
    kind: 'no-shape',
    reason:
      '大兴安岭地区的松岭、新林、呼中三区是政企合一、与林业局同驻的区（松岭区的土地属内蒙古鄂伦春自治旗），两个数据源都没有它们的单独边界，其地域画在相邻的县（旗）内。',
  },
  {
    code: '232763',
    name: '新林区',
    province_code: '230000',
    kind: 'no-shape',
    reason: '同松岭区：数据源没有单独边界，其地域画在相邻的县内。',
  },
  {
    code: '232764',
    name: '呼中区',
    province_code: '230000',
    kind: 'no-shape',
    reason: '同松岭区：数据源没有单独边界，其地域画在相邻的县内。',
  },
  {
    code: '659011',
    name: '新星市',
    province_code: '650000',
    kind: 'no-shape',
    reason: '兵团第十三师新星市（2021 年设立）在两个数据源中都没有边界；其地域画在哈密市的区县内。',
  },
  {
    code: '659012',
    name: '白杨市',
    province_code: '650000',
    kind: 'no-shape',
    reason: '兵团第九师白杨市（2023 年设立）晚于两个数据源，无边界；其地域画在塔城地区的县市内。',
  },
  {
    code: '632857',
    name: '大柴旦行政委员会',
    province_code: '630000',
    kind: 'extra-shape',
    prefecture_code: '632800',
    source: { adcode: '632825', name: '海西蒙古族藏族自治州直辖' },
    reason:
      'DataV 的“海西州直辖”即大柴旦行委的地域（茫崖、冷湖行委 2018 年已并为茫崖市）。面板不含行委（isExcludedUnit），但保留其形状以免青海地图中间出现空洞；要素标 panel: false，地图上显示为无数据。',
  },
  {
    code: '350527',
    name: '金门县',
    province_code: '350000',
    kind: 'extra-shape',
    prefecture_code: '350500',
    source: { adcode: '350527', name: '金门县' },
    reason:
      '行政区划上属泉州市，但不向大陆教育行政部门报送数据，面板不含（isExcludedUnit）；保留其形状使地图完整，要素标 panel: false，显示为无数据。',
  },
]

/**
 * Source shapes deliberately left out of the province files: 三沙市's districts, which the
 * panel excludes (no resident school population) and which lie 300–1,500 km off Hainan;
 * their islands are drawn in china.json's `nanhai` inset instead.
 */
export const DROPPED_SOURCE_SHAPES: readonly { adcode: string; name: string; reason: string }[] = [
  {
    adcode: '460301',
    name: '西沙区',
    reason: '三沙市辖区，面板不含（海岛，无常住学龄人口）；岛屿见 china.json 的 nanhai 插图。',
  },
  { adcode: '460302', name: '南沙区', reason: '三沙市辖区，面板不含；岛屿见 china.json 的 nanhai 插图。' },
]

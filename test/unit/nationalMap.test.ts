// The national map on screen (SVG shapes of our own) and in exports (ECharts) from the same
// boundaries, projection and colours; the tooltip's words.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mapClasses } from '../../src/charts/mapClasses.ts'
import { nationalGeometry, nationalMapOption, provinceFills, provinceTip } from '../../src/charts/nationalMap.ts'
import { mercator } from '../../src/charts/mapGeometry.ts'
import { NO_DATA_COLOR } from '../../src/charts/palette.ts'
import { parseChinaTopology } from '../../src/geo/boundaries.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import type { ProvinceFigureRow } from '../../src/queries/national.ts'
import { parseManifest } from '../../src/service/dataset.ts'

const share = getIndicator('kg_public_share')
const china = parseChinaTopology(readFileSync('public/geo/china.json', 'utf8'), 'geo/china.json')
const manifest = parseManifest(readFileSync('public/data/manifest.json', 'utf8'))

function province(code: string, name: string, figure: number | null, prev: number | null): ProvinceFigureRow {
  return {
    code,
    name,
    figure,
    prev_figure: prev,
    left_out: null,
    counties: 122,
    with_data: 122,
    pass: 99,
    basic: 0,
    fail: 23,
    prev_pass: 93,
    threshold: 50,
    status: figure === null ? null : figure >= 50 ? '达标' : '未达标',
    rank: null,
  }
}
const rows = [
  province('430000', '湖南省', 62.9, 60.58),
  province('440000', '广东省', 41.2, 40),
  province('650000', '新疆维吾尔自治区', null, null),
]
const classes = mapClasses(
  rows.map((r) => ({ value: r.figure, status: r.status })),
  share,
  50,
)

describe('the national map', () => {
  it('projects every province of the data, 港澳台 and the 南海诸岛 inset, each shape drawn', () => {
    const { main, inset } = nationalGeometry(china)
    const codes = new Set(main.regions.map((s) => s.code))
    for (const p of manifest.provinces) expect(codes.has(p.code), p.name).toBe(true)
    expect(main.regions.length + main.fillers.length).toBe(34)
    expect(inset.regions.length + inset.fillers.length).toBeGreaterThan(0)
    for (const s of [...main.regions, ...main.fillers, ...inset.regions]) expect(s.d, s.code).toMatch(/^M[\d.]/)
    // Wider than tall, as China is, with the inset a fifth of its width.
    expect(main.width / main.height).toBeGreaterThan(1.1)
    expect(inset.width).toBe(200)
    // The inset's frame lies inside the map's lower right, so it stays beside the coast at any size.
    const { insetBox: box } = nationalGeometry(china)
    expect(box.x).toBeGreaterThan(main.width / 2)
    expect(box.y).toBeGreaterThan(main.height / 2)
    expect(box.x + box.width).toBeLessThanOrEqual(main.width)
    expect(box.y + box.height).toBeLessThanOrEqual(main.height)
  })

  it('colours a province on screen and in the export alike, and leaves one without a figure 无数据', () => {
    const fills = provinceFills(rows, classes)
    const option = nationalMapOption({ provincesMap: 'p', nanhaiMap: 'n', rows, indicator: share, year: 2024, classes })
    const series = (
      option.series as { data: { name: string; itemStyle: { areaColor?: string } }[]; projection: unknown }[]
    )[0]!
    for (const d of series.data) expect(d.itemStyle.areaColor, d.name).toBe(fills.get(d.name))
    expect(fills.get('430000')).not.toBe(fills.get('440000'))
    expect(fills.get('650000')).toBe(NO_DATA_COLOR)
    expect(series.projection).toBe(mercator)
  })

  it('says the figure, the change and the counties judged, in words, never “−0.00”', () => {
    expect(provinceTip(rows[0]!, share, 2024)).toEqual({
      name: '湖南省',
      prefecture: '',
      lines: [
        { label: '公办园在园幼儿占比（2024年）', value: '62.9%' },
        { label: '较上年', value: '+2.32个百分点' },
        { label: '达标区县', value: '99 / 122个' },
      ],
      doubts: [],
      spark: null,
    })
    expect(
      provinceTip(rows[2]!, share, 2024)
        .lines.slice(0, 2)
        .map((l) => l.value),
    ).toEqual(['—', '—'])
  })
})

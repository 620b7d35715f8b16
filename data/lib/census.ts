// Joins the 2020 census county table (leiii/census, MIT; see census2020_county.LICENSE)
// to the current division list. The census uses 2020 codes, so units re-coded or renamed
// since then are found by name; units the census has no row for are imputed.
import { readFileSync } from 'node:fs'
import type { Division } from './divisions.ts'

export interface CensusValues {
  pop_total: number
  pop_urban: number
  minority_pct: number
  age_0_4: number
  age_5_9: number
  age_10_14: number
  age_15_19: number
  avg_schooling_years: number
}

const NUMERIC: readonly (keyof CensusValues)[] = [
  'pop_total',
  'pop_urban',
  'minority_pct',
  'age_0_4',
  'age_5_9',
  'age_10_14',
  'age_15_19',
  'avg_schooling_years',
]

interface CensusRow extends CensusValues {
  code: string
  province: string
  county: string
}

export type MatchRoute = 'code' | 'name' | 'base_name' | 'renamed' | 'imputed'

export interface CountyBase extends Division {
  census: CensusValues
  census_matched: boolean
  route: MatchRoute
  /** The census row used, or for imputed units a description of the donors. */
  census_source: string
}

/**
 * Renames the name rules cannot see: the new name is not the old one plus or minus a
 * suffix. Current code → 2020 census code.
 */
const RENAMED: Readonly<Record<string, string>> = {
  '450181': '450127', // 横县 → 横州市 (2021)
}

export function readCensus(path: string): CensusRow[] {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/)
  const header = (lines[0] ?? '').split(',')
  const col = (name: string): number => {
    const i = header.indexOf(name)
    if (i < 0) throw new Error(`census file lacks column ${name}`)
    return i
  }
  const idx = { code: col('code'), province: col('province'), county: col('county') }
  const numIdx = NUMERIC.map((k) => [k, col(k)] as const)
  return lines.slice(1).map((line) => {
    const cells = line.split(',')
    const row: Record<string, string | number> = {
      code: cells[idx.code] ?? '',
      province: cells[idx.province] ?? '',
      county: cells[idx.county] ?? '',
    }
    // One functional-zone row has an empty cohort: NaN keeps it out of any mean.
    for (const [k, i] of numIdx) row[k] = cells[i] === '' || cells[i] === undefined ? NaN : Number(cells[i])
    return row as unknown as CensusRow
  })
}

const SUFFIX = /(市|县|区|旗)$/
const baseName = (name: string): string => name.replace(SUFFIX, '')

function values(row: CensusRow): CensusValues {
  const out = {} as CensusValues
  for (const k of NUMERIC) out[k] = row[k]
  return out
}

function meanOf(rows: readonly CensusValues[]): CensusValues {
  const out = {} as CensusValues
  for (const k of NUMERIC) {
    const xs = rows.map((r) => r[k]).filter((x) => Number.isFinite(x))
    out[k] = xs.reduce((s, x) => s + x, 0) / xs.length
  }
  return out
}

export interface JoinResult {
  counties: CountyBase[]
  routes: Record<MatchRoute, number>
  unusedCensusRows: number
}

export function joinCensus(divisions: readonly Division[], census: readonly CensusRow[]): JoinResult {
  const byCode = new Map(census.map((r) => [r.code, r]))
  const used = new Set<string>()
  const found = new Map<string, { row: CensusRow; route: MatchRoute }>()

  for (const d of divisions) {
    const row = byCode.get(d.code)
    if (row) {
      found.set(d.code, { row, route: 'code' })
      used.add(row.code)
    }
  }
  // A name match is only trusted when exactly one unused census row of the province fits.
  const unique = (d: Division, fits: (r: CensusRow) => boolean): CensusRow | undefined => {
    const hits = census.filter((r) => !used.has(r.code) && r.province === d.province && fits(r))
    return hits.length === 1 ? hits[0] : undefined
  }
  const tryRoute = (route: MatchRoute, fits: (d: Division, r: CensusRow) => boolean): void => {
    for (const d of divisions) {
      if (found.has(d.code)) continue
      const row = unique(d, (r) => fits(d, r))
      if (row) {
        found.set(d.code, { row, route })
        used.add(row.code)
      }
    }
  }
  tryRoute('name', (d, r) => r.county === d.name)
  tryRoute('base_name', (d, r) => {
    const b = baseName(d.name)
    return b.length >= 2 && (r.county === b || baseName(r.county) === b)
  })
  for (const d of divisions) {
    const old = RENAMED[d.code]
    const row = old === undefined ? undefined : byCode.get(old)
    if (!found.has(d.code) && row && !used.has(row.code)) {
      found.set(d.code, { row, route: 'renamed' })
      used.add(row.code)
    }
  }

  const matched = divisions.filter((d) => found.has(d.code))
  const valuesOf = (d: Division): CensusValues => values((found.get(d.code) as { row: CensusRow }).row)
  const counties: CountyBase[] = divisions.map((d) => {
    const hit = found.get(d.code)
    if (hit) {
      return { ...d, census: values(hit.row), census_matched: true, route: hit.route, census_source: hit.row.code }
    }
    // Imputation: mean of the matched units of the same prefecture; where the unit is its
    // own prefecture (东莞, 中山, 儋州, 嘉峪关, 兵团 cities), the matched units of the same
    // type in the province; failing that, the whole province.
    const donorSets: [string, Division[]][] = [
      ['prefecture', matched.filter((m) => m.prefecture_code === d.prefecture_code && m.code !== d.code)],
      ['province+type', matched.filter((m) => m.province_code === d.province_code && m.county_type === d.county_type)],
      ['province', matched.filter((m) => m.province_code === d.province_code)],
    ]
    const [how, donors] = donorSets.find(([, ds]) => ds.length > 0) ?? ['none', []]
    if (donors.length === 0) throw new Error(`no census donors for ${d.code} ${d.name}`)
    return {
      ...d,
      census: meanOf(donors.map(valuesOf)),
      census_matched: false,
      route: 'imputed',
      census_source: `${how} mean of ${donors.length}`,
    }
  })

  const routes: Record<MatchRoute, number> = { code: 0, name: 0, base_name: 0, renamed: 0, imputed: 0 }
  for (const c of counties) routes[c.route]++
  return { counties, routes, unusedCensusRows: census.length - used.size }
}

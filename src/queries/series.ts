import { INDICATORS, type Indicator } from '../indicators/catalog.ts'
import type { Query } from '../util/query.ts'
import { countyValuesCte } from './indicatorSql.ts'
import type { ThresholdStatus } from './ranking.ts'

export interface SeriesRow {
  indicator: string
  year: number
  value: number | null
  rank: number | null
  rank_prefecture: number | null
  threshold: number | null
  status: ThresholdStatus | null
  /** Why the value is doubtful (queries/plausibility.ts), or null. */
  doubt: string | null
}

/** One county's value, ranks and status for each year, for the given indicators (all by default). */
export function countySeriesQuery(code: string, indicators: readonly Indicator[] = INDICATORS): Query {
  const sql = `WITH sel AS (SELECT code, province_code AS province FROM counties WHERE code = ?), ${countyValuesCte(indicators, 'county')}
    SELECT indicator, year, value, rank_province AS rank, rank_prefecture, threshold, status, doubt
    FROM ranked WHERE code = (SELECT code FROM sel)
    ORDER BY indicator, year`
  return { sql, params: [code] }
}

export interface ProvinceSeriesRow {
  code: string
  year: number
  value: number | null
}

/** Every county's value for every year of one indicator: sparklines and the timeline. */
export function provinceSeriesQuery(ind: Indicator, province: string): Query {
  return {
    sql: `WITH sel AS (SELECT CAST(? AS VARCHAR) AS province), ${countyValuesCte(ind)} SELECT code, year, value FROM ranked ORDER BY code, year`,
    params: [province],
  }
}

/** Groups series rows by county into arrays aligned with `years` (null where absent). */
export function seriesByCounty(
  rows: readonly ProvinceSeriesRow[],
  years: readonly number[],
): Map<string, (number | null)[]> {
  const index = new Map(years.map((y, i) => [y, i]))
  const out = new Map<string, (number | null)[]>()
  for (const r of rows) {
    let values = out.get(r.code)
    if (!values) out.set(r.code, (values = years.map(() => null)))
    const i = index.get(r.year)
    if (i !== undefined) values[i] = r.value
  }
  return out
}

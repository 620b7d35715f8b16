import { INDICATORS, type Indicator } from '../indicators/catalog.ts'
import type { Query } from '../db/types.ts'
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
}

/** One county's value, ranks and status for each year, for the given indicators (all by default). */
export function countySeriesQuery(code: string, indicators: readonly Indicator[] = INDICATORS): Query {
  const inProvince = 'c.province_code = (SELECT province_code FROM sel)'
  const ctes = indicators.map((ind, i) => countyValuesCte(ind, inProvince, `_${i}`))
  const selects = indicators.map(
    (ind, i) => `SELECT '${ind.id}' AS indicator, year, value, rank_province AS rank, rank_prefecture, threshold, status
      FROM ranked_${i} WHERE code = (SELECT code FROM sel)`,
  )
  const sql = `WITH sel AS (SELECT code, province_code FROM counties WHERE code = ?), ${ctes.join(',\n')}
    ${selects.join('\nUNION ALL\n')}
    ORDER BY indicator, year`
  return { sql, params: [code] }
}

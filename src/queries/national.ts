import type { Indicator } from '../indicators/catalog.ts'
import type { Query } from '../util/query.ts'
import { statusSql, thresholdSql } from './indicatorSql.ts'
import type { ThresholdStatus } from './ranking.ts'

export interface ProvinceFigureRow {
  code: string
  name: string
  figure: number | null
  prev_figure: number | null
  /** Growth indicators: counties with data in only one of the two years, left out of `figure`. */
  left_out: number | null
  counties: number
  with_data: number
  pass: number
  basic: number
  fail: number
  prev_pass: number | null
  threshold: number | null
  /** The province figure judged against the line (a summary, not a county rule). */
  status: ThresholdStatus | null
  rank: number | null
}

/** Every province's figure for one indicator and year, from the precomputed summary. */
export function provinceFiguresQuery(ind: Indicator, year: number): Query {
  const order = ind.good === 'up' ? 'DESC' : 'ASC'
  const sql = `WITH sel AS (SELECT CAST(? AS INTEGER) AS year, CAST(? AS VARCHAR) AS indicator),
    names AS (SELECT province_code, any_value(province) AS name FROM counties GROUP BY province_code)
    SELECT n.province_code AS code, n.name, s.figure, prev.figure AS prev_figure, s.left_out,
      s.counties, s.with_data, s.pass, s.basic, s.fail, prev.pass AS prev_pass,
      ${thresholdSql(ind, 'sel.year')} AS threshold,
      ${statusSql(ind, 's.figure', 'sel.year')} AS status,
      CASE WHEN s.figure IS NOT NULL THEN rank() OVER (PARTITION BY s.figure IS NULL ORDER BY s.figure ${order}) END AS rank
    FROM names n CROSS JOIN sel
    LEFT JOIN province_summary s ON s.province_code = n.province_code AND s.indicator = sel.indicator AND s.year = sel.year
    LEFT JOIN province_summary prev ON prev.province_code = n.province_code AND prev.indicator = sel.indicator AND prev.year = sel.year - 1
    ORDER BY rank NULLS LAST, n.province_code`
  return { sql, params: [year, ind.id] }
}

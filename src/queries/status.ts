import type { Indicator } from '../indicators/catalog.ts'
import type { Query } from '../db/types.ts'
import { countyValuesCte } from './indicatorSql.ts'
import type { ThresholdStatus } from './ranking.ts'

export interface StatusRow {
  code: string
  year: number
  value: number | null
  threshold: number
  status: ThresholdStatus
  gap: number | null
  /** Consecutive years up to this one with the same status. */
  streak: number
}

/** Threshold status of every county-year in a province where a line is in force. */
export function statusQuery(ind: Indicator, province: string): Query {
  const sql = `WITH ${countyValuesCte(ind, 'c.province_code = ?')},
    judged AS (
      SELECT code, year, value, threshold, status, gap,
        year - row_number() OVER (PARTITION BY code, status ORDER BY year) AS island
      FROM ranked WHERE status IS NOT NULL
    )
    SELECT code, year, value, threshold, status, gap,
      count(*) OVER (PARTITION BY code, status, island ORDER BY year) AS streak
    FROM judged ORDER BY code, year`
  return { sql, params: [province] }
}

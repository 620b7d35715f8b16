import type { Indicator } from '../indicators/catalog.ts'
import type { Query } from '../db/types.ts'
import { countyValuesCte, statusSql, thresholdSql } from './indicatorSql.ts'

export type ThresholdStatus = '达标' | '基本达标' | '未达标' | '无数据'

export interface RankingRow {
  code: string
  name: string
  prefecture_code: string
  prefecture: string
  value: number | null
  rank: number | null
  rank_prefecture: number | null
  prev_value: number | null
  prev_rank: number | null
  prev_rank_prefecture: number | null
  county_type: string
  /** Pinyin initials of the name, for search. */
  initials: string | null
  /** value − prev_value: 个百分点 for rates, the unit otherwise. */
  change: number | null
  /** Percentage change vs last year, for levels and money. */
  change_pct: number | null
  threshold: number | null
  status: ThresholdStatus | null
  gap: number | null
}

export interface RankingFilter {
  province: string
  year: number
  prefecture?: string
}

/**
 * Every county of the province (or of one prefecture) for one indicator and year, ranked
 * within the province; counties with no data are listed last with 无数据.
 */
export function rankingQuery(ind: Indicator, f: RankingFilter): Query {
  const scope = f.prefecture ? 'AND c.prefecture_code = ?' : ''
  const sql = `WITH sel AS (SELECT CAST(? AS INTEGER) AS year, CAST(? AS VARCHAR) AS province), ${countyValuesCte(ind)}
    SELECT c.code, c.name, c.prefecture_code, c.prefecture, c.county_type,
      cur.value, cur.rank_province AS rank, cur.rank_prefecture,
      prev.value AS prev_value, prev.rank_province AS prev_rank, prev.rank_prefecture AS prev_rank_prefecture, c.initials,
      cur.value - prev.value AS change,
      (cur.value / NULLIF(prev.value, 0) - 1) * 100 AS change_pct,
      ${thresholdSql(ind, 'sel.year')} AS threshold,
      COALESCE(cur.status, ${statusSql(ind, 'NULL', 'sel.year')}) AS status,
      cur.gap
    FROM counties c CROSS JOIN sel
    LEFT JOIN ranked cur ON cur.code = c.code AND cur.year = sel.year
    LEFT JOIN ranked prev ON prev.code = c.code AND prev.year = sel.year - 1
    WHERE c.province_code = sel.province ${scope}
    ORDER BY cur.rank_province ASC NULLS LAST, c.code`
  const params = [f.year, f.province, ...(f.prefecture ? [f.prefecture] : [])]
  return { sql, params }
}

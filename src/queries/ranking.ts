import type { Indicator } from '../indicators/catalog.ts'
import type { Query } from '../util/query.ts'
import { groupByKey } from '../util/groupByKey.ts'
import { changePctSql, countyValuesCte, statusSql, storedSql, thresholdSql } from './indicatorSql.ts'

export type ThresholdStatus = '达标' | '基本达标' | '未达标' | '无数据'

export interface RankingRow {
  code: string
  name: string
  prefecture_code: string
  prefecture: string
  value: number | null
  rank: number | null
  rank_prefecture: number | null
  /** The year compared with: the one before, or the base year (对比基年) when one is chosen. */
  prev_value: number | null
  prev_rank: number | null
  prev_rank_prefecture: number | null
  prev_status: ThresholdStatus | null
  county_type: string
  /** Pinyin initials of the name, for search. */
  initials: string | null
  /** value − prev_value: 个百分点 for rates, the unit otherwise. */
  change: number | null
  /** Percentage change vs the year compared with, for levels and money; null when its value is ≤ 0 or the sign flips. */
  change_pct: number | null
  threshold: number | null
  status: ThresholdStatus | null
  gap: number | null
  /** Why the value is doubtful (queries/plausibility.ts), or null. */
  doubt: string | null
}

export interface RankingFilter {
  province: string
  year: number
  prefecture?: string
  /** 对比基年: compare with this year instead of the one before. */
  base?: number | null
}

/**
 * The ranking for the years of `yrs` (a CTE of a `year` column) with a `year` column first
 * when `withYear`, ordered by year and then as one year's ranking is; compared with the year
 * before, or with a base year (a parameter after the province) when `base`.
 */
function rankingSql(ind: Indicator, yrs: string, prefecture: boolean, withYear: boolean, base = false): string {
  const scope = prefecture ? 'AND c.prefecture_code = ?' : ''
  const then = base ? 'sel.base' : 'yrs.year - 1'
  return `WITH yrs AS (${yrs}), sel AS (SELECT CAST(? AS VARCHAR) AS province${base ? ', CAST(? AS INTEGER) AS base' : ''}), ${countyValuesCte(ind)}
    SELECT ${withYear ? 'yrs.year, ' : ''}c.code, c.name, c.prefecture_code, c.prefecture, c.county_type,
      cur.value, cur.rank_province AS rank, cur.rank_prefecture,
      prev.value AS prev_value, prev.rank_province AS prev_rank, prev.rank_prefecture AS prev_rank_prefecture,
      COALESCE(prev.status, ${statusSql(ind, 'NULL', then)}) AS prev_status, c.initials,
      ${storedSql('cur.value - prev.value')} AS change,
      ${storedSql(changePctSql('cur.value', 'prev.value'))} AS change_pct,
      ${thresholdSql(ind, 'yrs.year')} AS threshold,
      COALESCE(cur.status, ${statusSql(ind, 'NULL', 'yrs.year')}) AS status,
      cur.gap, cur.doubt
    FROM counties c CROSS JOIN sel CROSS JOIN yrs
    LEFT JOIN ranked cur ON cur.code = c.code AND cur.year = yrs.year
    LEFT JOIN ranked prev ON prev.code = c.code AND prev.year = ${then}
    WHERE c.province_code = sel.province ${scope}
    ORDER BY ${withYear ? 'yrs.year, ' : ''}cur.rank_province ASC NULLS LAST, c.code`
}

/**
 * Every county of the province (or of one prefecture) for one indicator and year, ranked
 * within the province; counties with no data are listed last with 无数据.
 */
export function rankingQuery(ind: Indicator, f: RankingFilter): Query {
  const base = f.base ?? null
  const sql = rankingSql(ind, 'SELECT CAST(? AS INTEGER) AS year', Boolean(f.prefecture), false, base !== null)
  return {
    sql,
    params: [f.year, f.province, ...(base !== null ? [base] : []), ...(f.prefecture ? [f.prefecture] : [])],
  }
}

/** rankingQuery for each of these years, the statement built once (every indicator × year of a province is listed ahead on every choice). */
export function rankingQueries(
  ind: Indicator,
  province: string,
  years: readonly number[],
  base: number | null = null,
): Query[] {
  const sql = rankingSql(ind, 'SELECT CAST(? AS INTEGER) AS year', false, false, base !== null)
  return years.map((year) => ({ sql, params: [year, province, ...(base !== null ? [base] : [])] }))
}

export type RankingYearRow = RankingRow & { year: number }

/**
 * The province's rankings of these years in one statement (the timeline's, answered ahead):
 * split by year (rankingsByYear), each year's rows are rankingQuery's.
 */
export function rankingYearsQuery(
  ind: Indicator,
  province: string,
  years: readonly number[],
  base: number | null = null,
): Query {
  const list = years.map((y) => String(Math.trunc(Number(y)))).join(', ')
  return {
    sql: rankingSql(ind, `SELECT unnest([${list}]::INTEGER[]) AS year`, false, true, base !== null),
    params: [province, ...(base !== null ? [base] : [])],
  }
}

/** rankingYearsQuery's rows as each year's ranking, in the order of `years`. */
export function rankingsByYear(rows: readonly RankingYearRow[], years: readonly number[]): RankingRow[][] {
  const parts = rows.map(({ year, ...row }) => ({ year, row }))
  return groupByKey(parts, years, (p) => p.year).map((group) => group.map((p) => p.row))
}

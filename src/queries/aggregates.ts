import { INDICATORS, type Indicator } from '../indicators/catalog.ts'
import type { Query } from '../util/query.ts'
import { countyValuesCte, scopeFiguresCte, storedSql } from './indicatorSql.ts'

export interface AggregateRow {
  indicator: string
  /** Province or prefecture code. */
  scope: string
  year: number
  /** Ratio of sums (or sum for levels; for growth indicators, the growth of that over the counties with both years). */
  figure: number | null
  /** Growth indicators: counties with data in only one of the two years, left out of `figure`. */
  left_out: number
  q1: number | null
  median: number | null
  q3: number | null
  counties: number
  with_data: number
  pass: number
  basic: number
  fail: number
}

export interface AggregateFilter {
  /** One province, or null for every province (the national overview, grouped by province). */
  province: string | null
  by: 'province' | 'prefecture'
}

/**
 * Province (or per-prefecture) figures for every year of one or more indicators: the
 * weighted figure as a ratio of sums, and the spread of county values (quartiles) with
 * the counts meeting the line.
 */
export function aggregateQuery(indicators: Indicator | readonly Indicator[], f: AggregateFilter): Query {
  const scopeCol = f.by === 'province' ? 'province_code' : 'prefecture_code'
  const sql = `WITH sel AS (SELECT CAST(? AS VARCHAR) AS province), ${countyValuesCte(indicators, f.province === null ? 'all' : 'province')},
    ${scopeFiguresCte(scopeCol)},
    spread AS (
      SELECT indicator, ${scopeCol} AS scope, year,
        ${storedSql('quantile_cont(value, 0.25)')} AS q1, ${storedSql('median(value)')} AS median, ${storedSql('quantile_cont(value, 0.75)')} AS q3,
        count(*) AS counties, count(value) AS with_data,
        count(*) FILTER (WHERE status = '达标') AS pass,
        count(*) FILTER (WHERE status = '基本达标') AS basic,
        count(*) FILTER (WHERE status = '未达标') AS fail
      FROM ranked GROUP BY indicator, ${scopeCol}, year
    )
    SELECT s.indicator, s.scope, s.year, f.figure, COALESCE(f.left_out, 0) AS left_out, s.q1, s.median, s.q3, s.counties, s.with_data, s.pass, s.basic, s.fail
    FROM spread s LEFT JOIN figures f USING (indicator, scope, year)
    ORDER BY s.indicator, s.scope, s.year`
  return { sql, params: [f.province] }
}

/** Every indicator's province figures: the bands of a county page's trends. */
export function countyTrendBandsQuery(province: string): Query {
  return aggregateQuery(INDICATORS, { province, by: 'province' })
}

/** The national figure per year (ratio of sums over every county loaded). */
export function nationalSeriesQuery(ind: Indicator): Query {
  const sql = `WITH sel AS (SELECT NULL AS province), ${countyValuesCte(ind, 'all')}, ${scopeFiguresCte('nation')}
    SELECT year, figure FROM figures ORDER BY year`
  return { sql, params: [] }
}

/**
 * Fills the province figures table from the panel, as data/summaries.ts does at build
 * time for the bundled data: the national overview reads them when users load their own.
 */
export function provinceSummaryInsert(
  indicators: readonly Indicator[],
  table: string,
  columns: readonly string[],
): Query {
  const q = aggregateQuery(indicators, { province: null, by: 'province' })
  const select = columns.map((c) => (c === 'province_code' ? 'scope AS province_code' : c)).join(', ')
  return { sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM (${q.sql})`, params: q.params }
}

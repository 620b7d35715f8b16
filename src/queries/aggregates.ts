import type { Indicator } from '../indicators/catalog.ts'
import type { Query } from '../db/types.ts'
import { aggregateRatioSql, countyValuesCte, growthSql } from './indicatorSql.ts'

export interface AggregateRow {
  /** Province or prefecture code. */
  scope: string
  year: number
  /** Ratio of sums (or sum for levels; growth of that for growth indicators). */
  figure: number | null
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
 * Province (or per-prefecture) figures for every year: the weighted figure as a ratio of
 * sums, and the spread of county values (quartiles) with counts meeting the line.
 */
export function aggregateQuery(ind: Indicator, f: AggregateFilter): Query {
  const scopeCol = f.by === 'province' ? 'c.province_code' : 'c.prefecture_code'
  const where = f.province === null ? 'TRUE' : 'c.province_code = ?'
  const figure = ind.growth ? growthSql('agg_r', 'LAG(agg_r) OVER (PARTITION BY scope ORDER BY year)') : 'agg_r'
  const sql = `WITH ${countyValuesCte(ind, where)},
    sums AS (
      SELECT ${scopeCol} AS scope, p.year, ${aggregateRatioSql(ind)} AS agg_r
      FROM panel p JOIN counties c ON c.code = p.code
      WHERE ${where}
      GROUP BY ALL
    ), figures AS (
      SELECT scope, year, ${figure} AS figure FROM sums
    ), spread AS (
      SELECT ${f.by === 'province' ? 'c.province_code' : 'r.prefecture_code'} AS scope, r.year,
        quantile_cont(r.value, 0.25) AS q1, median(r.value) AS median, quantile_cont(r.value, 0.75) AS q3,
        count(*) AS counties, count(r.value) AS with_data,
        count(*) FILTER (WHERE r.status = '达标') AS pass,
        count(*) FILTER (WHERE r.status = '基本达标') AS basic,
        count(*) FILTER (WHERE r.status = '未达标') AS fail
      FROM ranked r JOIN counties c ON c.code = r.code
      GROUP BY ALL
    )
    SELECT s.scope, s.year, f.figure, s.q1, s.median, s.q3, s.counties, s.with_data, s.pass, s.basic, s.fail
    FROM spread s LEFT JOIN figures f ON f.scope = s.scope AND f.year = s.year
    ORDER BY s.scope, s.year`
  return { sql, params: f.province === null ? [] : [f.province, f.province] }
}

/** The national figure per year (ratio of sums over every county loaded). */
export function nationalSeriesQuery(ind: Indicator): Query {
  const figure = ind.growth ? growthSql('agg_r', 'LAG(agg_r) OVER (ORDER BY year)') : 'agg_r'
  return {
    sql: `WITH sums AS (SELECT year, ${aggregateRatioSql(ind)} AS agg_r FROM panel GROUP BY year)
      SELECT year, ${figure} AS figure FROM sums ORDER BY year`,
    params: [],
  }
}

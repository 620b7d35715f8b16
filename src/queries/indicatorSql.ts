// SQL fragments derived from the catalog. Only catalog text and numbers are pasted into
// SQL; anything a user chose (province, year, county) is a bound parameter, read from a
// one-row `sel` CTE that each statement declares first.
import type { Query } from '../util/query.ts'
import type { Indicator, Threshold } from '../indicators/catalog.ts'
import { STORED_DECIMALS } from '../indicators/precision.ts'
import { doubtsCte } from './plausibility.ts'

/** Growth step: value = (r / r_prev − 1) × 100 where r_prev is the previous year's r. */
export function growthSql(current: string, previous: string): string {
  return `(${current} / NULLIF(${previous}, 0) - 1) * 100`
}

/** A change in % only means something from a positive base to a value of the same sign (a 工资差额 from −4 to 1,556 is no −39,000%). */
export function changePctSql(current: string, previous: string): string {
  return `CASE WHEN ${previous} > 0 AND ${current} >= 0 THEN (${current} / ${previous} - 1) * 100 END`
}

function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`阈值不是有限数值：${n}`)
  return String(n)
}

function literal(id: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(id)) throw new Error(`指标代码不合法：${id}`)
  return `'${id}'`
}

function yearCondition(t: Threshold, yearCol: string): string {
  return t.to === undefined ? `${yearCol} >= ${num(t.from)}` : `${yearCol} BETWEEN ${num(t.from)} AND ${num(t.to)}`
}

/** The line in force for the row's year, or NULL where no policy line applies. */
export function thresholdSql(ind: Indicator, yearCol = 'year'): string {
  if (ind.thresholds.length === 0) return 'CAST(NULL AS DOUBLE)'
  const arms = ind.thresholds.map((t) => `WHEN ${yearCondition(t, yearCol)} THEN ${num(t.value)}`).join(' ')
  // A double, as every value: literals alone make a DECIMAL, which Arrow hands over as an object.
  return `CAST(CASE ${arms} END AS DOUBLE)`
}

function basicSql(ind: Indicator, yearCol: string): string {
  const banded = ind.thresholds.filter((t) => t.basic !== undefined)
  if (banded.length === 0) return 'CAST(NULL AS DOUBLE)'
  return `CASE ${banded.map((t) => `WHEN ${yearCondition(t, yearCol)} THEN ${num(t.basic!.value)}`).join(' ')} END`
}

/** `expr` at the stored decimals (indicators/precision.ts); `+ 0.0` turns a rounded −0 into 0. */
export function storedSql(expr: string): string {
  return `(round(${expr}, ${STORED_DECIMALS}) + 0.0)`
}

/**
 * 达标 / 基本达标 / 未达标 / 无数据, or NULL where no line is in force, of a value already
 * rounded by storedSql: a value exactly on the line passes.
 */
export function statusSql(ind: Indicator, valueCol = 'value', yearCol = 'year'): string {
  if (ind.thresholds.length === 0) return 'CAST(NULL AS VARCHAR)'
  const t = thresholdSql(ind, yearCol)
  const b = basicSql(ind, yearCol)
  const op = ind.good === 'up' ? '>=' : '<='
  return `CASE WHEN ${t} IS NULL THEN NULL
    WHEN ${valueCol} IS NULL THEN '无数据'
    WHEN ${valueCol} ${op} ${t} THEN '达标'
    WHEN ${b} IS NOT NULL AND ${valueCol} ${op} ${b} THEN '基本达标'
    ELSE '未达标' END`
}

/** Gap to the line in the indicator's unit: positive = short of the line by that much. */
export function gapSql(ind: Indicator, valueCol = 'value', yearCol = 'year'): string {
  if (ind.thresholds.length === 0) return 'CAST(NULL AS DOUBLE)'
  const t = thresholdSql(ind, yearCol)
  return storedSql(ind.good === 'up' ? `GREATEST(${t} - ${valueCol}, 0)` : `GREATEST(${valueCol} - ${t}, 0)`)
}

/** One expression per indicator, chosen by the row's `indicator` column. */
function byIndicator(inds: readonly Indicator[], expr: (ind: Indicator) => string, type: string): string {
  return `CASE indicator ${inds.map((i) => `WHEN ${literal(i.id)} THEN CAST(${expr(i)} AS ${type})`).join(' ')} END`
}

/** 'county' also reads `sel.code`: one county's rows, ranked among its province's. */
export type Scope = 'province' | 'county' | 'all'

/**
 * Long-format county values for several indicators in one pass: one row per indicator,
 * county and year with the raw parts (num, den), the value after the growth step, rank
 * within the province and within the prefecture (1 = best, ties share a rank), and the
 * threshold status of that year, computed from `table` (the panel, or a staged import).
 */
function computedValuesCte(inds: readonly Indicator[], scope: Scope, suffix: string, table: string): string {
  // Ranks need the whole province, so one county's rows are picked by the statement itself.
  const where = scope === 'all' ? 'TRUE' : 'c.province_code = (SELECT province FROM sel)'
  const rows = (columns: string) =>
    `SELECT ${columns} FROM ${table} p JOIN counties c ON c.code = p.code WHERE ${where}`
  const base = inds
    .map((i) =>
      rows(`${literal(i.id)} AS indicator, p.code, p.year, c.province_code, c.prefecture_code,
        CAST(${i.num} AS DOUBLE) AS num, ${i.den ? `CAST(${i.den} AS DOUBLE)` : 'CAST(NULL AS DOUBLE)'} AS den`),
    )
    .join('\n      UNION ALL ')
  const meta = inds
    .map((i) => `(${literal(i.id)}, ${num(i.scale)}, ${Boolean(i.den)}, ${Boolean(i.growth)}, ${i.good === 'up'})`)
    .join(', ')
  return `${doubtsCte(inds, (columns) => rows(columns.replace(/^code, year/, 'p.code, p.year')), suffix)}, meta${suffix} AS (
    SELECT * FROM (VALUES ${meta}) m(indicator, scale, has_den, growth, up)
  ), parts${suffix} AS (
    SELECT b.*, m.scale, m.has_den, m.growth, m.up,
      CASE WHEN m.has_den THEN b.num * m.scale / NULLIF(b.den, 0) ELSE b.num * m.scale END AS r
    FROM (${base}) b JOIN meta${suffix} m USING (indicator)
  ), lagged${suffix} AS (
    SELECT *, LAG(r) OVER w AS prev_r, LAG(year) OVER w AS prev_year
    FROM parts${suffix} WINDOW w AS (PARTITION BY indicator, code ORDER BY year)
  ), vals${suffix} AS (
    SELECT indicator, code, year, province_code, prefecture_code, up,
      ${storedSql(`CASE WHEN NOT growth THEN r WHEN prev_year = year - 1 THEN ${growthSql('r', 'prev_r')} END`)} AS value, doubt
    FROM lagged${suffix} LEFT JOIN doubts${suffix} ON d_indicator = indicator AND d_code = code AND d_year = year
  ), ranked${suffix} AS (
    SELECT *,
      ${byIndicator(inds, (i) => thresholdSql(i), 'DOUBLE')} AS threshold,
      ${byIndicator(inds, (i) => statusSql(i), 'VARCHAR')} AS status,
      ${byIndicator(inds, (i) => gapSql(i), 'DOUBLE')} AS gap,
      CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY indicator, year, province_code, value IS NULL ORDER BY CASE WHEN up THEN -value ELSE value END) END AS rank_province,
      CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY indicator, year, prefecture_code, value IS NULL ORDER BY CASE WHEN up THEN -value ELSE value END) END AS rank_prefecture
    FROM vals${suffix}
  )`
}

const asList = (indicators: Indicator | readonly Indicator[]): readonly Indicator[] =>
  Array.isArray(indicators) ? indicators : [indicators as Indicator]

/**
 * `ranked${suffix}` (value, status, gap, ranks per indicator, county and year) and
 * `parts${suffix}` (num/den for ratio-of-sums aggregates) for the indicators asked for.
 * `scope` 'province' reads `sel.province`. Over the panel they are read from the
 * county_values table its loader filled (see fillValuesQuery); over a staged import being
 * checked (`table`) they are computed.
 */
export function countyValuesCte(
  indicators: Indicator | readonly Indicator[],
  scope: Scope = 'province',
  suffix = '',
  table = 'panel',
): string {
  const inds = asList(indicators)
  if (table !== 'panel') return computedValuesCte(inds, scope, suffix, table)
  const place = {
    all: '',
    province: ' AND province_code = (SELECT province FROM sel)',
    county: ' AND province_code = (SELECT province FROM sel) AND code = (SELECT code FROM sel)',
  }[scope]
  const where = `indicator IN (${inds.map((i) => literal(i.id)).join(', ')})${place}`
  return `parts${suffix} AS (
    SELECT indicator, code, year, province_code, prefecture_code, num, den, scale, has_den, growth, up FROM county_values WHERE ${where}
  ), ranked${suffix} AS (
    SELECT indicator, code, year, province_code, prefecture_code, up, value, threshold, status, gap, rank_province, rank_prefecture, doubt FROM county_values WHERE ${where}
  )`
}

/**
 * The county_values rows of one province (or the whole panel when null), computed from the
 * panel with the same SQL a staged import is checked with.
 */
export function computedValuesQuery(indicators: readonly Indicator[], province: string | null): Query {
  const sql = `WITH sel AS (SELECT CAST(? AS VARCHAR) AS province), ${computedValuesCte(indicators, province === null ? 'all' : 'province', '', 'panel')}
    SELECT r.indicator, r.code, r.year, r.province_code, r.prefecture_code, p.num, p.den, p.scale, p.has_den, p.growth, r.up,
      r.value, r.threshold, r.status, r.gap, r.rank_province, r.rank_prefecture, r.doubt
    FROM ranked r JOIN parts p USING (indicator, code, year)`
  return { sql, params: [province] }
}

/** Fills county_values for one province (or the whole panel when null). */
export function fillValuesQuery(indicators: readonly Indicator[], province: string | null): Query {
  const q = computedValuesQuery(indicators, province)
  return { sql: `INSERT INTO county_values ${q.sql}`, params: q.params }
}

/**
 * Ratio-of-sums figures per indicator, scope (province, prefecture or the nation) and year
 * from `parts${suffix}`, as `figures${suffix}` (indicator, scope, year, figure, left_out).
 * Only counties with both parts known count, so a missing denominator cannot inflate a
 * figure. A growth figure compares the same counties in both years (a matched set): those
 * with both parts in only one of the two years are left out, and counted in `left_out`.
 */
export function scopeFiguresCte(scope: 'province_code' | 'prefecture_code' | 'nation', suffix = ''): string {
  const scopeExpr = scope === 'nation' ? "'nation'" : scope
  const ratio = (cond: string, n = 'num', d = 'den') =>
    `CASE WHEN any_value(has_den)
      THEN SUM(${n}) FILTER (WHERE ${cond}) * any_value(scale) / NULLIF(SUM(${d}) FILTER (WHERE ${cond}), 0)
      ELSE SUM(${n}) FILTER (WHERE ${cond}) * any_value(scale) END`
  return `complete${suffix} AS (
    SELECT *, ${scopeExpr} AS scope, num IS NOT NULL AND (NOT has_den OR den IS NOT NULL) AS ok FROM parts${suffix}
  ), pairs${suffix} AS (
    SELECT c.indicator, c.scope, c.year, c.has_den, c.scale, c.num, c.den, q.num AS prev_num, q.den AS prev_den,
      c.ok AND COALESCE(q.ok, FALSE) AS matched, c.ok <> COALESCE(q.ok, FALSE) AS single
    FROM complete${suffix} c LEFT JOIN complete${suffix} q ON q.indicator = c.indicator AND q.code = c.code AND q.year = c.year - 1
    WHERE c.growth
  ), figures${suffix} AS (
    SELECT indicator, scope, year, ${storedSql(ratio('ok'))} AS figure, 0 AS left_out
    FROM complete${suffix} WHERE NOT growth GROUP BY ALL
    UNION ALL
    SELECT indicator, scope, year, ${storedSql(growthSql(ratio('matched'), ratio('matched', 'prev_num', 'prev_den')))} AS figure,
      CASE WHEN bool_or(matched) THEN count(*) FILTER (WHERE single) ELSE 0 END AS left_out
    FROM pairs${suffix} GROUP BY ALL
  )`
}

// SQL fragments derived from the catalog. Only catalog text and numbers are pasted into
// SQL; anything a user chose (province, year, county) is a bound parameter.
import type { Indicator, Threshold } from '../indicators/catalog.ts'

/** num/den (or num) for one row of `panel`, before any growth step. */
export function ratioSql(ind: Indicator): string {
  const num = `CAST(${ind.num} AS DOUBLE)`
  const scaled = ind.scale === 1 ? num : `${num} * ${ind.scale}`
  return ind.den ? `${scaled} / NULLIF(${ind.den}, 0)` : scaled
}

/** Sum of numerator (and denominator) for ratio-of-sums aggregates. */
export function sumParts(ind: Indicator): { num: string; den: string | null } {
  // Only rows where both parts are known count, so a missing denominator cannot inflate the figure.
  const both = ind.den ? `(${ind.num}) IS NOT NULL AND (${ind.den}) IS NOT NULL` : `(${ind.num}) IS NOT NULL`
  return {
    num: `SUM(CAST(${ind.num} AS DOUBLE)) FILTER (WHERE ${both})`,
    den: ind.den ? `SUM(CAST(${ind.den} AS DOUBLE)) FILTER (WHERE ${both})` : null,
  }
}

export function aggregateRatioSql(ind: Indicator): string {
  const { num, den } = sumParts(ind)
  const scaled = ind.scale === 1 ? num : `${num} * ${ind.scale}`
  return den ? `${scaled} / NULLIF(${den}, 0)` : scaled
}

/** Growth step: value = (r / r_prev − 1) × 100 where r_prev is the previous year's r. */
export function growthSql(current: string, previous: string): string {
  return `(${current} / NULLIF(${previous}, 0) - 1) * 100`
}

function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`阈值不是有限数值：${n}`)
  return String(n)
}

function yearCondition(t: Threshold, yearCol: string): string {
  return t.to === undefined ? `${yearCol} >= ${num(t.from)}` : `${yearCol} BETWEEN ${num(t.from)} AND ${num(t.to)}`
}

/** The line in force for the row's year, or NULL where no policy line applies. */
export function thresholdSql(ind: Indicator, yearCol = 'year'): string {
  if (ind.thresholds.length === 0) return 'CAST(NULL AS DOUBLE)'
  const arms = ind.thresholds.map((t) => `WHEN ${yearCondition(t, yearCol)} THEN ${num(t.value)}`).join(' ')
  return `CASE ${arms} END`
}

function basicSql(ind: Indicator, yearCol: string): string {
  const banded = ind.thresholds.filter((t) => t.basic !== undefined)
  if (banded.length === 0) return 'CAST(NULL AS DOUBLE)'
  return `CASE ${banded.map((t) => `WHEN ${yearCondition(t, yearCol)} THEN ${num(t.basic!)}`).join(' ')} END`
}

/**
 * 达标 / 基本达标 / 未达标 / 无数据, or NULL where no line is in force. Values are compared
 * after rounding to 6 decimals so a value exactly on the line is not failed by float noise.
 */
export function statusSql(ind: Indicator, valueCol = 'value', yearCol = 'year'): string {
  const t = thresholdSql(ind, yearCol)
  const b = basicSql(ind, yearCol)
  const op = ind.good === 'up' ? '>=' : '<='
  const v = `round(${valueCol}, 6)`
  return `CASE WHEN ${t} IS NULL THEN NULL
    WHEN ${valueCol} IS NULL THEN '无数据'
    WHEN ${v} ${op} ${t} THEN '达标'
    WHEN ${b} IS NOT NULL AND ${v} ${op} ${b} THEN '基本达标'
    ELSE '未达标' END`
}

/** Gap to the line in the indicator's unit: positive = short of the line by that much. */
export function gapSql(ind: Indicator, valueCol = 'value', yearCol = 'year'): string {
  const t = thresholdSql(ind, yearCol)
  return ind.good === 'up' ? `GREATEST(${t} - ${valueCol}, 0)` : `GREATEST(${valueCol} - ${t}, 0)`
}

export function rankOrder(ind: Indicator): 'ASC' | 'DESC' {
  return ind.good === 'up' ? 'DESC' : 'ASC'
}

/**
 * One row per county and year of the filtered counties: value (after the growth step),
 * the previous year's value, rank within the filter and within the prefecture (1 = best,
 * ties share a rank), and the threshold status of that year.
 * `where` is SQL over `c` (counties) with `?` placeholders; `suffix` keeps the CTE names
 * apart when several indicators share one statement (`ranked${suffix}` is the result).
 */
export function countyValuesCte(ind: Indicator, where: string, suffix = ''): string {
  const r = ratioSql(ind)
  const value = ind.growth
    ? `CASE WHEN prev_year = year - 1 THEN ${growthSql('r', 'prev_r')} END`
    : 'r'
  return `base${suffix} AS (
    SELECT p.code, p.year, c.province_code, c.prefecture_code, ${r} AS r
    FROM panel p JOIN counties c ON c.code = p.code
    WHERE ${where}
  ), lagged${suffix} AS (
    SELECT *, LAG(r) OVER w AS prev_r, LAG(year) OVER w AS prev_year
    FROM base${suffix} WINDOW w AS (PARTITION BY code ORDER BY year)
  ), vals${suffix} AS (
    SELECT code, year, province_code, prefecture_code, ${value} AS value FROM lagged${suffix}
  ), ranked${suffix} AS (
    SELECT *,
      ${thresholdSql(ind)} AS threshold,
      ${statusSql(ind)} AS status,
      ${gapSql(ind)} AS gap,
      CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY year, province_code, value IS NULL ORDER BY value ${rankOrder(ind)}) END AS rank_province,
      CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY year, prefecture_code, value IS NULL ORDER BY value ${rankOrder(ind)}) END AS rank_prefecture,
      LAG(value) OVER (PARTITION BY code ORDER BY year) AS lag_value,
      LAG(year) OVER (PARTITION BY code ORDER BY year) AS lag_year
    FROM vals${suffix}
  )`
}

import { partsOf, type Rule } from '../indicators/rules.ts'
import type { Indicator } from '../indicators/catalog.ts'
import type { Query } from '../db/types.ts'
import { countyValuesCte } from './indicatorSql.ts'
import type { ThresholdStatus } from './ranking.ts'

export interface RuleStatusRow {
  rule: string
  code: string
  year: number
  /** The tested value (threshold rules only). */
  value: number | null
  threshold: number | null
  status: ThresholdStatus
  /** Shortfall to the line in the indicator's unit (threshold rules only). */
  gap: number | null
  /** Ids of the parts that failed (composite rules). */
  failing: string | null
  /** Consecutive years up to this one with the same status. */
  streak: number
}

export interface RuleFilter {
  province: string
  /** One county only (the county page); all counties of the province otherwise. */
  code?: string
}

function ruleSelect(rule: Rule): string {
  const id = `'${rule.id}'`
  if (rule.kind === 'threshold') {
    return `SELECT ${id} AS rule, code, year, value, threshold, status, gap, CAST(NULL AS VARCHAR) AS failing FROM ranked WHERE indicator = '${rule.indicator}'`
  }
  const parts = rule.parts.map((p) => `'${p}'`).join(', ')
  // A leg without a value (a county with no 中职, say) is skipped; the rule has 无数据 only
  // when no leg could be judged. Legs without a line in force are left out altogether.
  return `SELECT ${id} AS rule, code, year, CAST(NULL AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS threshold,
      CASE WHEN bool_or(status = '未达标') THEN '未达标'
        WHEN bool_or(status IN ('达标', '基本达标')) THEN CASE WHEN bool_or(status = '基本达标') THEN '基本达标' ELSE '达标' END
        ELSE '无数据' END AS status,
      CAST(NULL AS DOUBLE) AS gap,
      string_agg(indicator, ',' ORDER BY indicator) FILTER (WHERE status = '未达标') AS failing
    FROM ranked WHERE indicator IN (${parts}) AND status IS NOT NULL
    GROUP BY code, year`
}

/**
 * Status of each rule for every county-year (or one county's years) where a line is in
 * force, with the failing legs of composite rules and how long the status has held.
 */
export function ruleStatusQuery(rules: readonly Rule[], f: RuleFilter): Query {
  const indicators = [...new Map(rules.flatMap(partsOf).map((i): [string, Indicator] => [i.id, i])).values()]
  const sql = `WITH sel AS (SELECT CAST(? AS VARCHAR) AS province, CAST(? AS VARCHAR) AS code),
    ${countyValuesCte(indicators)},
    judged AS (${rules.map(ruleSelect).join('\nUNION ALL\n')}),
    islands AS (
      SELECT *, year - row_number() OVER (PARTITION BY rule, code, status ORDER BY year) AS island
      FROM judged WHERE status IS NOT NULL AND ((SELECT code FROM sel) IS NULL OR code = (SELECT code FROM sel))
    )
    SELECT rule, code, year, value, threshold, status, gap, failing,
      count(*) OVER (PARTITION BY rule, code, status, island ORDER BY year) AS streak
    FROM islands ORDER BY rule, code, year`
  return { sql, params: [f.province, f.code ?? null] }
}

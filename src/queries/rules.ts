import { partsOf, type Rule } from '../indicators/rules.ts'
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

function ruleCtes(rule: Rule, r: number): { ctes: string[]; select: string } {
  const parts = partsOf(rule)
  const ctes = parts.map((ind, i) => countyValuesCte(ind, 'c.province_code = (SELECT province FROM sel)', `_${r}_${i}`))
  if (rule.kind === 'threshold') {
    return { ctes, select: `SELECT '${rule.id}' AS rule, code, year, value, threshold, status, gap, CAST(NULL AS VARCHAR) AS failing FROM ranked_${r}_0` }
  }
  const s = parts.map((_, i) => `COALESCE(p${i}.status, '')`)
  const joins = parts.slice(1).map((_, i) => `JOIN ranked_${r}_${i + 1} p${i + 1} USING (code, year)`).join(' ')
  const failing = parts.map((ind, i) => `CASE WHEN p${i}.status = '未达标' THEN '${ind.id}' END`).join(', ')
  // A leg without a value (a county with no 中职, say) is skipped; the rule has 无数据 only
  // when no leg could be judged.
  const status = `CASE WHEN ${parts.map((_, i) => `p${i}.status IS NULL`).join(' AND ')} THEN NULL
      WHEN '未达标' IN (${s.join(', ')}) THEN '未达标'
      WHEN NOT ('达标' IN (${s.join(', ')}) OR '基本达标' IN (${s.join(', ')})) THEN '无数据'
      WHEN '基本达标' IN (${s.join(', ')}) THEN '基本达标'
      ELSE '达标' END`
  return {
    ctes,
    select: `SELECT '${rule.id}' AS rule, code, year, CAST(NULL AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS threshold, ${status} AS status,
      CAST(NULL AS DOUBLE) AS gap, NULLIF(concat_ws(',', ${failing}), '') AS failing
      FROM ranked_${r}_0 p0 ${joins}`,
  }
}

/**
 * Status of each rule for every county-year (or one county's years) where a line is in
 * force, with the failing legs of composite rules and how long the status has held.
 */
export function ruleStatusQuery(rules: readonly Rule[], f: RuleFilter): Query {
  const built = rules.map((rule, r) => ruleCtes(rule, r))
  const sql = `WITH sel AS (SELECT CAST(? AS VARCHAR) AS province, CAST(? AS VARCHAR) AS code),
    ${built.flatMap((b) => b.ctes).join(',\n')},
    judged AS (${built.map((b) => b.select).join('\nUNION ALL\n')}),
    islands AS (
      SELECT *, year - row_number() OVER (PARTITION BY rule, code, status ORDER BY year) AS island
      FROM judged WHERE status IS NOT NULL AND ((SELECT code FROM sel) IS NULL OR code = (SELECT code FROM sel))
    )
    SELECT rule, code, year, value, threshold, status, gap, failing,
      count(*) OVER (PARTITION BY rule, code, status, island ORDER BY year) AS streak
    FROM islands ORDER BY rule, code, year`
  return { sql, params: [f.province, f.code ?? null] }
}

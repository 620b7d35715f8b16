import { partsOf, type CompositeRule, type Rule, type ThresholdRule } from '../indicators/rules.ts'
import type { Indicator } from '../indicators/catalog.ts'
import type { Query, StandsFor } from '../util/query.ts'
import { groupByKey } from '../util/groupByKey.ts'
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
  /** Only the rows of these years, first to last (the roll-up's year and the one before); streaks still count every year. */
  years?: readonly [number, number]
}

function compositeSelect(rule: CompositeRule, suffix: string): string {
  const parts = rule.parts.map((p) => `'${p}'`).join(', ')
  // A leg without a value (a county with no 中职, say) is skipped; the rule has 无数据 only
  // when no leg could be judged. Legs without a line in force are left out altogether.
  return `SELECT '${rule.id}' AS rule, code, year, CAST(NULL AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS threshold,
      CASE WHEN bool_or(status = '未达标') THEN '未达标'
        WHEN bool_or(status IN ('达标', '基本达标')) THEN CASE WHEN bool_or(status = '基本达标') THEN '基本达标' ELSE '达标' END
        ELSE '无数据' END AS status,
      CAST(NULL AS DOUBLE) AS gap,
      string_agg(indicator, ',' ORDER BY indicator) FILTER (WHERE status = '未达标') AS failing
    FROM ranked${suffix} WHERE indicator IN (${parts}) AND status IS NOT NULL
    GROUP BY code, year`
}

/**
 * Every rule's status per county-year: the threshold rules in one select (each is its
 * indicator's status; one branch per rule made the engine plan 30 of them, ~100 ms in the
 * browser), then one branch per composite rule.
 */
function judgedSql(rules: readonly Rule[], suffix = ''): string {
  const threshold = rules.filter((r): r is ThresholdRule => r.kind === 'threshold')
  const branches = rules.filter((r): r is CompositeRule => r.kind === 'all').map((r) => compositeSelect(r, suffix))
  if (threshold.length) {
    const map = threshold.map((r) => `('${r.id}', '${r.indicator}')`).join(', ')
    branches.unshift(`SELECT m.rule, code, year, value, threshold, status, gap, CAST(NULL AS VARCHAR) AS failing
    FROM ranked${suffix} JOIN (VALUES ${map}) m(rule, indicator) USING (indicator)`)
  }
  return branches.join('\nUNION ALL\n')
}

/** The indicators the rules read, each once: those ranked before their statuses can be judged. */
export function indicatorsOf(rules: readonly Rule[]): Indicator[] {
  return [...new Map(rules.flatMap(partsOf).map((i): [string, Indicator] => [i.id, i])).values()]
}

/**
 * Status of each rule for every county-year (or one county's years) where a line is in
 * force, with the failing legs of composite rules and how long the status has held.
 */
export function ruleStatusQuery(rules: readonly Rule[], f: RuleFilter): Query {
  const indicators = indicatorsOf(rules)
  const sql = `WITH sel AS (SELECT CAST(? AS VARCHAR) AS province, CAST(? AS VARCHAR) AS code),
    ${countyValuesCte(indicators, f.code ? 'county' : 'province')},
    judged AS (${judgedSql(rules)}),
    islands AS (
      SELECT *, year - row_number() OVER (PARTITION BY rule, code, status ORDER BY year) AS island
      FROM judged WHERE status IS NOT NULL AND ((SELECT code FROM sel) IS NULL OR code = (SELECT code FROM sel))
    )
    SELECT * FROM (
      SELECT rule, code, year, value, threshold, status, gap, failing,
        count(*) OVER (PARTITION BY rule, code, status, island ORDER BY year) AS streak
      FROM islands
    ) WHERE year BETWEEN ? AND ? ORDER BY rule, code, year`
  const [from, to] = f.years ?? [0, 9999]
  return { sql, params: [f.province, f.code ?? null, from, to] }
}

/** The roll-up's statement: every county's rule statuses in `year` and the year before. */
export function rollupStatusQuery(rules: readonly Rule[], province: string, year: number): Query {
  return ruleStatusQuery(rules, { province, years: [year - 1, year] })
}

/**
 * The province's rule statuses in one statement, standing for the roll-up's of each year
 * (its rows of that year and the one before) and for each county page's: split by county,
 * its rows are ruleStatusQuery's for that county (the streaks run per county).
 */
export function rulesAhead(
  rules: readonly Rule[],
  province: string,
  years: readonly number[],
  codes: readonly string[],
): StandsFor<RuleStatusRow> {
  const query = ruleStatusQuery(rules, { province })
  // One county's statement built once (9 KB of SQL), for every county with its own code.
  const county = ruleStatusQuery(rules, { province, code: codes[0] ?? '' })
  return {
    query,
    answers: {
      queries: [
        ...years.map((y) => rollupStatusQuery(rules, province, y)),
        ...codes.map((code) => ({ sql: county.sql, params: county.params.map((p, i) => (i === 1 ? code : p)) })),
      ],
      split: (rows) => [
        ...years.map((y) => rows.filter((r) => r.year === y - 1 || r.year === y)),
        ...groupByKey(rows, codes, (r) => r.code),
      ],
    },
  }
}

export interface StatusChangeRow {
  rule: string
  code: string
  county: string
  year: number
  before: ThresholdStatus
  after: ThresholdStatus
}

/**
 * The release diff: county-years present both in the panel and in `table` (a new file
 * of the same counties) whose status on a rule differs between the two.
 */
export function statusChangesQuery(rules: readonly Rule[], table: string): Query {
  const indicators = indicatorsOf(rules)
  const judged = (suffix: string) => judgedSql(rules, suffix)
  const sql = `WITH sel AS (SELECT CAST(NULL AS VARCHAR) AS province),
    ${countyValuesCte(indicators, 'all', '_old')}, ${countyValuesCte(indicators, 'all', '_new', table)},
    judged_old AS (${judged('_old')}), judged_new AS (${judged('_new')})
    SELECT n.rule, n.code, c.name AS county, n.year, o.status AS before, n.status AS after
    FROM judged_new n JOIN judged_old o USING (rule, code, year) JOIN counties c ON c.code = n.code
    WHERE n.status IS NOT NULL AND o.status IS NOT NULL AND n.status <> o.status
    ORDER BY n.rule, n.code, n.year`
  return { sql, params: [] }
}

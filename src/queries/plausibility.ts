// Plausibility of loaded values: a raw figure that jumps beyond 3× from one year to the
// next is doubtful (数据存疑). The import reports it before a file is accepted; the views
// mark the indicator values computed from it, whatever data is loaded.
import type { Indicator } from '../indicators/catalog.ts'
import { RAW_FIELDS } from '../indicators/fields.ts'

// Small counts (大班额 classes, transfers, pupils with disabilities) and coefficients move
// by large factors as a matter of course; jumps are only looked for in the rest.
export const STEADY_FIELDS = RAW_FIELDS.filter(
  (f) => f.unit !== '' && !/_(56|66)$|^rotation_|^migrant_|^disabled_/.test(f.id),
).map((f) => f.id)

/** Jumps beyond this factor year on year are doubtful… */
export const JUMP_FACTOR = 3
/** …when the larger of the two values is at least this, in the field's unit. */
export const JUMP_FLOOR = 100

/** `a` (the later value) and `b` differ by more than JUMP_FACTOR. */
export function jumpSql(a: string, b: string): string {
  return `(GREATEST(${a}, ${b}) >= ${JUMP_FLOOR} AND (${a} > ${b} * ${JUMP_FACTOR} OR ${a} * ${JUMP_FACTOR} < ${b}))`
}

/**
 * `flags${suffix}` (code, field, year, kind, ratio; v, v1 and n1: the value, the year before's
 * and the year after's; and the `carry` columns of `from`): the jumps of `fields` in the rows
 * `from` selects (code, year, the fields and `carry`). A spike (a year far from both
 * neighbours) marks that year alone, kind spike; a lasting shift marks the year it happens,
 * kind up or down. The import's report and the views' 数据存疑 thus name the same year.
 */
export function jumpFlagsCte(
  fields: readonly string[],
  from: (columns: string) => string,
  suffix = '',
  carry: readonly string[] = [],
): string {
  const kept = carry.map((c) => `${c}, `).join('')
  return `long${suffix} AS (
    UNPIVOT (${from(`code, year, ${fields.join(', ')}`)}) ON ${fields.join(', ')} INTO NAME field VALUE v
  ), steps${suffix} AS (
    SELECT ${kept}code, field, year, v, LAG(v) OVER w AS v1, LAG(v, 2) OVER w AS v2, LEAD(v) OVER w AS n1,
      LAG(year) OVER w = year - 1 AS c1, LAG(year, 2) OVER w = year - 2 AS c2, LEAD(year) OVER w = year + 1 AS cn
    FROM long${suffix} WINDOW w AS (PARTITION BY code, field ORDER BY year)
  ), jumps${suffix} AS (
    SELECT *, COALESCE(c1 AND ${jumpSql('v', 'v1')}, FALSE) AS jump_in, COALESCE(cn AND ${jumpSql('n1', 'v')}, FALSE) AS jump_out,
      COALESCE(c1 AND c2 AND ${jumpSql('v1', 'v2')} AND sign(v1 - v2) <> sign(v - v1), FALSE) AS after_spike
    FROM steps${suffix}
  ), flags${suffix} AS (
    SELECT ${kept}code, field, year, v, v1, n1,
      CASE WHEN jump_in AND jump_out AND sign(v - v1) <> sign(n1 - v) THEN 'spike' WHEN v > v1 THEN 'up' ELSE 'down' END AS kind,
      round(GREATEST(v, v1) / NULLIF(LEAST(v, v1), 0), 1) AS ratio
    FROM jumps${suffix} WHERE jump_in AND NOT after_spike
  )`
}

/**
 * `doubts${suffix}` (d_indicator, d_code, d_year, doubt) for the indicators' steady fields in the
 * rows `from` selects (code, year and the fields). A spike (a year far from both
 * neighbours) marks that year alone; a lasting shift marks the year it happens. A growth
 * value reads two years, so the previous year's doubts mark it too. `doubt` lists
 * `field:year:kind:ratio` items joined by ','; kind is spike, up or down (see
 * indicators/doubts.ts for the words).
 */
export function doubtsCte(inds: readonly Indicator[], from: (columns: string) => string, suffix = ''): string {
  const fields = STEADY_FIELDS.filter((f) => inds.some((i) => i.fields.includes(f as never)))
  if (fields.length === 0)
    return `doubts${suffix} AS (SELECT NULL::VARCHAR AS d_indicator, NULL::VARCHAR AS d_code, NULL::INTEGER AS d_year, NULL::VARCHAR AS doubt WHERE FALSE)`
  const uses = inds.flatMap((i) =>
    i.fields
      .filter((f) => fields.includes(f))
      .flatMap((f) => (i.growth ? [0, 1] : [0]).map((shift) => `('${i.id}', '${f}', ${shift})`)),
  )
  return `${jumpFlagsCte(fields, from, suffix)}, doubts${suffix} AS (
    SELECT u.indicator AS d_indicator, f.code AS d_code, f.year + u.shift AS d_year,
      string_agg(concat_ws(':', f.field, f.year, f.kind, COALESCE(CAST(f.ratio AS VARCHAR), '')), ',' ORDER BY f.year, f.field) AS doubt
    FROM flags${suffix} f JOIN (VALUES ${uses.join(', ')}) u(indicator, field, shift) ON u.field = f.field
    GROUP BY ALL
  )`
}

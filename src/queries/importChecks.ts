// Checks of a staged import that need more than one cell: a rate the file gives against
// the rate its own parts make (by the catalog's SQL, as the dashboard will compute it),
// and a figure that jumps implausibly from one year to the next.
import type { Query } from '../db/types.ts'
import { findIndicator } from '../indicators/catalog.ts'
import { RAW_FIELDS } from '../indicators/fields.ts'
import { countyValuesCte } from './indicatorSql.ts'

/** The table an import is staged in while it is checked. */
export const STAGE_TABLE = 'import_stage'

/** Column of the stage holding the rate a file gives for an indicator. */
export const rateColumn = (indicatorId: string) => `rate_${indicatorId}`

export interface RateMismatchRow {
  indicator: string
  file_index: number
  row: number
  reported: number
  computed: number
}

/**
 * Rates that disagree with their parts by more than rounding: 0.1 percentage point for
 * rates in %, otherwise the indicator's last shown digit or 0.5%, whichever is larger. A
 * rate written without % may be a fraction (0.501 for 50.1%); that reading is accepted too.
 */
export function rateMismatchQuery(rates: readonly { indicator: string; percent: boolean }[]): Query | null {
  const used = rates.flatMap((r) => {
    const ind = findIndicator(r.indicator)
    return ind ? [{ ind, percent: r.percent }] : []
  })
  if (used.length === 0) return null
  const reported = used
    .map(({ ind, percent }) => {
      const tol = ind.unit === '%' ? 0.1 : `GREATEST(${10 ** -ind.digits}, abs(v.value) * 0.005)`
      const fraction = ind.unit === '%' && !percent ? `AND abs(s.${rateColumn(ind.id)} * 100 - v.value) > ${tol}` : ''
      return `SELECT '${ind.id}' AS indicator, s._file AS file_index, s._row AS row, s.${rateColumn(ind.id)} AS reported, v.value AS computed
        FROM ${STAGE_TABLE} s JOIN vals v ON v.indicator = '${ind.id}' AND v.code = s.code AND v.year = s.year
        WHERE s.${rateColumn(ind.id)} IS NOT NULL AND v.value IS NOT NULL AND abs(s.${rateColumn(ind.id)} - v.value) > ${tol} ${fraction}`
    })
    .join('\nUNION ALL\n')
  const sql = `WITH sel AS (SELECT CAST(NULL AS VARCHAR) AS province), ${countyValuesCte(
    used.map((u) => u.ind),
    'all',
    '',
    STAGE_TABLE,
  )}
    ${reported}
    ORDER BY file_index, row, indicator`
  return { sql, params: [] }
}

// Small counts (大班额 classes, transfers, pupils with disabilities) and coefficients move
// by large factors as a matter of course; jumps are only looked for in the rest.
const STEADY_FIELDS = RAW_FIELDS.filter((f) => f.unit !== '' && !/_(56|66)$|^rotation_|^migrant_|^disabled_/.test(f.id)).map((f) => f.id)

/** Jumps beyond this factor year on year are reported for checking. */
export const JUMP_FACTOR = 3
/** …when the larger of the two values is at least this, in the field's unit. */
export const JUMP_FLOOR = 100

export interface JumpRow {
  field: string
  file_index: number
  row: number
  year: number
  value: number
  previous: number
}

export function jumpQuery(): Query {
  const sql = `WITH long AS (
      UNPIVOT (SELECT code, year, _file, _row, ${STEADY_FIELDS.join(', ')} FROM ${STAGE_TABLE})
      ON ${STEADY_FIELDS.join(', ')} INTO NAME field VALUE v
    ), lagged AS (
      SELECT *, LAG(v) OVER w AS previous, LAG(year) OVER w AS prev_year
      FROM long WINDOW w AS (PARTITION BY code, field ORDER BY year)
    )
    SELECT field, _file AS file_index, _row AS row, year, v AS value, previous FROM lagged
    WHERE prev_year = year - 1 AND GREATEST(v, previous) >= ${JUMP_FLOOR}
      AND (v > previous * ${JUMP_FACTOR} OR v * ${JUMP_FACTOR} < previous)
    ORDER BY file_index, row, field`
  return { sql, params: [] }
}

export interface CoverageRow {
  province_code: string
  counties: number
  rows: number
}

/** Counties and rows per province of a staged import, and its years. */
export function coverageQuery(): Query {
  return {
    sql: `SELECT c.province_code, count(DISTINCT s.code) AS counties, count(*) AS rows
      FROM ${STAGE_TABLE} s JOIN counties c ON c.code = s.code GROUP BY c.province_code ORDER BY c.province_code`,
    params: [],
  }
}

export function stagedYearsQuery(): Query {
  return { sql: `SELECT DISTINCT year FROM ${STAGE_TABLE} ORDER BY year`, params: [] }
}

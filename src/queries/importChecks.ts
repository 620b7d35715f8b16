// Checks of a staged import that need more than one cell: a rate the file gives against
// the rate its own parts make (by the catalog's SQL, as the dashboard will compute it),
// and a figure that jumps implausibly from one year to the next.
import type { Query } from '../util/query.ts'
import { findIndicator } from '../indicators/catalog.ts'
import { countyValuesCte } from './indicatorSql.ts'
import { jumpFlagsCte, STEADY_FIELDS } from './plausibility.ts'

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

export interface JumpRow {
  field: string
  file_index: number
  row: number
  year: number
  value: number
  previous: number
  next: number | null
  /** spike: this year is far from both neighbours; up, down: a lasting shift from this year. */
  kind: 'spike' | 'up' | 'down'
}

/** Figures beyond 3× of the year before, on the row of the year the views mark 数据存疑 too. */
export function jumpQuery(): Query {
  const flags = jumpFlagsCte(STEADY_FIELDS, (columns) => `SELECT ${columns}, _file, _row FROM ${STAGE_TABLE}`, '', [
    '_file',
    '_row',
  ])
  const sql = `WITH ${flags}
    SELECT field, _file AS file_index, _row AS row, year, v AS value, v1 AS previous, n1 AS next, kind FROM flags
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

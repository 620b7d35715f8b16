// School rows of an import, staged beside the county rows: summed by county with the one
// aggregation statement (schools.ts), compared with the county rows of the same import, and
// joined to them.
import { RAW_FIELDS } from '../indicators/fields.ts'
import { SCHOOL_TO_COUNTY } from '../schools/fields.ts'
import type { Query } from '../util/query.ts'
import { STAGE_TABLE } from './importChecks.ts'
import { schoolAggregateQuery } from './schools.ts'

/** The school rows of an import while it is checked (SCHOOL_COLUMNS, `_file`, `_row`). */
export const SCHOOL_STAGE_TABLE = 'import_schools'
/** Those rows summed by county and year. */
export const SCHOOL_COUNTY_TABLE = 'import_school_counties'
/** The county fields schools sum to, in the panel's order. */
const SUMMED = RAW_FIELDS.map((f) => f.id).filter((id) => SCHOOL_TO_COUNTY.some((s) => s.county === id))

/** The staged schools summed by county and year, each with the file its first school was read from. */
export function aggregateStagedSchoolsQuery(): Query {
  const agg = schoolAggregateQuery(SCHOOL_STAGE_TABLE, null)
  const sql = `CREATE OR REPLACE TABLE ${SCHOOL_COUNTY_TABLE} AS
    WITH agg AS (${agg.sql})
    SELECT agg.*, f._file FROM agg
    JOIN (SELECT code, year, min(_file) AS _file FROM ${SCHOOL_STAGE_TABLE} GROUP BY code, year) f USING (code, year)`
  return { sql, params: agg.params }
}

export interface SchoolConflictRow {
  code: string
  name: string | null
  year: number
  field: string
  county_value: number
  school_value: number
  county_file: number
  county_row: number
  school_file: number
}

/** County-years where a county row of the import and the schools' sum give a field different figures. */
export function schoolConflictsQuery(): Query {
  const parts = SUMMED.map(
    (f, i) => `SELECT s.code, s.year, ${i} AS ord, '${f}' AS field, CAST(s.${f} AS DOUBLE) AS county_value,
        CAST(a.${f} AS DOUBLE) AS school_value, s._file AS county_file, s._row AS county_row, a._file AS school_file
      FROM ${STAGE_TABLE} s JOIN ${SCHOOL_COUNTY_TABLE} a ON a.code = s.code AND a.year = s.year
      WHERE s.${f} <> a.${f}`,
  )
  const sql = `SELECT u.code, c.name, u.year, u.field, u.county_value, u.school_value, u.county_file, u.county_row, u.school_file
    FROM (${parts.join('\nUNION ALL\n')}) u LEFT JOIN counties c ON c.code = u.code
    ORDER BY u.county_file, u.county_row, u.ord`
  return { sql, params: [] }
}

/**
 * Joins the schools' sums to the staged county rows: a field one of them lacks is filled
 * from the other; where both give it and differ (schoolConflictsQuery) it is left empty,
 * neither figure being taken over the other. County-years only the schools give are added.
 */
export function mergeSchoolCountiesSql(): string[] {
  const pick = (f: string) =>
    `${f} = CASE WHEN ${STAGE_TABLE}.${f} IS NULL THEN a.${f} WHEN a.${f} IS NULL OR a.${f} = ${STAGE_TABLE}.${f} THEN ${STAGE_TABLE}.${f} END`
  return [
    `UPDATE ${STAGE_TABLE} SET ${SUMMED.map(pick).join(', ')}
      FROM ${SCHOOL_COUNTY_TABLE} a WHERE ${STAGE_TABLE}.code = a.code AND ${STAGE_TABLE}.year = a.year`,
    `INSERT INTO ${STAGE_TABLE} (code, year, ${SUMMED.join(', ')}, _file)
      SELECT code, year, ${SUMMED.join(', ')}, _file FROM ${SCHOOL_COUNTY_TABLE} a
      WHERE NOT EXISTS (SELECT 1 FROM ${STAGE_TABLE} s WHERE s.code = a.code AND s.year = a.year)`,
  ]
}

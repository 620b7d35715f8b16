// Table definitions derived from the field list, so the loaders, the import check and the
// SQL agree on one schema.
import { RAW_FIELDS } from '../indicators/fields.ts'
import { SCHOOL_COLUMNS } from '../schools/fields.ts'

export const PANEL_TABLE = 'panel'
export const COUNTIES_TABLE = 'counties'

export type ColumnKind = 'text' | 'integer' | 'double' | 'boolean'

export interface Column {
  name: string
  kind: ColumnKind
}

export const PANEL_COLUMNS: readonly Column[] = [
  { name: 'code', kind: 'text' },
  { name: 'year', kind: 'integer' },
  ...RAW_FIELDS.map((f): Column => ({ name: f.id, kind: f.integer ? 'integer' : 'double' })),
]

export const COUNTY_COLUMNS: readonly Column[] = [
  { name: 'code', kind: 'text' },
  { name: 'name', kind: 'text' },
  { name: 'prefecture_code', kind: 'text' },
  { name: 'prefecture', kind: 'text' },
  { name: 'province_code', kind: 'text' },
  { name: 'province', kind: 'text' },
  { name: 'county_type', kind: 'text' },
  { name: 'pop_2020', kind: 'integer' },
  { name: 'census_matched', kind: 'boolean' },
  { name: 'initials', kind: 'text' },
]

export const PROVINCE_SUMMARY_TABLE = 'province_summary'

/** Province figures precomputed by aggregateQuery at build time (data/summaries.ts). */
export const PROVINCE_SUMMARY_COLUMNS: readonly Column[] = [
  { name: 'indicator', kind: 'text' },
  { name: 'province_code', kind: 'text' },
  { name: 'year', kind: 'integer' },
  { name: 'figure', kind: 'double' },
  { name: 'left_out', kind: 'integer' },
  { name: 'counties', kind: 'integer' },
  { name: 'with_data', kind: 'integer' },
  { name: 'pass', kind: 'integer' },
  { name: 'basic', kind: 'integer' },
  { name: 'fail', kind: 'integer' },
]

const SQL_TYPE: Record<ColumnKind, string> = {
  text: 'VARCHAR',
  integer: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
}

/** `key` empty: no primary key (an index slows the bulk appends; see SCHEMA_SQL). */
export function createTableSql(table: string, columns: readonly Column[], key: readonly string[]): string {
  const cols = columns.map((c) => `${c.name} ${SQL_TYPE[c.kind]}`).join(', ')
  return `CREATE TABLE IF NOT EXISTS ${table} (${cols}${key.length ? `, PRIMARY KEY (${key.join(', ')})` : ''})`
}

/** INSERT from a staging table, casting each column to its declared type. */
export function insertFromSql(table: string, staging: string, columns: readonly Column[]): string {
  const names = columns.map((c) => c.name).join(', ')
  const casts = columns.map((c) => `CAST(${c.name} AS ${SQL_TYPE[c.kind]})`).join(', ')
  return `INSERT INTO ${table} (${names}) SELECT ${casts} FROM ${staging}`
}

export const COUNTY_VALUES_TABLE = 'county_values'

/**
 * Every indicator's value, parts, status and ranks for each county-year of the loaded
 * panel (queries/indicatorSql.ts fills it when a province loads): the views read it instead
 * of ranking the province anew for each statement.
 */
export const COUNTY_VALUES_COLUMNS: readonly Column[] = [
  { name: 'indicator', kind: 'text' },
  { name: 'code', kind: 'text' },
  { name: 'year', kind: 'integer' },
  { name: 'province_code', kind: 'text' },
  { name: 'prefecture_code', kind: 'text' },
  { name: 'num', kind: 'double' },
  { name: 'den', kind: 'double' },
  { name: 'scale', kind: 'double' },
  { name: 'has_den', kind: 'boolean' },
  { name: 'growth', kind: 'boolean' },
  { name: 'up', kind: 'boolean' },
  { name: 'value', kind: 'double' },
  { name: 'threshold', kind: 'double' },
  { name: 'status', kind: 'text' },
  { name: 'gap', kind: 'double' },
  { name: 'rank_province', kind: 'integer' },
  { name: 'rank_prefecture', kind: 'integer' },
  /** Why the value is doubtful (queries/plausibility.ts), or null. */
  { name: 'doubt', kind: 'text' },
]

/**
 * The panel and the county list have no keys: an index made the first appends after the
 * engine starts ~60 ms slower (maintaining it is code run for the first time). One row per
 * county and per county-year is checked where rows come from instead: the bundled files in
 * test/unit/dataReproducible.test.ts, users' files by the import (duplicate county-years are
 * rejected, across files too).
 */
export const SCHEMA_SQL = [
  createTableSql(PANEL_TABLE, PANEL_COLUMNS, []),
  createTableSql(COUNTIES_TABLE, COUNTY_COLUMNS, []),
  createTableSql(PROVINCE_SUMMARY_TABLE, PROVINCE_SUMMARY_COLUMNS, ['indicator', 'province_code', 'year']),
  createTableSql(COUNTY_VALUES_TABLE, COUNTY_VALUES_COLUMNS, []),
]

export const SCHOOL_TABLE = 'schools'

/** The school rows (src/schools/fields.ts) as the Parquet decoder lays them out. */
export const SCHOOL_TABLE_COLUMNS: readonly Column[] = SCHOOL_COLUMNS.map((c) => ({
  name: c.id,
  kind: c.type === 'VARCHAR' ? 'text' : c.type === 'INTEGER' ? 'integer' : 'double',
}))

/** With the schema's own types (INTEGER, not the panel's BIGINT), so bundled and imported schools agree. */
export const SCHOOL_TABLE_SQL = `CREATE TABLE IF NOT EXISTS ${SCHOOL_TABLE} (${SCHOOL_COLUMNS.map((c) => `${c.id} ${c.type}`).join(', ')})`

// School rows → county raw fields, in one GROUP BY over the whole table (or one province):
// the same statement runs in DuckDB-wasm, in Node (`npm run aggregate`) and, as docs/schools.md
// explains, on Spark SQL. Only portable constructs: CASE, COALESCE, CAST, sum, count.
import { RAW_FIELDS } from '../indicators/fields.ts'
import { SCHOOL_COLUMNS, SCHOOL_TO_COUNTY, type SchoolSum } from '../schools/fields.ts'
import type { Query } from '../util/query.ts'

const quoteIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`
export const quoteString = (s: string): string => `'${s.replace(/'/g, "''")}'`

/** A table name the caller chose, written bare so that Spark SQL reads it too. */
export function tableName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain table name: ${name}`)
  return name
}

/**
 * A school left empty where it has nothing to report (a 小学 has no 初中 columns) counts 0;
 * a county-year where every school left every column of the sum empty gets NULL, not 0.
 */
function sumSql(s: SchoolSum): string {
  const only = (x: string) => (s.ownership ? `CASE WHEN ownership = ${quoteString(s.ownership)} THEN ${x} END` : x)
  const reported = s.schools.map((c) => `count(${only(c)})`).join(' + ')
  const total = s.schools.map((c) => `COALESCE(${c}, 0)`).join(' + ')
  return `CASE WHEN ${reported} > 0 THEN CAST(sum(${only(`(${total})`)}) AS INTEGER) END`
}

/**
 * The county panel's columns (code, year, then every raw field in order) summed from the
 * school rows in `table`; fields that are not school-level are NULL. `province` (two-digit
 * prefix of the six-digit code, bound) limits it to one province; null takes every row.
 */
export function schoolAggregateQuery(table: string, province: string | null): Query {
  const fields = RAW_FIELDS.map((f) => {
    const sum = SCHOOL_TO_COUNTY.find((s) => s.county === f.id)
    return `${sum ? sumSql(sum) : `CAST(NULL AS ${f.integer ? 'INTEGER' : 'DOUBLE'})`} AS ${f.id}`
  })
  const sql = `SELECT code, year, ${fields.join(', ')}
    FROM ${tableName(table)}
    WHERE CAST(? AS STRING) IS NULL OR substr(code, 1, 2) = CAST(? AS STRING)
    GROUP BY code, year
    ORDER BY code, year`
  return { sql, params: [province, province] }
}

/**
 * School rows, typed, from `source` (a table or a table function such as DuckDB's
 * read_csv) whose columns are named by `headers` (header → column id, `schoolColumnOf`);
 * columns of the schema missing from the source are NULL.
 */
export function schoolRowsSql(source: string, headers: ReadonlyMap<string, string>): string {
  const cols = SCHOOL_COLUMNS.map((c) => {
    const header = [...headers].find(([, id]) => id === c.id)?.[0]
    return `CAST(${header === undefined ? 'NULL' : quoteIdent(header)} AS ${c.type}) AS ${c.id}`
  })
  return `SELECT ${cols.join(', ')} FROM ${source}`
}

/** DuckDB's reader of school files: every CSV cell read as text (codes keep their zeros), or Parquet. */
export function readSchoolFilesSql(paths: readonly string[], format: 'csv' | 'parquet'): string {
  const list = `[${paths.map(quoteString).join(', ')}]`
  return format === 'csv'
    ? `read_csv(${list}, header = true, all_varchar = true, union_by_name = true)`
    : `read_parquet(${list}, union_by_name = true)`
}

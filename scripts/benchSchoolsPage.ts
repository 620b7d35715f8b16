// The bare page of scripts/benchSchools.ts: DuckDB-wasm started from the site's own engine
// files, a province's bundled schools loaded by the site's Parquet path into the `schools`
// table, then schoolAggregateQuery over them, timed. Bundled by Vite when the bench starts.
import { AsyncDuckDB, ConsoleLogger, LogLevel } from '@duckdb/duckdb-wasm'
import { parquetToIPC } from '../src/db/parquet.ts'
import { SCHOOL_TABLE, SCHOOL_TABLE_COLUMNS, SCHOOL_TABLE_SQL } from '../src/db/schema.ts'
import { schoolAggregateQuery } from '../src/queries/schools.ts'
import { schoolFile } from '../src/service/schools.ts'

export interface AggregateRun {
  /** ms from the fetch to the rows in the table (decoded on the page here, not in the site's worker). */
  load: number
  /** ms to prepare and run schoolAggregateQuery over the province. */
  aggregate: number
  schools: number
  countyYears: number
}

export async function run(workerUrl: string, wasmUrl: string, province: string): Promise<AggregateRun> {
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), new Worker(workerUrl))
  await db.instantiate(wasmUrl)
  const connection = await db.connect()
  const start = performance.now()
  const bytes = await (await fetch(`data/${schoolFile(province)}`)).arrayBuffer()
  const ipc = await parquetToIPC(bytes, SCHOOL_TABLE_COLUMNS)
  await connection.query(SCHOOL_TABLE_SQL)
  await connection.insertArrowFromIPCStream(ipc, { name: SCHOOL_TABLE, create: false })
  const loaded = performance.now()
  const q = schoolAggregateQuery(SCHOOL_TABLE, province.slice(0, 2))
  const statement = await connection.prepare(q.sql)
  const result = await statement.query(...q.params)
  const aggregated = performance.now()
  const schools = Number((await connection.query(`SELECT count(*) AS n FROM ${SCHOOL_TABLE}`)).getChildAt(0)?.get(0))
  return { load: loaded - start, aggregate: aggregated - loaded, schools, countyYears: result.numRows }
}

// The bundled panel just written, in native DuckDB, with county_values filled for the given
// indicators by the loader's own SQL: what the build-time summaries and values are read from.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { join } from 'node:path'
import { COUNTY_VALUES_COLUMNS, COUNTY_VALUES_TABLE, createTableSql } from '../../src/db/schema.ts'
import type { Indicator } from '../../src/indicators/catalog.ts'
import { fillValuesQuery } from '../../src/queries/indicatorSql.ts'

/** Runs `use` on the filled panel, then closes the engine. */
export async function withFilledPanel<T>(
  dataDir: string,
  indicators: readonly Indicator[],
  use: (conn: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    await conn.run('SET threads = 1')
    await conn.run(`CREATE TABLE counties AS SELECT * FROM read_parquet('${join(dataDir, 'counties.parquet')}')`)
    await conn.run(`CREATE TABLE panel AS SELECT * FROM read_parquet('${join(dataDir, 'panel', '*.parquet')}')`)
    await conn.run(createTableSql(COUNTY_VALUES_TABLE, COUNTY_VALUES_COLUMNS, []))
    const fill = fillValuesQuery(indicators, null)
    await conn.run(fill.sql, fill.params as (string | null)[])
    return await use(conn)
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

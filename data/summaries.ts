// Province figures of every indicator and year, computed at build time by the same SQL the
// browser runs (aggregateQuery), so the national map can be drawn without loading all 31
// provinces. Written next to the panel as provinces.parquet.
import { DuckDBInstance } from '@duckdb/node-api'
import { join } from 'node:path'
import { INDICATORS } from '../src/indicators/catalog.ts'
import { aggregateQuery } from '../src/queries/aggregates.ts'
import { COUNTY_VALUES_COLUMNS, COUNTY_VALUES_TABLE, PROVINCE_SUMMARY_COLUMNS, createTableSql } from '../src/db/schema.ts'
import { fillValuesQuery } from '../src/queries/indicatorSql.ts'

export const SUMMARY_FILE = 'provinces.parquet'

export async function writeProvinceSummaries(dataDir: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  await conn.run('SET threads = 1')
  await conn.run(`CREATE TABLE counties AS SELECT * FROM read_parquet('${join(dataDir, 'counties.parquet')}')`)
  await conn.run(`CREATE TABLE panel AS SELECT * FROM read_parquet('${join(dataDir, 'panel', '*.parquet')}')`)
  await conn.run(createTableSql(COUNTY_VALUES_TABLE, COUNTY_VALUES_COLUMNS, []))
  const fill = fillValuesQuery(INDICATORS, null)
  await conn.run(fill.sql, fill.params as (string | null)[])
  const q = aggregateQuery(INDICATORS, { province: null, by: 'province' })
  const columns = PROVINCE_SUMMARY_COLUMNS.map((c) => c.name).join(', ')
  await conn.run(`CREATE TABLE summary AS ${q.sql}`, q.params as (string | null)[])
  await conn.run(`COPY (SELECT ${columns} FROM (SELECT *, scope AS province_code FROM summary) ORDER BY indicator, province_code, year)
    TO '${join(dataDir, SUMMARY_FILE)}' (FORMAT parquet, COMPRESSION zstd)`)
  conn.closeSync()
}

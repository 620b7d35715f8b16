// Province figures of every indicator and year, computed at build time by the same SQL the
// browser runs (aggregateQuery), so the national map can be drawn without loading all 31
// provinces. Written next to the panel as provinces.parquet.
import { join } from 'node:path'
import { INDICATORS } from '../src/indicators/catalog.ts'
import { aggregateQuery } from '../src/queries/aggregates.ts'
import { PROVINCE_SUMMARY_COLUMNS } from '../src/db/schema.ts'
import { withFilledPanel } from './lib/filledPanel.ts'

export const SUMMARY_FILE = 'provinces.parquet'

export async function writeProvinceSummaries(dataDir: string): Promise<void> {
  await withFilledPanel(dataDir, INDICATORS, async (conn) => {
    const q = aggregateQuery(INDICATORS, { province: null, by: 'province' })
    const columns = PROVINCE_SUMMARY_COLUMNS.map((c) => c.name).join(', ')
    await conn.run(`CREATE TABLE summary AS ${q.sql}`, q.params as (string | null)[])
    await conn.run(`COPY (SELECT ${columns} FROM (SELECT *, scope AS province_code FROM summary) ORDER BY indicator, province_code, year)
      TO '${join(dataDir, SUMMARY_FILE)}' (FORMAT parquet, COMPRESSION zstd)`)
  })
}

// The county values of the first view's indicator for each province — value, status and
// ranks per county and year, as the loader's fill computes them (computedValuesQuery) — so
// the browser appends them instead of ranking that indicator before its first answer.
import { join } from 'node:path'
import { mkdirSync, rmSync } from 'node:fs'
import { COUNTY_VALUES_COLUMNS, COUNTY_VALUES_TABLE } from '../src/db/schema.ts'
import type { Indicator } from '../src/indicators/catalog.ts'
import { withFilledPanel } from './lib/filledPanel.ts'

export const valuesFile = (province: string): string => `values/${province}.parquet`

export async function writeFirstValues(
  dataDir: string,
  provinces: readonly string[],
  indicators: readonly Indicator[],
): Promise<void> {
  // Files of provinces no longer listed must not survive.
  rmSync(join(dataDir, 'values'), { recursive: true, force: true })
  mkdirSync(join(dataDir, 'values'), { recursive: true })
  const columns = COUNTY_VALUES_COLUMNS.map((c) => c.name).join(', ')
  await withFilledPanel(dataDir, indicators, async (conn) => {
    for (const code of provinces) {
      await conn.run(`COPY (SELECT ${columns} FROM ${COUNTY_VALUES_TABLE} WHERE province_code = '${code}' ORDER BY indicator, code, year)
        TO '${join(dataDir, valuesFile(code))}' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19)`)
    }
  })
}

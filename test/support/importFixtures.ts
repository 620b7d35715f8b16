// The import fixtures (test/fixtures/import/) and the county list they are checked against.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import type { InputFile } from '../../src/import/pipeline.ts'
import type { ImportRules } from '../../src/import/validate.ts'
import { DATA_DIR } from './bundled.ts'

export const FIXTURE_DIR = join(process.cwd(), 'test', 'fixtures', 'import')

export function fixture(name: string, dir = FIXTURE_DIR): InputFile {
  const b = readFileSync(join(dir, name))
  return { name, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) }
}

export async function bundledRules(): Promise<ImportRules> {
  const b = readFileSync(join(DATA_DIR, 'counties.parquet'))
  const rows = await parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), columns: ['code', 'name'], compressors })
  return { counties: new Map(rows.map((r) => [String(r.code), String(r.name)])), years: { min: 2000, max: 2026 } }
}

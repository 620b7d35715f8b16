// The import fixtures (test/fixtures/import/) and the county list they are checked against.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import type { InputFile } from '../../src/import/pipeline.ts'
import type { ImportRules } from '../../src/import/imported.ts'
import { DATA_DIR } from './bundled.ts'

export const FIXTURE_DIR = join(process.cwd(), 'test', 'fixtures', 'import')

export function fixture(name: string, dir = FIXTURE_DIR): InputFile {
  const b = readFileSync(join(dir, name))
  return { name, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) }
}

export async function bundledRules(): Promise<ImportRules> {
  const b = readFileSync(join(DATA_DIR, 'counties.parquet'))
  const rows = await parquetReadObjects({
    file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength),
    columns: ['code', 'name'],
    compressors,
  })
  return { counties: new Map(rows.map((r) => [String(r.code), String(r.name)])), years: { min: 2000, max: 2026 } }
}

/**
 * A large CSV as offices send them: every county for 27 years with the template's columns,
 * and a long 备注 column (ignored on import) that makes up most of the bytes — `remarks`
 * sentences of it per row (16 make about 100 MB, 2 about 30 MB).
 */
export async function writeBigCsv(path: string, remarks: number): Promise<void> {
  const [header, example] = readFileSync(join(DATA_DIR, 'template.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
  const values = example!.split(',').slice(2).join(',')
  const remark = '各项数据已经县教育局、财政局、统计局联合审核。'.repeat(remarks)
  const { counties } = await bundledRules()
  const lines = [`${header},备注`]
  for (const code of counties.keys())
    for (let year = 2000; year <= 2026; year++) lines.push(`${code},${year},${values},${remark}`)
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`)
}

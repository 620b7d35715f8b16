// The import fixtures (test/fixtures/import/) and the county list they are checked against.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import writeExcelFile from 'write-excel-file/node'
import { validateFiles, type InputFile } from '../../src/import/pipeline.ts'
import type { ImportRules, ValidationResult } from '../../src/import/imported.ts'
import { CODE_HISTORY_FILE, CodeHistory, type CodeHistoryData } from '../../src/import/codeHistory.ts'
import { DATA_DIR } from './bundled.ts'

export const FIXTURE_DIR = join(process.cwd(), 'test', 'fixtures', 'import')

export function fixture(name: string, dir = FIXTURE_DIR): InputFile {
  return inputFile(name, readFileSync(join(dir, name)))
}

export async function bundledRules(): Promise<ImportRules> {
  const b = readFileSync(join(DATA_DIR, 'counties.parquet'))
  const rows = await parquetReadObjects({
    file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength),
    columns: ['code', 'name'],
    compressors,
  })
  return {
    counties: new Map(rows.map((r) => [String(r.code), String(r.name)])),
    history: new CodeHistory(JSON.parse(readFileSync(join(DATA_DIR, CODE_HISTORY_FILE), 'utf8')) as CodeHistoryData),
    years: { min: 2000, max: 2026 },
  }
}

let rules: Promise<ImportRules> | undefined

/** Files checked with every table and column as found, against the bundled county list (read once). */
export async function validateAsFound(...files: InputFile[]): Promise<ValidationResult> {
  rules ??= bundledRules()
  return validateFiles(
    files.map((file) => ({ file, choice: {} })),
    await rules,
  )
}

/** The template's header line and its example row's figures (every column after code and year). */
function template(): { header: string; values: string } {
  const [header, example] = readFileSync(join(DATA_DIR, 'template.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
  return { header: header!, values: example!.split(',').slice(2).join(',') }
}

/**
 * A large CSV as offices send them: every county for 27 years with the template's columns,
 * and a long 备注 column (ignored on import) that makes up most of the bytes — `remarks`
 * sentences of it per row (16 make about 100 MB, 2 about 30 MB).
 */
export async function writeBigCsv(path: string, remarks: number): Promise<void> {
  const { header, values } = template()
  const remark = '各项数据已经县教育局、财政局、统计局联合审核。'.repeat(remarks)
  const { counties } = await bundledRules()
  const lines = [`${header},备注`]
  for (const code of counties.keys())
    for (let year = 2000; year <= 2026; year++) lines.push(`${code},${year},${values},${remark}`)
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`)
}

/**
 * One file per year, as statistics offices hand a province over: `<year>.csv` in `dir` for
 * each year, every county of the province with the template's columns; the paths.
 */
export async function writeYearCsvs(dir: string, province: string, years: readonly number[]): Promise<string[]> {
  const { header, values } = template()
  const { counties } = await bundledRules()
  const codes = [...counties.keys()].filter((c) => c.startsWith(province.slice(0, 2)))
  return years.map((year) => {
    const path = join(dir, `${year}.csv`)
    writeFileSync(path, `\uFEFF${[header, ...codes.map((c) => `${c},${year},${values}`)].join('\r\n')}\r\n`)
    return path
  })
}

type CellValue = string | number | null

/** An .xlsx workbook of plain cells, one sheet per entry. */
export async function workbook(sheets: readonly { name: string; rows: readonly CellValue[][] }[]): Promise<Buffer> {
  return writeExcelFile(
    sheets.map(({ name, rows }) => ({
      sheet: name,
      data: rows.map((r) =>
        r.map((value) => (value === null ? null : { value, type: typeof value === 'number' ? Number : String })),
      ),
    })),
  ).toBuffer()
}

/** Bytes as an import's input file. */
export const inputFile = (name: string, bytes: Uint8Array | string): InputFile => {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes
  return { name, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer }
}

// The two steps of an import, free of the browser so tests run them as the worker does:
// inspect (format, encoding, sheet, header and column mapping, for the user to confirm)
// and validate (every row checked against the confirmed mapping).
import type { Cell } from './cells.ts'
import { matchHeaders, type ColumnMapping } from './headers.ts'
import {
  csvHead,
  decodeText,
  detectEncoding,
  formatOf,
  locateHeader,
  readCsv,
  readParquetRows,
  readXlsx,
  type FileFormat,
} from './sheets.ts'
import type { Encoding } from './encodings.ts'
import { ImportBuilder } from './validate.ts'
import { type ImportRules, type ValidationResult } from './imported.ts'

export interface InputFile {
  name: string
  bytes: ArrayBuffer
}

/** What the user confirms or changes before the check: encoding, sheet and columns. */
export interface FileChoice {
  encoding?: Encoding
  sheet?: string
  mapping?: ColumnMapping[]
}

export interface FileInspection {
  name: string
  format: FileFormat | null
  encoding?: Encoding
  /** Worksheet names, for Excel files. */
  sheets?: string[]
  sheet?: string
  /** Spreadsheet row number of the header row. */
  headerRow: number
  mapping: ColumnMapping[]
  /** Why the file cannot be imported as it stands. */
  error?: string
}

const UNKNOWN_FORMAT = '无法识别的文件类型：请使用 .csv、.xlsx 或 .parquet 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）'
const NO_HEADER = '找不到表头：前20行中没有可识别的列名（如“行政区划代码”“年份”），请对照模板检查'

interface Rows {
  /** The first rows, for the header. */
  head: Cell[][]
  /** Feeds every row with its spreadsheet row number. */
  each: (onRow: (cells: Cell[], row: number) => void, onProgress?: (f: number) => void) => void
  encoding?: Encoding
  sheets?: string[]
  sheet?: string
}

async function openRows(file: InputFile, choice: FileChoice, format: FileFormat, whole: boolean): Promise<Rows> {
  if (format === 'csv') {
    const bytes = new Uint8Array(file.bytes)
    const encoding = choice.encoding ?? detectEncoding(bytes)
    // Inspecting needs only the head of a large file.
    const text = decodeText(whole ? bytes : bytes.subarray(0, 1 << 18), encoding)
    return { encoding, head: csvHead(text), each: (onRow, onProgress) => readCsv(text, onRow, onProgress) }
  }
  const all = format === 'xlsx' ? await readXlsx(file.bytes) : [{ name: '', rows: await readParquetRows(file.bytes) }]
  const chosen = all.find((s) => s.name === choice.sheet) ?? all[0]
  const rows = chosen?.rows ?? []
  // The workbook or file is read whole; the checks then go row by row, reported every 1%.
  const step = Math.max(1, Math.ceil(rows.length / 100))
  const each: Rows['each'] = (onRow, onProgress) =>
    rows.forEach((r, i) => {
      onRow(r, i + 1)
      if ((i + 1) % step === 0 || i + 1 === rows.length) onProgress?.((i + 1) / rows.length)
    })
  return format === 'xlsx'
    ? { head: rows.slice(0, 20), each, sheets: all.map((s) => s.name), sheet: chosen?.name }
    : { head: rows.slice(0, 20), each }
}

export async function inspectFile(file: InputFile, choice: FileChoice = {}): Promise<FileInspection> {
  const format = formatOf(file.name)
  const base = { name: file.name, format, headerRow: 0, mapping: [] }
  if (!format) return { ...base, error: UNKNOWN_FORMAT }
  let rows: Rows
  try {
    rows = await openRows(file, choice, format, false)
  } catch (e) {
    return { ...base, error: unreadable(format, e) }
  }
  const found = locateHeader(rows.head)
  const info = { ...base, encoding: rows.encoding, sheets: rows.sheets, sheet: rows.sheet }
  if (!found) return { ...info, error: NO_HEADER }
  const mapping = matchHeaders(found.headers)
  const missing = (['code', 'year'] as const).filter((k) => !mapping.some((m) => m.target.kind === k))
  const error = missing.length
    ? `缺少${missing.map((k) => (k === 'code' ? '“行政区划代码”' : '“年份”')).join('和')}列：请在下方指定，或对照模板修改表头`
    : undefined
  return { ...info, headerRow: found.index + 1, mapping, error }
}

function unreadable(format: FileFormat, e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e)
  const what = { csv: 'CSV 文本', xlsx: 'Excel（.xlsx）工作簿', parquet: 'Parquet 文件' }[format]
  return `无法读取：不是有效的${what}（${detail}）`
}

/** Checks every file with its confirmed choices; files that cannot be read are reported, not thrown. */
export async function validateFiles(
  files: readonly { file: InputFile; choice: FileChoice }[],
  rules: ImportRules,
  onProgress?: (fraction: number, file: string) => void,
): Promise<ValidationResult> {
  const builder = new ImportBuilder(rules)
  for (const [n, { file, choice }] of files.entries()) {
    const format = formatOf(file.name)
    if (!format) {
      builder.fileError(file.name, UNKNOWN_FORMAT)
      continue
    }
    let rows: Rows
    try {
      rows = await openRows(file, choice, format, true)
    } catch (e) {
      builder.fileError(file.name, unreadable(format, e))
      continue
    }
    const found = locateHeader(rows.head)
    const mapping = choice.mapping ?? (found ? matchHeaders(found.headers) : null)
    if (!found || !mapping) {
      builder.fileError(file.name, NO_HEADER)
      continue
    }
    const take = builder.sheet(
      { file: file.name, sheet: rows.sheet, encoding: rows.encoding },
      mapping,
      format === 'csv',
    )
    const headerRow = found.index + 1
    rows.each(
      (cells, row) => row > headerRow && take(cells, row),
      (f) => onProgress?.((n + f) / files.length, file.name),
    )
  }
  return builder.result()
}

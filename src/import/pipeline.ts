// The two steps of an import, free of the browser so tests run them as the worker does:
// inspect (format, encoding, the tables of a workbook, header and column mapping, for the
// user to confirm) and validate (every row of every table checked against its mapping).
import { cellText, type Cell } from './cells.ts'
import { isSchoolMapping, matchHeaders, matchSchoolHeaders, missingKeys, type ColumnMapping } from './headers.ts'
import {
  csvHead,
  decodeText,
  detectEncoding,
  formatOf,
  locateHeader,
  readCsv,
  readParquetRows,
  readXlsx,
  sniffFormat,
  type FileFormat,
} from './sheets.ts'
import type { Encoding } from './encodings.ts'
import { ImportBuilder } from './validate.ts'
import { NO_DATA_ROWS } from './rows.ts'
import { type ImportRules, type ValidationResult } from './imported.ts'

export interface InputFile {
  name: string
  bytes: ArrayBuffer
}

/** A table the user confirmed: its worksheet (none for CSV and Parquet) and its columns. */
export interface TableChoice {
  sheet?: string
  mapping: ColumnMapping[]
}

/** What the user confirms or changes before the check: the encoding, the tables to read and their columns. */
export interface FileChoice {
  encoding?: Encoding
  /** Every table found, with the columns as found, when absent. */
  tables?: TableChoice[]
}

export interface TableInspection {
  /** The worksheet, for Excel files. */
  sheet?: string
  /** Spreadsheet row number of the header row. */
  headerRow: number
  /** Rows with something in them below the header, where the file is read whole (Excel, Parquet). */
  rows?: number
  mapping: ColumnMapping[]
  /** Why the table cannot be imported as it stands: a key column not found. */
  error?: string
}

export interface FileInspection {
  name: string
  format: FileFormat | null
  encoding?: Encoding
  /** Every worksheet with a recognisable header and data rows, or the file's one table. */
  tables: TableInspection[]
  /** Worksheets passed over, with the reason. */
  skipped: { sheet: string; reason: string }[]
  /** Why the file cannot be imported at all. */
  error?: string
}

const UNKNOWN_FORMAT = '无法识别的文件类型：请使用 .csv、.xlsx 或 .parquet 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）'
const NOT_TEXT =
  '不是CSV或Excel文件：文件内容不是文字（可能是图片、PDF、Word 文档或压缩包）。请在 Excel 或 WPS 中打开数据，另存为 .xlsx 或 CSV 后重新导入'
const OLD_XLS = '这是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新导入'
const EMPTY = '文件是空的：没有任何内容。请确认选对了文件，或重新导出后再导入'

type Problem = 'empty' | 'header' | 'rows'
const FILE_PROBLEM: Record<Problem, string> = {
  empty: EMPTY,
  header: '找不到表头：前20行中没有可识别的列名（如“行政区划代码”“年份”），请对照模板检查',
  rows: `文件${NO_DATA_ROWS}`,
}
const SHEET_PROBLEM: Record<Problem, string> = {
  empty: '工作表是空的',
  header: '没有可识别的表头：前20行中没有“行政区划代码”“年份”等列名；如果这张表有数据，请对照模板修改表头',
  rows: '只有表头，没有数据行',
}

const UNREADABLE: Record<FileFormat, string> = {
  csv: '无法读取：文件内容不是有效的文字，请在 Excel 或 WPS 中另存为 CSV 或 .xlsx 后重新导入',
  xlsx: '无法读取：不是有效的Excel（.xlsx）工作簿，文件可能已损坏，或是改了扩展名的其他文件。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新导入',
  parquet: '无法读取：不是有效的 Parquet 文件，文件可能不完整或已损坏，请重新导出',
}

/** The readers' own (English) messages are not shown; a codec the Parquet reader lacks is named. */
function unreadable(format: FileFormat, e: unknown): string {
  const codec = /unsupported compression codec: (\w+)/.exec(e instanceof Error ? e.message : String(e))?.[1]
  return codec
    ? `无法读取：Parquet 文件使用了不支持的压缩方式（${codec}），请改用 ZSTD、Snappy 或 GZIP 压缩后重新导出`
    : UNREADABLE[format]
}

/** How to read a file: by its content where that says (an .xlsx saved as .csv), else by its name. */
function formatFor(file: InputFile): { format: FileFormat } | { error: string } {
  const bytes = new Uint8Array(file.bytes)
  const named = formatOf(file.name)
  if (!named) return { error: UNKNOWN_FORMAT }
  if (bytes.length === 0) return { error: EMPTY }
  const sniffed = sniffFormat(bytes)
  if (sniffed === 'xls') return { error: OLD_XLS }
  if (sniffed === 'binary') return { error: NOT_TEXT }
  return { format: sniffed ?? named }
}

interface Sheet {
  /** The worksheet, for Excel files. */
  name?: string
  /** The first rows, for the header. */
  head: Cell[][]
  /** Feeds every row with its spreadsheet row number. */
  each: (onRow: (cells: Cell[], row: number) => void, onProgress?: (f: number) => void) => void
  /** Every row, where the file is read whole (Excel, Parquet). */
  rows?: Cell[][]
}

const blank = (cells: readonly Cell[]) => cells.every((c) => cellText(c).trim() === '')

async function openSheets(
  file: InputFile,
  encoding: Encoding | undefined,
  format: FileFormat,
  whole: boolean,
): Promise<{ encoding?: Encoding; sheets: Sheet[] }> {
  if (format === 'csv') {
    const bytes = new Uint8Array(file.bytes)
    const chosen = encoding ?? detectEncoding(bytes)
    // Inspecting needs only the head of a large file.
    const text = decodeText(whole ? bytes : bytes.subarray(0, 1 << 18), chosen)
    const sheet: Sheet = { head: csvHead(text), each: (onRow, onProgress) => readCsv(text, onRow, onProgress) }
    return { encoding: chosen, sheets: [sheet] }
  }
  const all =
    format === 'xlsx' ? await readXlsx(file.bytes) : [{ name: undefined, rows: await readParquetRows(file.bytes) }]
  return {
    sheets: all.map(({ name, rows }) => {
      // The workbook or file is read whole; the checks then go row by row, reported every 1%.
      const step = Math.max(1, Math.ceil(rows.length / 100))
      const each: Sheet['each'] = (onRow, onProgress) =>
        rows.forEach((r, i) => {
          onRow(r, i + 1)
          if ((i + 1) % step === 0 || i + 1 === rows.length) onProgress?.((i + 1) / rows.length)
        })
      return { name, head: rows.slice(0, 20), each, rows }
    }),
  }
}

interface Located {
  sheet: Sheet
  headerRow: number
  headers: string[]
  rows?: number
}

/** Each sheet's header, or why the sheet has no table; a file without any table says why as a whole. */
function locateTables(sheets: readonly Sheet[]): {
  tables: Located[]
  skipped: { sheet: string; reason: string }[]
  error?: string
} {
  const tables: Located[] = []
  const problems: { sheet?: string; problem: Problem }[] = []
  for (const sheet of sheets) {
    const found = locateHeader(sheet.head)
    const rows = found ? sheet.rows?.slice(found.index + 1).filter((r) => !blank(r)).length : undefined
    const problem = sheet.head.every(blank) ? 'empty' : !found ? 'header' : rows === 0 ? 'rows' : null
    if (problem) problems.push({ sheet: sheet.name, problem })
    else if (found) tables.push({ sheet, headerRow: found.index + 1, headers: found.headers, rows })
  }
  const skipped = problems.flatMap((p) =>
    p.sheet === undefined ? [] : [{ sheet: p.sheet, reason: SHEET_PROBLEM[p.problem] }],
  )
  if (tables.length > 0) return { tables, skipped }
  const single = problems.every((p) => p.sheet === undefined) ? problems[0]?.problem : undefined
  const only = single ?? (problems.every((p) => p.problem === 'empty') ? 'empty' : null)
  const error = only
    ? FILE_PROBLEM[only]
    : `工作簿中没有可导入的工作表：${skipped.map((s) => `“${s.sheet}”${s.reason}`).join('；')}`
  return { tables, skipped, error }
}

function keysError(mapping: readonly ColumnMapping[]): string | undefined {
  const missing = missingKeys(mapping)
  // A school file's columns are not assigned on the page.
  const fix = isSchoolMapping(mapping) ? '请对照学校数据模板修改表头' : '请在下方指定，或对照模板修改表头'
  return missing.length ? `缺少${missing.map((k) => `“${k}”`).join('和')}列：${fix}` : undefined
}

/** A table's columns as found: a school-level file's, or else a county file's. */
const mappingOf = (headers: readonly string[]) => matchSchoolHeaders(headers) ?? matchHeaders(headers)

export async function inspectFile(file: InputFile, choice: Pick<FileChoice, 'encoding'> = {}): Promise<FileInspection> {
  const kind = formatFor(file)
  const base = { name: file.name, format: 'format' in kind ? kind.format : null, tables: [], skipped: [] }
  if ('error' in kind) return { ...base, error: kind.error }
  let opened: Awaited<ReturnType<typeof openSheets>>
  try {
    opened = await openSheets(file, choice.encoding, kind.format, false)
  } catch (e) {
    return { ...base, error: unreadable(kind.format, e) }
  }
  const { tables, skipped, error } = locateTables(opened.sheets)
  return {
    ...base,
    encoding: opened.encoding,
    tables: tables.map((t) => {
      const mapping = mappingOf(t.headers)
      return { sheet: t.sheet.name, headerRow: t.headerRow, rows: t.rows, mapping, error: keysError(mapping) }
    }),
    skipped,
    error,
  }
}

/**
 * Checks every table of every file with its confirmed choices, into one report; files that
 * cannot be read are reported, not thrown, and worksheets passed over are listed.
 */
export async function validateFiles(
  files: readonly { file: InputFile; choice: FileChoice }[],
  rules: ImportRules,
  onProgress?: (fraction: number, file: string) => void,
): Promise<ValidationResult> {
  const builder = new ImportBuilder(rules)
  for (const [n, { file, choice }] of files.entries()) {
    const kind = formatFor(file)
    if ('error' in kind) {
      builder.fileError(file.name, kind.error)
      continue
    }
    let opened: Awaited<ReturnType<typeof openSheets>>
    try {
      opened = await openSheets(file, choice.encoding, kind.format, true)
    } catch (e) {
      builder.fileError(file.name, unreadable(kind.format, e))
      continue
    }
    const { tables, skipped, error } = locateTables(opened.sheets)
    if (error) {
      builder.fileError(file.name, error)
      continue
    }
    for (const s of skipped) builder.skippedSheet(file.name, s.sheet, s.reason)
    const chosen = tables.flatMap((t) => {
      if (!choice.tables) return [{ ...t, mapping: mappingOf(t.headers) }]
      const picked = choice.tables.find((c) => c.sheet === t.sheet.name)
      if (!picked) builder.skippedSheet(file.name, t.sheet.name ?? '', '按指定不导入此工作表')
      return picked ? [{ ...t, mapping: picked.mapping }] : []
    })
    for (const [k, t] of chosen.entries()) {
      const { take, end } = builder.sheet(
        { file: file.name, sheet: t.sheet.name, encoding: opened.encoding },
        t.mapping,
        kind.format === 'csv',
      )
      t.sheet.each(
        (cells, row) => row > t.headerRow && take(cells, row),
        (f) => onProgress?.((n + (k + f) / chosen.length) / files.length, file.name),
      )
      end()
    }
  }
  return builder.result()
}

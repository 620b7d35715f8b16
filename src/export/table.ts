// Tables as files: CSV that Excel opens in Chinese, and .xlsx with numbers as numbers.
import writeExcelFile, { type SheetData } from 'write-excel-file/universal'
import type { Indicator } from '../indicators/catalog.ts'
import { roundTo } from '../indicators/format.ts'
import { csvDocument, csvLine } from './csv.ts'
import { NOTE_SHEET, tableNotes, type TableAbout } from './tableNotes.ts'

export type CellValue = string | number | null

export interface ExportColumn<T> {
  /** Chinese header with its unit, e.g. 公办园在园幼儿占比（%）. */
  header: string
  value: (row: T) => CellValue
  /** Decimal places numbers are rounded to (what the screen shows, per row where a verdict needs more); written as they are when absent. */
  digits?: number | ((row: T) => number)
  /** The indicator whose values the column holds, defined in the file's note. */
  indicator?: Indicator
}

const digitsOf = <T>(c: ExportColumn<T>, row: T): number | undefined =>
  typeof c.digits === 'function' ? c.digits(row) : c.digits

function cell<T>(c: ExportColumn<T>, row: T): CellValue {
  const v = c.value(row)
  if (typeof v !== 'number') return v
  const digits = digitsOf(c, row)
  return !Number.isFinite(v) ? null : digits === undefined ? v : roundTo(v, digits)
}

/** The note's lines for a table of these columns: each indicator once, in column order. */
function notesFor<T>(columns: readonly ExportColumn<T>[], about: TableAbout): [string, string][] {
  return tableNotes(about, [...new Set(columns.flatMap((c) => (c.indicator ? [c.indicator] : [])))])
}

/**
 * With `about`, the note comes first as `# key,value` lines and a blank line: Excel shows it
 * above the table, and a program skips it as comments (pandas `comment='#'`) or reads from
 * the line after the first blank one.
 */
export function csvText<T>(columns: readonly ExportColumn<T>[], rows: readonly T[], about?: TableAbout): string {
  const note = about ? [...notesFor(columns, about).map(([key, value]) => csvLine([`# ${key}`, value])), ''] : []
  return csvDocument([
    ...note,
    csvLine(columns.map((c) => c.header)),
    ...rows.map((r) => csvLine(columns.map((c) => cell(c, r)))),
  ])
}

export function sheetData<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): SheetData {
  const header = columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }))
  const body = rows.map((r) =>
    columns.map((c) => {
      const v = cell(c, r)
      if (typeof v !== 'number') return v
      const digits = digitsOf(c, r)
      return digits === undefined
        ? { value: v, type: Number }
        : { value: v, type: Number, format: digits ? `0.${'0'.repeat(digits)}` : '0' }
    }),
  )
  return [header, ...body]
}

/** Excel limits a sheet name to 31 characters and forbids a few. */
export function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)
}

/**
 * The data sheet first, so that a program reading the first sheet gets the table; with
 * `about`, the note on a second sheet, and simulated data say so on the data sheet's tab.
 */
export function xlsxBlob<T>(
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
  sheet: string,
  about?: TableAbout,
): Promise<Blob> {
  const widths = columns.map((c) => ({ width: Math.max(8, Math.min(40, c.header.length * 2 + 2)) }))
  const data = {
    data: sheetData(columns, rows),
    sheet: sheetName(about?.simulated ? `模拟数据 ${sheet}` : sheet),
    columns: widths,
    stickyRowsCount: 1,
  }
  if (!about) return writeExcelFile([data]).toBlob()
  const note: SheetData = notesFor(columns, about).map(([key, value]) => [
    { value: key, fontWeight: 'bold' as const },
    { value, wrap: true },
  ])
  return writeExcelFile([data, { data: note, sheet: NOTE_SHEET, columns: [{ width: 12 }, { width: 100 }] }]).toBlob()
}

export function csvBlob<T>(columns: readonly ExportColumn<T>[], rows: readonly T[], about?: TableAbout): Blob {
  return new Blob([csvText(columns, rows, about)], { type: 'text/csv;charset=utf-8' })
}

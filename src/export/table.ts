// Tables as files: CSV that Excel opens in Chinese, and .xlsx with numbers as numbers.
import writeExcelFile, { type SheetData } from 'write-excel-file/universal'
import { csvDocument, csvLine } from './csv.ts'

export type CellValue = string | number | null

export interface ExportColumn<T> {
  /** Chinese header with its unit, e.g. 公办园在园幼儿占比（%）. */
  header: string
  value: (row: T) => CellValue
  /** Decimal places numbers are rounded to (what the screen shows); written as they are when absent. */
  digits?: number
}

function rounded(value: number, digits: number | undefined): number {
  if (digits === undefined) return value
  const f = 10 ** digits
  return Math.round(value * f) / f
}

function cell<T>(c: ExportColumn<T>, row: T): CellValue {
  const v = c.value(row)
  if (typeof v === 'number') return Number.isFinite(v) ? rounded(v, c.digits) : null
  return v
}

export function csvText<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): string {
  return csvDocument([csvLine(columns.map((c) => c.header)), ...rows.map((r) => csvLine(columns.map((c) => cell(c, r))))])
}

export function sheetData<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): SheetData {
  const header = columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }))
  const body = rows.map((r) =>
    columns.map((c) => {
      const v = cell(c, r)
      if (typeof v !== 'number') return v
      return c.digits === undefined ? { value: v, type: Number } : { value: v, type: Number, format: c.digits ? `0.${'0'.repeat(c.digits)}` : '0' }
    }),
  )
  return [header, ...body]
}

/** Excel limits a sheet name to 31 characters and forbids a few. */
export function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)
}

export function xlsxBlob<T>(columns: readonly ExportColumn<T>[], rows: readonly T[], sheet: string): Promise<Blob> {
  const widths = columns.map((c) => ({ width: Math.max(8, Math.min(40, c.header.length * 2 + 2)) }))
  return writeExcelFile(sheetData(columns, rows), { sheet: sheetName(sheet), columns: widths, stickyRowsCount: 1 }).toBlob()
}

export function csvBlob<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): Blob {
  return new Blob([csvText(columns, rows)], { type: 'text/csv;charset=utf-8' })
}

// Turning a CSV, Excel or Parquet file into rows of cells, and finding its header row.
import Papa from 'papaparse'
import readXlsxFile from 'read-excel-file/universal'
import { parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { cellText, type Cell } from './cells.ts'
import type { Encoding } from './encodings.ts'
import { recognisedCount } from './headers.ts'

export type FileFormat = 'csv' | 'xlsx' | 'parquet'

export function formatOf(fileName: string): FileFormat | null {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1]
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv'
  if (ext === 'xlsx') return 'xlsx'
  if (ext === 'parquet') return 'parquet'
  return null
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b)

/**
 * What the bytes are, whatever the name says: a zip (an .xlsx saved as .csv), Parquet, an
 * old .xls (OLE2), or binary data that is no text in any encoding offered (NUL bytes without
 * a UTF-16 BOM); null for text.
 */
export function sniffFormat(bytes: Uint8Array): FileFormat | 'xls' | 'binary' | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'
  if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) return 'parquet'
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls'
  if (startsWith(bytes, [0xff, 0xfe])) return null
  return bytes.subarray(0, 4096).includes(0) ? 'binary' : null
}

/** BOMs decide; otherwise text that is not valid UTF-8 is taken for GBK/GB18030. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  // The whole file, not its head: with an ASCII header the first Chinese (a 合计 row, a
  // 备注, a “2024年”) may come megabytes in. Chunks keep the decoded text small; streaming
  // carries a character cut between chunks over (and ignores one cut at the very end).
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for (let at = 0; at < bytes.length; at += 1 << 22)
      decoder.decode(bytes.subarray(at, at + (1 << 22)), { stream: true })
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  // TextDecoder drops the BOM itself.
  return new TextDecoder(encoding).decode(bytes)
}

/** The newline that ends a text's last line ends a row; it does not start a blank one. */
const withoutFinalNewline = (text: string) =>
  text.endsWith('\n') ? text.slice(0, text.endsWith('\r\n') ? -2 : -1) : text

/** The first rows of a CSV text, for finding its header. */
export function csvHead(text: string, rows = 20): string[][] {
  return Papa.parse<string[]>(withoutFinalNewline(text), { preview: rows, skipEmptyLines: false }).data
}

/**
 * Streams a CSV text's rows with their 1-based row numbers; `onProgress` gets the share
 * of the text read. Returning false from `onRow` is not needed: callers stop by
 * terminating the worker.
 */
export function readCsv(
  text: string,
  onRow: (cells: string[], row: number) => void,
  onProgress?: (fraction: number) => void,
): void {
  let row = 0
  let reported = 0
  Papa.parse<string[]>(withoutFinalNewline(text), {
    skipEmptyLines: false,
    step: (result) => {
      onRow(result.data, ++row)
      const cursor = result.meta.cursor
      if (onProgress && cursor - reported > text.length / 100) {
        reported = cursor
        onProgress(cursor / text.length)
      }
    },
  })
}

export interface SheetRows {
  name: string
  rows: Cell[][]
}

export async function readXlsx(bytes: ArrayBuffer): Promise<SheetRows[]> {
  const sheets = await readXlsxFile(bytes)
  return sheets.map((s) => ({ name: s.sheet, rows: s.data as Cell[][] }))
}

/** A Parquet file as a header row (its column names) followed by its rows. */
export async function readParquetRows(bytes: ArrayBuffer): Promise<Cell[][]> {
  const objects = await parquetReadObjects({ file: bytes, compressors })
  const names = objects.length > 0 ? Object.keys(objects[0]!) : []
  return [names, ...objects.map((o) => names.map((n) => o[n] as Cell))]
}

/**
 * The header row: among the first rows, the one with most recognised column names (a
 * title row or a merged group header above it is passed over). Each column's header is
 * taken from that row, or, where it is empty (a cell merged down from above), from the
 * nearest filled cell above it.
 */
export function locateHeader(head: readonly (readonly Cell[])[]): { index: number; headers: string[] } | null {
  let best = -1
  let bestCount = 0
  head.slice(0, 20).forEach((row, i) => {
    const n = recognisedCount(row.map(cellText))
    if (n > bestCount) [best, bestCount] = [i, n]
  })
  if (best < 0) return null
  const width = Math.max(...head.slice(0, best + 1).map((r) => r.length))
  const headers = Array.from({ length: width }, (_, c) => {
    for (let r = best; r >= 0; r--) {
      const text = cellText(head[r]?.[c]).trim()
      if (text !== '') return text
    }
    return ''
  })
  return { index: best, headers }
}

// Reading one spreadsheet cell as users write them: 1,234 · 12.5% · １２３ · — for missing.
// Nothing is guessed: what cannot be read is reported with its reason.

/** A cell as the CSV, Excel and Parquet readers hand it over. */
export type Cell = string | number | boolean | bigint | Date | null | undefined

export type ParsedNumber =
  /** `written`: the word a user wrote for "no figure" (N/A, —, 无 …); absent for an empty cell. */
  | { kind: 'missing'; written?: string }
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'invalid'; reason: string }

/** What users write for "no figure". */
const MISSING = new Set([
  '-',
  '--',
  '—',
  '——',
  '–',
  '/',
  '\\',
  '…',
  '...',
  'na',
  'n/a',
  '#n/a',
  'null',
  'none',
  '无',
  '空',
  '暂无',
  '缺',
])

const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/

/** The cell as text, as it should appear in a report. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell)
}

/** Full-width digits, commas, percent and minus signs become their ASCII forms. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[−－]/g, '-')
}

export function parseNumber(cell: Cell): ParsedNumber {
  if (typeof cell === 'number')
    return Number.isFinite(cell)
      ? { kind: 'number', value: cell, percent: false }
      : { kind: 'invalid', reason: '不是有效数字' }
  if (typeof cell === 'bigint') return { kind: 'number', value: Number(cell), percent: false }
  if (cell === null || cell === undefined) return { kind: 'missing' }
  if (typeof cell === 'boolean' || cell instanceof Date)
    return { kind: 'invalid', reason: typeof cell === 'boolean' ? '是逻辑值，不是数字' : '是日期，不是数字' }
  let text = normalizeText(cell)
  if (text === '') return { kind: 'missing' }
  if (MISSING.has(text.toLowerCase())) return { kind: 'missing', written: cell.trim() }
  const percent = text.endsWith('%')
  if (percent) text = text.slice(0, -1)
  if (GROUPED.test(text)) text = text.replaceAll(',', '')
  else if (text.includes(',')) return { kind: 'invalid', reason: '千分位逗号位置不对，无法确定数值' }
  if (!PLAIN.test(text)) return { kind: 'invalid', reason: '不是数字' }
  return { kind: 'number', value: Number(text), percent }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

/** A six-digit 行政区划代码; twelve-digit 统计用区划代码 ending in 000000 are shortened. */
export function parseCode(cell: Cell): Parsed<string> {
  let text = normalizeText(cellText(cell)).replace(/\.0+$/, '')
  if (/^\d{12}$/.test(text) && text.endsWith('000000')) text = text.slice(0, 6)
  if (text === '') return { ok: false, reason: '行政区划代码为空' }
  if (!/^\d{6}$/.test(text)) return { ok: false, reason: '行政区划代码应为6位数字' }
  return { ok: true, value: text }
}

export function parseYear(cell: Cell, range: { min: number; max: number }): Parsed<number> {
  const text = normalizeText(cellText(cell))
    .replace(/\.0+$/, '')
    .replace(/年度?$/, '')
  if (text === '') return { ok: false, reason: '年份为空' }
  if (!/^\d{4}$/.test(text)) return { ok: false, reason: '年份应为4位数字，如2024' }
  const year = Number(text)
  if (year < range.min || year > range.max) return { ok: false, reason: `年份超出范围（${range.min}–${range.max}）` }
  return { ok: true, value: year }
}

// What every table's data rows are checked with, county rows (validate.ts) and school rows
// (schoolRows.ts) alike: how a row starts, is placed and is worded in the report, and how a
// count or amount cell is read.
import { cellText, parseNumber, type Cell } from './cells.ts'
import type { ColumnMapping } from './headers.ts'
import type { FileSummary, ImportIssue, IssueAction, Severity } from './report.ts'

/** Said of a file or worksheet whose header has nothing below it. */
export const NO_DATA_ROWS = '没有数据行：表头下面没有任何数据，请确认导出或另存时包含了数据行'

/** A row of totals, which the dashboard computes itself. */
export const TOTAL_ROW = /^(合计|小计|总计|全省|全市|全州|全盟)/

/** Dividing by 10000 rather than multiplying by 0.0001 keeps 1250000000 元 at exactly 125000 万元. */
const scaled = (value: number, factor: number) => (factor < 1 ? value / Math.round(1 / factor) : value * factor)

export type FieldCell =
  { kind: 'value'; value: number } | { kind: 'bad'; reason: string } | { kind: 'missing'; written?: string }

/** A count or amount cell in the field's unit, or why it cannot be taken. */
export function fieldCell(cell: Cell, integer: boolean, factor: number): FieldCell {
  const parsed = parseNumber(cell)
  if (parsed.kind === 'missing') return parsed
  if (parsed.kind === 'invalid') return { kind: 'bad', reason: parsed.reason }
  if (parsed.percent) return { kind: 'bad', reason: '百分数不能填入人数、金额等数量字段' }
  if (parsed.value < 0) return { kind: 'bad', reason: '不能为负数' }
  if (integer && factor === 1 && !Number.isInteger(parsed.value)) return { kind: 'bad', reason: '应为整数' }
  return { kind: 'value', value: scaled(parsed.value, factor) }
}

/** Where a row was read, as the report names it. */
export interface Place {
  file: string
  sheet?: string
  row: number
}

export const placeText = (p: Place, from?: Place) =>
  `${p.file === from?.file && p.sheet === from.sheet ? '' : `${p.file}${p.sheet ? `（工作表“${p.sheet}”）` : ''}`}第${p.row}行`

/** Why a CSV row longer than its header is refused: Excel and WPS end data rows with empty cells, which are passed over. */
export function longRow(cells: readonly Cell[], width: number): string | null {
  return cells.length > width && cells.slice(width).some((c) => cellText(c).trim() !== '')
    ? `本行有${cells.length}个单元格，多于表头的${width}列（可能有未加引号的逗号），无法确定各值所属的列`
    : null
}

/** Said of a table whose header has no rows below it. */
export const noDataRows = ({ file, sheet }: Pick<FileSummary, 'file' | 'sheet'>): ImportIssue => ({
  file,
  sheet,
  row: null,
  column: '',
  value: '',
  reason: `${sheet === undefined ? '文件' : '工作表'}${NO_DATA_ROWS}`,
  severity: 'error',
  action: sheet === undefined ? '整个文件未导入' : '整张工作表未导入',
})

export const shortRow = (cells: readonly Cell[], width: number) =>
  `本行只有${cells.length}个单元格，少于表头的${width}列，缺少的按无数据处理`

export const columnLabel = (m: ColumnMapping) => `${m.letter}列 ${m.header}`

/** Words written for "no figure" (N/A, —, 无 …), per column: said once per column at the table's end. */
export class MissingWords {
  private readonly words = new Map<string, { m: ColumnMapping; word: string; rows: number[] }>()

  add(m: ColumnMapping, word: string, row: number): void {
    const words = this.words.get(`${m.index}|${word}`)
    if (words) words.rows.push(row)
    else this.words.set(`${m.index}|${word}`, { m, word, rows: [row] })
  }

  issues(file: string, sheet: string | undefined): ImportIssue[] {
    return [...this.words.values()].map(({ m, word, rows }) => ({
      file,
      sheet,
      row: rows[0]!,
      column: columnLabel(m),
      value: word,
      reason: `本列有${rows.length}个单元格写作“${word}”（第${rows.slice(0, 5).join('、')}${rows.length > 5 ? '等' : ''}行），按无数据处理；如有数值，请填上后重新导入`,
      severity: 'info',
      action: '单元格未导入',
    }))
  }
}

/** How a data row's problem is told: at its file, sheet and row, in a column (or the whole row). */
export type RowIssue = (
  m: ColumnMapping | null,
  reason: string,
  severity: Severity,
  action: IssueAction,
  value?: string,
) => void

/**
 * Starts a data row's check: a blank row is counted as such and needs nothing more (null);
 * any other is counted as read, and its problems are told through the function returned.
 */
export function startRow(
  report: (issue: ImportIssue) => void,
  file: FileSummary,
  cells: readonly Cell[],
  row: number,
): RowIssue | null {
  if (cells.every((c) => cellText(c).trim() === '')) {
    file.blank++
    return null
  }
  file.rowsRead++
  return (m, reason, severity, action, value = m ? cellText(cells[m.index]) : '') =>
    report({
      file: file.file,
      sheet: file.sheet,
      row,
      column: m ? columnLabel(m) : '',
      value,
      reason,
      severity,
      action,
    })
}

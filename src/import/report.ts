// The validation report: every rejected or doubtful cell with file, row, column, value and
// a reason in Chinese, and per file how many rows were read, accepted and rejected.

import { csvDocument, csvLine } from '../export/csv.ts'

export type Severity = 'error' | 'warning' | 'info'

/** What happened to the data an issue is about. */
export type IssueAction =
  | '整行未导入'
  | '单元格未导入'
  | '已导入，请核实'
  | '整列未导入'
  | '整张工作表未导入'
  | '整个文件未导入'
  | '已汇总为区县数据'

export interface ImportIssue {
  file: string
  /** The worksheet, for Excel files. */
  sheet?: string
  /** Row number as the spreadsheet shows it (header rows counted); null for a whole column or file. */
  row: number | null
  /** Column letter and header, e.g. "E列 在园幼儿数(人)"; empty for a whole row. */
  column: string
  value: string
  reason: string
  severity: Severity
  action: IssueAction
}

export interface FileSummary {
  file: string
  /** The worksheet read, for Excel files. */
  sheet?: string
  /** The text encoding the file was read with, for CSV files. */
  encoding?: string
  rowsRead: number
  accepted: number
  rejected: number
  /** Rows with nothing in them, skipped. */
  blank: number
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '疑问', info: '说明' }

const REPORT_HEADER = ['文件', '工作表', '行', '列', '值', '问题', '类别', '处理']

export function issueCsvLine(i: ImportIssue): string {
  return csvLine([i.file, i.sheet ?? '', i.row, i.column, i.value, i.reason, SEVERITY_LABEL[i.severity], i.action])
}

/** The issues of each file and worksheet, in the order the files were read. */
export function issuesByTable(
  tables: readonly Pick<FileSummary, 'file' | 'sheet'>[],
  issues: readonly ImportIssue[],
): { file: string; sheet?: string; issues: ImportIssue[] }[] {
  const groups = new Map<string, { file: string; sheet?: string; issues: ImportIssue[] }>()
  const add = (file: string, sheet?: string) => {
    const key = `${file}\u0000${sheet ?? ''}`
    if (!groups.has(key)) groups.set(key, { file, sheet, issues: [] })
    return groups.get(key)!
  }
  for (const t of tables) add(t.file, t.sheet)
  for (const i of issues) add(i.file, i.sheet).issues.push(i)
  // A worksheet passed over is listed with its workbook's others, not after every file.
  const order = [...new Set(tables.map((t) => t.file))]
  return [...groups.values()]
    .filter((g) => g.issues.length > 0)
    .sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file))
}

/** Accepted rows per file, the worksheets of a workbook added up. */
export function acceptedPerFile(tables: readonly FileSummary[]): { name: string; rows: number }[] {
  const rows = new Map<string, number>()
  for (const t of tables) rows.set(t.file, (rows.get(t.file) ?? 0) + t.accepted)
  return [...rows].map(([name, n]) => ({ name, rows: n }))
}

/** The whole report as CSV, UTF-8 with BOM so that Excel on Chinese Windows opens it. */
export function reportCsv(lines: readonly string[]): string {
  return csvDocument([csvLine(REPORT_HEADER), ...lines])
}

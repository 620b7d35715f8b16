// The validation report: every rejected or doubtful cell with file, row, column, value and
// a reason in Chinese, and per file how many rows were read, accepted and rejected.

import { csvDocument, csvLine } from '../export/csv.ts'

export type Severity = 'error' | 'warning' | 'info'

/** What happened to the data an issue is about. */
export type IssueAction = '整行未导入' | '单元格未导入' | '已导入，请核实' | '整列未导入' | '整个文件未导入'

export interface ImportIssue {
  file: string
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

const REPORT_HEADER = ['文件', '行', '列', '值', '问题', '类别', '处理']

export function issueCsvLine(i: ImportIssue): string {
  return csvLine([i.file, i.row, i.column, i.value, i.reason, SEVERITY_LABEL[i.severity], i.action])
}

/** The whole report as CSV, UTF-8 with BOM so that Excel on Chinese Windows opens it. */
export function reportCsv(lines: readonly string[]): string {
  return csvDocument([csvLine(REPORT_HEADER), ...lines])
}

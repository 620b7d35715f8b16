// What the row-by-row check (validate.ts) is given and gives: the county list and years it
// checks against, the accepted rows column by column, and the report.
import type { CodeHistory } from './codeHistory.ts'
import type { FileSummary, ImportIssue, Severity } from './report.ts'

export interface ImportRules {
  /** code → county name, of every county the dashboard knows. */
  counties: ReadonlyMap<string, string>
  /** What became of old codes (re-coded, merged, split), for rows that still carry them. */
  history: CodeHistory
  years: { min: number; max: number }
}

/** Accepted rows, column by column; NaN is a missing value. */
export interface ImportedData {
  length: number
  code: string[]
  year: Int32Array
  fields: Record<string, Float64Array>
  /** Rates given in the files, by indicator id, in the unit written. */
  rates: Record<string, Float64Array>
  /** Whether each rate column was written in percent (a % in the header or the cells). */
  ratePercent: Record<string, boolean>
  /** Index into `files` and spreadsheet row of each accepted row, for the report. */
  fileIndex: Int32Array
  rowNumber: Int32Array
}

/** A rate column found in the files, for the cross-check. */
export interface RateColumn {
  indicator: string
  percent: boolean
}

/** The rate columns of checked data. */
export function rateColumns(data: ImportedData): RateColumn[] {
  return Object.keys(data.rates).map((indicator) => ({ indicator, percent: data.ratePercent[indicator] ?? false }))
}

/** Accepted rows of school-level tables, column by column (SCHOOL_COLUMNS' ids); NaN or null is a missing value. */
export interface SchoolData {
  length: number
  /** The text columns: school_id, school_name, code (the current county), stage, urban_rural, ownership. */
  text: Record<string, (string | null)[]>
  year: number[]
  /** The figures, by school column id. */
  fields: Record<string, number[]>
  fileIndex: number[]
  rowNumber: number[]
}

export interface ValidationResult {
  data: ImportedData
  /** Rows of school-level tables, to be summed by county (null when no table was one). */
  schools: SchoolData | null
  files: FileSummary[]
  /** The first issues, for display; all of them are in `reportLines`. */
  issues: ImportIssue[]
  issueCount: Record<Severity, number>
  reportLines: string[]
}

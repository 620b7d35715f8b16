// Row-by-row check of users' files. Keys (code, year, duplicates) decide whether a row is
// taken; a bad cell is left out of an accepted row and listed; the rates users give beside
// their parts are kept for the SQL cross-check (queries/importChecks.ts).
import { PART_WHOLE, RAW_FIELDS } from '../indicators/fields.ts'
import { cellText, parseCode, parseNumber, parseYear, type Cell } from './cells.ts'
import type { ColumnMapping } from './headers.ts'
import type { ImportRules, ValidationResult } from './imported.ts'
import { issueCsvLine, type FileSummary, type ImportIssue, type IssueAction, type Severity } from './report.ts'

/** How many issues are handed to the page; the downloadable report has them all. */
export const DISPLAYED_ISSUES = 2000

/** A row of totals, which the dashboard computes itself. */
const TOTAL_ROW = /^(合计|小计|总计|全省|全市|全州|全盟)/

const FIELD_BY_ID = new Map(RAW_FIELDS.map((f) => [f.id, f]))

/** Dividing by 10000 rather than multiplying by 0.0001 keeps 1250000000 元 at exactly 125000 万元. */
const scaled = (value: number, factor: number) => (factor < 1 ? value / Math.round(1 / factor) : value * factor)

export class ImportBuilder {
  private readonly files: FileSummary[] = []
  private readonly issues: ImportIssue[] = []
  private readonly lines: string[] = []
  private readonly count: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  private readonly seen = new Map<string, string>()
  private readonly code: string[] = []
  private readonly year: number[] = []
  private readonly fields = new Map<string, number[]>(RAW_FIELDS.map((f) => [f.id, []]))
  private readonly rates = new Map<string, number[]>()
  private readonly ratePercent: Record<string, boolean> = {}
  private readonly fileIndex: number[] = []
  private readonly rowNumber: number[] = []

  constructor(private readonly rules: ImportRules) {}

  report(issue: ImportIssue): void {
    this.count[issue.severity]++
    this.lines.push(issueCsvLine(issue))
    if (this.issues.length < DISPLAYED_ISSUES) this.issues.push(issue)
  }

  /** A file that could not be read at all. */
  fileError(file: string, reason: string): void {
    this.files.push({ file, rowsRead: 0, accepted: 0, rejected: 0, blank: 0 })
    this.report({ file, row: null, column: '', value: '', reason, severity: 'error', action: '整个文件未导入' })
  }

  /**
   * Starts a sheet; returns the function that takes its data rows. `ragged` asks for
   * rows longer or shorter than the header to be reported (CSV, where a stray comma
   * shifts every later cell).
   */
  sheet(
    summary: Omit<FileSummary, 'rowsRead' | 'accepted' | 'rejected' | 'blank'>,
    mapping: readonly ColumnMapping[],
    ragged: boolean,
  ): (cells: readonly Cell[], row: number) => void {
    const file: FileSummary = { ...summary, rowsRead: 0, accepted: 0, rejected: 0, blank: 0 }
    const fileNo = this.files.push(file) - 1
    const label = (m: ColumnMapping) => `${m.letter}列 ${m.header}`
    for (const m of mapping) {
      if (m.problem)
        this.report({
          file: file.file,
          row: null,
          column: label(m),
          value: '',
          reason: m.problem,
          severity: 'warning',
          action: '整列未导入',
        })
      if (m.note)
        this.report({
          file: file.file,
          row: null,
          column: label(m),
          value: '',
          reason: m.note,
          severity: 'info',
          action: '已导入，请核实',
        })
    }
    const find = (kind: string) => mapping.find((m) => m.target.kind === kind)
    const codeCol = find('code')
    const yearCol = find('year')
    const nameCol = find('name')
    const fieldCols = mapping.flatMap((m) =>
      m.target.kind === 'field' ? [{ m, id: m.target.id, factor: m.target.factor }] : [],
    )
    const rateCols = mapping.flatMap((m) =>
      m.target.kind === 'rate' ? [{ m, id: m.target.indicator, percent: m.target.percent }] : [],
    )
    for (const r of rateCols) {
      if (!this.rates.has(r.id)) this.rates.set(r.id, new Array<number>(this.code.length).fill(NaN))
      this.ratePercent[r.id] = (this.ratePercent[r.id] ?? false) || r.percent
    }
    const width = mapping.length

    return (cells, row) => {
      const issue = (
        m: ColumnMapping | null,
        reason: string,
        severity: Severity,
        action: IssueAction,
        value = m ? cellText(cells[m.index]) : '',
      ) => this.report({ file: file.file, row, column: m ? label(m) : '', value, reason, severity, action })
      if (cells.every((c) => cellText(c).trim() === '')) {
        file.blank++
        return
      }
      file.rowsRead++
      const reject = (m: ColumnMapping | null, reason: string) => {
        file.rejected++
        issue(m, reason, 'error', '整行未导入', m ? undefined : cells.map(cellText).join(' | '))
      }
      if (ragged && cells.length > width)
        return reject(
          null,
          `本行有${cells.length}个单元格，多于表头的${width}列（可能有未加引号的逗号），无法确定各值所属的列`,
        )
      if (!codeCol || !yearCol) return reject(null, '缺少“行政区划代码”或“年份”列')
      const code = parseCode(cells[codeCol.index])
      if (!code.ok && cells.some((c) => TOTAL_ROW.test(cellText(c)))) {
        file.rejected++
        return issue(
          null,
          '合计行：看板由各区县的数据自行汇总，此行不导入',
          'info',
          '整行未导入',
          cells.map(cellText).join(' | '),
        )
      }
      if (!code.ok) return reject(codeCol, code.reason)
      const known = this.rules.counties.get(code.value)
      if (known === undefined) return reject(codeCol, '未知的行政区划代码：不在看板的区县名单中（已撤并或代码有误？）')
      const year = parseYear(cells[yearCol.index], this.rules.years)
      if (!year.ok) return reject(yearCol, year.reason)
      const key = `${code.value}|${year.value}`
      const first = this.seen.get(key)
      if (first !== undefined) return reject(null, `${known}${year.value}年的数据重复：与${first}相同，保留前者`)
      this.seen.set(key, `${file.file}第${row}行`)

      if (ragged && cells.length < width)
        issue(
          null,
          `本行只有${cells.length}个单元格，少于表头的${width}列，缺少的按无数据处理`,
          'warning',
          '已导入，请核实',
          '',
        )
      if (nameCol) {
        const name = cellText(cells[nameCol.index]).trim()
        if (name !== '' && !name.includes(known) && !known.includes(name))
          issue(nameCol, `名称与代码${code.value}对应的区县“${known}”不一致，已按代码导入`, 'warning', '已导入，请核实')
      }

      const values = new Map<string, number>()
      for (const { m, id, factor } of fieldCols) {
        const field = FIELD_BY_ID.get(id)!
        const parsed = parseNumber(cells[m.index])
        if (parsed.kind === 'missing') continue
        const bad = (reason: string) => issue(m, reason, 'error', '单元格未导入')
        if (parsed.kind === 'invalid') bad(parsed.reason)
        else if (parsed.percent) bad('百分数不能填入人数、金额等数量字段')
        else if (parsed.value < 0) bad('不能为负数')
        else if (field.integer && factor === 1 && !Number.isInteger(parsed.value)) bad('应为整数')
        else values.set(id, scaled(parsed.value, factor))
      }
      for (const { parts, whole } of PART_WHOLE) {
        const total = values.get(whole)
        const present = parts.filter((p) => values.has(p))
        if (total === undefined || present.length === 0) continue
        const sum = present.reduce((s, p) => s + values.get(p)!, 0)
        if (sum <= total * (1 + 1e-9)) continue
        const cols = [...present, whole].map((id) => fieldCols.find((c) => c.id === id)!.m)
        const partText = present.map((p) => FIELD_BY_ID.get(p)!.label).join('+')
        issue(
          cols[0]!,
          `${partText}（${sum}）大于${FIELD_BY_ID.get(whole)!.label}（${total}），两者均未导入`,
          'error',
          '单元格未导入',
          cols.map((c) => cellText(cells[c.index])).join(' / '),
        )
        for (const id of [...present, whole]) values.delete(id)
      }
      for (const r of rateCols) {
        const parsed = parseNumber(cells[r.m.index])
        if (parsed.kind === 'invalid') issue(r.m, `${parsed.reason}（比率列仅用于核对）`, 'warning', '已导入，请核实')
        if (parsed.kind === 'number' && parsed.percent) this.ratePercent[r.id] = true
      }

      file.accepted++
      this.code.push(code.value)
      this.year.push(year.value)
      this.fileIndex.push(fileNo)
      this.rowNumber.push(row)
      for (const [id, column] of this.fields) column.push(values.get(id) ?? NaN)
      for (const [id, column] of this.rates) {
        const col = rateCols.find((r) => r.id === id)
        const parsed = col ? parseNumber(cells[col.m.index]) : null
        column.push(parsed?.kind === 'number' ? parsed.value : NaN)
      }
    }
  }

  result(): ValidationResult {
    const floats = (m: Map<string, number[]>) => Object.fromEntries([...m].map(([id, v]) => [id, Float64Array.from(v)]))
    return {
      data: {
        length: this.code.length,
        code: this.code,
        year: Int32Array.from(this.year),
        fields: floats(this.fields),
        rates: floats(this.rates),
        ratePercent: this.ratePercent,
        fileIndex: Int32Array.from(this.fileIndex),
        rowNumber: Int32Array.from(this.rowNumber),
      },
      files: this.files,
      issues: this.issues,
      issueCount: this.count,
      reportLines: this.lines,
    }
  }
}

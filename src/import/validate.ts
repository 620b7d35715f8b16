// Row-by-row check of users' files. Keys (code, year, duplicates) decide whether a row is
// taken; a bad cell is left out of an accepted row and listed; the rates users give beside
// their parts are kept for the SQL cross-check (queries/importChecks.ts).
import { PART_WHOLE, RAW_FIELDS } from '../indicators/fields.ts'
import { cellText, normalizeText, parseCode, parseNumber, parseYear, type Cell } from './cells.ts'
import { isSchoolMapping, type ColumnMapping } from './headers.ts'
import type { ImportRules, ValidationResult } from './imported.ts'
import { combineMerges, type HeldPart } from './codeHistory.ts'
import { SchoolRows } from './schoolRows.ts'
import {
  MissingWords,
  TOTAL_ROW,
  columnLabel,
  fieldCell,
  longRow,
  noDataRows,
  placeText,
  shortRow,
  startRow,
  type Place,
} from './rows.ts'
import { issueCsvLine, type FileSummary, type ImportIssue, type IssueAction, type Severity } from './report.ts'

/** How many issues are handed to the page; the downloadable report has them all. */
export const DISPLAYED_ISSUES = 2000

const FIELD_BY_ID = new Map(RAW_FIELDS.map((f) => [f.id, f]))

/** 城步 for 城步苗族自治县, 长沙 for 长沙县. */
const shortName = (county: string) =>
  /^(.{2,}?)(?:[\u4e00-\u9fff]{1,4}族)+自治[县旗]$/u.exec(county)?.[1] ?? county.replace(/[县区市旗]$/, '')
/** What may stand before a county's name: its province and prefecture, e.g. 湖南省长沙市. */
const NAME_PREFIX = /^(?:[\u4e00-\u9fff]{1,9}?(?:省|自治区|市))?(?:[\u4e00-\u9fff]{1,9}?(?:市|地区|自治州|州|盟))?$/u

/**
 * Whether the name a file gives is the county's: its full name, the name without its
 * suffix (长沙 for 长沙县, 城步 for 城步苗族自治县), or either after the province and
 * prefecture (湖南省长沙市长沙县). Nothing else: a name with more text around it is not the county's.
 */
export function nameMatches(written: string, county: string): boolean {
  const name = normalizeText(written)
  const short = shortName(county)
  const at = [county, short].find((n) => n.length > 0 && name.endsWith(n))
  return at !== undefined && NAME_PREFIX.test(name.slice(0, name.length - at.length))
}

export class ImportBuilder {
  private readonly files: FileSummary[] = []
  private readonly issues: ImportIssue[] = []
  private readonly lines: string[] = []
  private readonly count: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  /** County-year → index of its accepted row. */
  private readonly seen = new Map<string, number>()
  private readonly code: string[] = []
  private readonly year: number[] = []
  private readonly fields = new Map<string, number[]>(RAW_FIELDS.map((f) => [f.id, []]))
  private readonly rates = new Map<string, number[]>()
  private readonly ratePercent: Record<string, boolean> = {}
  private readonly fileIndex: number[] = []
  private readonly rowNumber: number[] = []
  /** The rows of school-level tables, if any were read. */
  private schools?: SchoolRows

  constructor(private readonly rules: ImportRules) {}

  report(issue: ImportIssue): void {
    this.count[issue.severity]++
    this.lines.push(issueCsvLine(issue))
    if (this.issues.length < DISPLAYED_ISSUES) this.issues.push(issue)
  }

  /** An issue said at a table's top, before those found in its rows. */
  private insert(at: { lines: number; issues: number }, issue: ImportIssue): void {
    this.count[issue.severity]++
    this.lines.splice(at.lines, 0, issueCsvLine(issue))
    if (at.issues > this.issues.length) return
    this.issues.splice(at.issues, 0, issue)
    if (this.issues.length > DISPLAYED_ISSUES) this.issues.pop()
  }

  /** A file, or one of its worksheets, that could not be read at all. */
  fileError(file: string, reason: string, sheet?: string): void {
    this.files.push({ file, sheet, rowsRead: 0, accepted: 0, rejected: 0, blank: 0 })
    const action = sheet === undefined ? '整个文件未导入' : '整张工作表未导入'
    this.report({ file, sheet, row: null, column: '', value: '', reason, severity: 'error', action })
  }

  /** A worksheet passed over, said in the report. */
  skippedSheet(file: string, sheet: string, reason: string): void {
    this.report({ file, sheet, row: null, column: '', value: '', reason, severity: 'info', action: '整张工作表未导入' })
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
  ): { take: (cells: readonly Cell[], row: number) => void; end: () => void } {
    const file: FileSummary = { ...summary, rowsRead: 0, accepted: 0, rejected: 0, blank: 0 }
    const fileNo = this.files.push(file) - 1
    const { sheet } = summary
    if (isSchoolMapping(mapping)) {
      this.schools ??= new SchoolRows(
        this.rules,
        (i) => this.report(i),
        (n) => this.files[n]!,
      )
      const top = { lines: this.lines.length, issues: this.issues.length }
      return this.schools.sheet(file, fileNo, mapping, ragged, (issue) => this.insert(top, issue))
    }
    for (const m of mapping) {
      if (m.problem)
        this.report({
          file: file.file,
          sheet,
          row: null,
          column: columnLabel(m),
          value: '',
          reason: m.problem,
          severity: 'warning',
          action: '整列未导入',
        })
      if (m.note)
        this.report({
          file: file.file,
          sheet,
          row: null,
          column: columnLabel(m),
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
    const missingWords = new MissingWords()
    const end = () => {
      if (file.rowsRead === 0) this.report(noDataRows(file))
      for (const i of missingWords.issues(file.file, sheet)) this.report(i)
    }

    const take = (cells: readonly Cell[], row: number) => {
      const issue = startRow((i) => this.report(i), file, cells, row)
      if (!issue) return
      const reject = (m: ColumnMapping | null, reason: string) => {
        file.rejected++
        issue(m, reason, 'error', '整行未导入', m ? undefined : cells.map(cellText).join(' | '))
      }
      const long = ragged ? longRow(cells, width) : null
      if (long) return reject(null, long)
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
      const year = parseYear(cells[yearCol.index], this.rules.years)
      if (!year.ok) return reject(yearCol, year.reason)
      // An old code is read as the current unit's (re-coded) or kept as a merge's part until result().
      const written = nameCol ? cellText(cells[nameCol.index]) : ''
      const unit = this.rules.history.resolve(code.value, year.value, this.rules.counties, written)
      if (!unit.ok) return reject(codeCol, unit.reason)
      const known = unit.name
      const key = `${unit.code}|${year.value}`
      const read = fieldCols.map((c) => ({
        ...c,
        cell: fieldCell(cells[c.m.index], FIELD_BY_ID.get(c.id)!.integer, c.factor),
      }))
      const values = new Map(read.flatMap((r) => (r.cell.kind === 'value' ? [[r.id, r.cell.value] as const] : [])))
      const at = this.seen.get(key)
      const here: Place = { file: file.file, sheet, row }
      if (
        at !== undefined &&
        !this.repeat(at, values, here, `${known}${year.value}年`, cells.map(cellText).join(' | '))
      ) {
        file.rejected++
        return
      }

      if (ragged && cells.length < width) issue(null, shortRow(cells, width), 'warning', '已导入，请核实', '')
      if (nameCol) {
        const name = cellText(cells[nameCol.index]).trim()
        if (name !== '' && !nameMatches(name, known))
          issue(nameCol, `名称与代码${code.value}对应的区县“${known}”不一致，已按代码导入`, 'warning', '已导入，请核实')
      }

      for (const { m, cell } of read) {
        if (cell.kind === 'bad') issue(m, cell.reason, 'error', '单元格未导入')
        if (cell.kind === 'missing' && cell.written !== undefined) missingWords.add(m, cell.written, row)
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

      if (unit.note) issue(codeCol, unit.note, 'info', '已导入，请核实')
      file.accepted++
      const rate = (id: string) => {
        const col = rateCols.find((r) => r.id === id)
        const parsed = col ? parseNumber(cells[col.m.index]) : null
        return parsed?.kind === 'number' ? parsed.value : NaN
      }
      if (at !== undefined) {
        // Merged into the row met first: only what it left empty is filled.
        for (const [id, column] of [...this.fields, ...this.rates]) {
          const value = this.fields.has(id) ? (values.get(id) ?? NaN) : rate(id)
          if (Number.isNaN(column[at]!)) column[at] = value
        }
        return
      }
      this.seen.set(key, this.code.length)
      this.code.push(unit.code)
      this.year.push(year.value)
      this.fileIndex.push(fileNo)
      this.rowNumber.push(row)
      for (const [id, column] of this.fields) column.push(values.get(id) ?? NaN)
      for (const [id, column] of this.rates) column.push(rate(id))
    }
    return { take, end }
  }

  /**
   * A county-year met again, in this table or another. Rows of two tables that agree wherever
   * both have a figure are one row, the later filling what the first left empty (one file per
   * topic, 经费 and 学校); otherwise the first is kept. Both rows are listed; true when the
   * later row is to be merged.
   */
  private repeat(at: number, values: ReadonlyMap<string, number>, here: Place, what: string, cells: string): boolean {
    const table = this.files[this.fileIndex[at]!]!
    const first: Place = { file: table.file, sheet: table.sheet, row: this.rowNumber[at]! }
    const sameTable = first.file === here.file && first.sheet === here.sheet
    const before = (id: string) => this.fields.get(id)![at]!
    const adds = [...values.keys()].filter((id) => Number.isNaN(before(id)))
    // In one table, a figure one row has and the other lacks is a difference too.
    const differ = [...this.fields.keys()].filter((id) => {
      const [a, b] = [before(id), values.get(id) ?? NaN]
      if (Number.isNaN(a) || Number.isNaN(b)) return sameTable && Number.isNaN(a) !== Number.isNaN(b)
      return Math.abs(a - b) > 1e-9 * Math.max(Math.abs(b), 1)
    })
    const labels = (ids: readonly string[], text: (id: string) => string) =>
      `${ids.slice(0, 5).map(text).join('、')}${ids.length > 5 ? `等${ids.length}列` : ''}`
    const at1 = placeText(first, here)
    const at2 = placeText(here, first)
    const note = (p: Place, reason: string, severity: Severity, action: IssueAction, value = '') =>
      this.report({ ...p, column: '', value, reason, severity, action })
    const shown = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '空' : v)
    if (differ.length > 0) {
      const list = labels(
        differ,
        (id) => `${FIELD_BY_ID.get(id)!.label}（${at1}为${shown(before(id))}，本行为${shown(values.get(id))}）`,
      )
      note(
        here,
        `${what}的数据重复，且与${at1}的数值不同：${list}。已保留${at1}，本行未导入；请核对哪一行正确，删去另一行后重新导入`,
        'error',
        '整行未导入',
        cells,
      )
      note(
        first,
        `${what}的数据在${at2}又出现一次，数值不同（${labels(differ, (id) => FIELD_BY_ID.get(id)!.label)}）；已导入本行，请核实哪一行正确`,
        'warning',
        '已导入，请核实',
      )
      return false
    }
    if (adds.length === 0) {
      note(here, `${what}的数据重复：与${at1}相同，只导入一次（保留${at1}）；可删去本行`, 'info', '整行未导入', cells)
      note(first, `${what}的数据在${at2}又出现一次，数值相同；已导入本行`, 'info', '已导入，请核实')
      return false
    }
    note(
      here,
      `${what}的数据已在${at1}：本行的${labels(adds, (id) => FIELD_BY_ID.get(id)!.label)}并入那一行（两行都填了的数值相同）`,
      'info',
      '已导入，请核实',
    )
    return true
  }

  /**
   * Rows of merged units' parts, kept under their old codes so far: summed into the unit
   * where every part of a year is there (codeHistory.ts), taken out where not.
   */
  private mergeParts(): void {
    const held: HeldPart[] = []
    this.code.forEach((code, index) => {
      const merge = this.rules.counties.has(code) ? undefined : this.rules.history.mergeOf(code)
      if (!merge) return
      const values = new Map<string, number>()
      for (const [id, column] of this.fields) if (!Number.isNaN(column[index]!)) values.set(id, column[index]!)
      const [year, fileNo, row] = [this.year[index]!, this.fileIndex[index]!, this.rowNumber[index]!]
      held.push({ index, code, year, merge, values, fileNo, row })
    })
    if (held.length === 0) return
    const own = (code: string, year: number) => {
      const at = this.seen.get(`${code}|${year}`)
      if (at === undefined) return undefined
      const table = this.files[this.fileIndex[at]!]!
      return placeText({ file: table.file, sheet: table.sheet, row: this.rowNumber[at]! })
    }
    const { rows, outcomes } = combineMerges(held, own, this.rules.counties)
    for (const { part, accepted, reason } of outcomes) {
      const table = this.files[part.fileNo]!
      if (!accepted) {
        table.accepted--
        table.rejected++
      }
      const action = accepted ? '已导入，请核实' : '整行未导入'
      const place = { file: table.file, sheet: table.sheet, row: part.row }
      this.report({ ...place, column: '', value: part.code, reason, severity: accepted ? 'info' : 'error', action })
    }
    // The parts' rows give way to the summed rows.
    const out = new Set(held.map((p) => p.index))
    const keep = this.code.flatMap((_, i) => (out.has(i) ? [] : [i]))
    const compact = <T>(column: T[]) => {
      keep.forEach((from, to) => (column[to] = column[from]!))
      column.length = keep.length
    }
    compact(this.code)
    ;[this.year, this.fileIndex, this.rowNumber, ...this.fields.values(), ...this.rates.values()].forEach(compact)
    for (const r of rows) {
      this.code.push(r.code)
      this.year.push(r.year)
      this.fileIndex.push(r.fileNo)
      this.rowNumber.push(r.row)
      for (const [id, column] of this.fields) column.push(r.values.get(id) ?? NaN)
      for (const column of this.rates.values()) column.push(NaN)
    }
  }

  result(): ValidationResult {
    this.mergeParts()
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
      schools: this.schools?.data() ?? null,
      files: this.files,
      issues: this.issues,
      issueCount: this.count,
      reportLines: this.lines,
    }
  }
}

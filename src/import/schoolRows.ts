// Row-by-row check of school-level tables (one row per school and year): the keys, the
// figures as for county rows, and each school's figures against the parts its 学段 runs.
// The accepted rows are summed by county in SQL once staged (queries/importSchools.ts).
import { RAW_FIELDS } from '../indicators/fields.ts'
import {
  OWNERSHIP,
  SCHOOL_FIELDS,
  SCHOOL_KEY_FIELDS,
  SCHOOL_STAGES,
  SCHOOL_TO_COUNTY,
  SECTION_NAME,
  URBAN_RURAL,
  type SchoolField,
} from '../schools/fields.ts'
import { cellText, normalizeText, parseCode, parseYear, type Cell } from './cells.ts'
import type { ColumnMapping } from './headers.ts'
import type { ImportRules, SchoolData } from './imported.ts'
import type { FileSummary, ImportIssue, IssueAction, Severity } from './report.ts'
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

const TEXT_KEYS = ['school_id', 'school_name', 'code', 'stage', 'urban_rural', 'ownership'] as const
const KEY_LABEL = new Map<string, string>(SCHOOL_KEY_FIELDS.map((k) => [k.id, k.label]))
const FIELD_LABEL = new Map(SCHOOL_FIELDS.map((f) => [f.id, f.label]))
const COUNTY_LABEL = new Map(RAW_FIELDS.map((f) => [f.id, f.label]))

/** The choices a key column allows, said when a cell is not one of them. */
const CHOICES: Record<'stage' | 'urban_rural' | 'ownership', readonly string[]> = {
  stage: SCHOOL_STAGES.map((s) => s.id),
  urban_rural: URBAN_RURAL,
  ownership: OWNERSHIP,
}
const SECTIONS = new Map<string, readonly string[]>(SCHOOL_STAGES.map((s) => [s.id, s.sections]))

const yearsText = (years: readonly number[]) => {
  if (years.length === 0) return ''
  const [min, max] = [Math.min(...years), Math.max(...years)]
  return min === max ? `${min}年` : `${min}—${max}年`
}

/**
 * The county fields a school table's columns fill, by their labels: those whose school
 * columns are (some of them) in the table.
 */
export function countyFieldsFilled(ids: ReadonlySet<string>): string[] {
  const fields = SCHOOL_TO_COUNTY.filter((s) => s.schools.some((c) => ids.has(c))).map((s) => s.county)
  return [...new Set(fields)].map((id) => COUNTY_LABEL.get(id) ?? id)
}

export class SchoolRows {
  private readonly text: Record<string, (string | null)[]> = Object.fromEntries(TEXT_KEYS.map((k) => [k, []]))
  private readonly year: number[] = []
  private readonly fields = new Map<string, number[]>(SCHOOL_FIELDS.map((f) => [f.id, []]))
  private readonly fileIndex: number[] = []
  private readonly rowNumber: number[] = []
  /** 学校标识码 and year → index of its accepted row, across tables. */
  private readonly seen = new Map<string, number>()

  constructor(
    private readonly rules: ImportRules,
    private readonly report: (issue: ImportIssue) => void,
    private readonly table: (fileNo: number) => Pick<FileSummary, 'file' | 'sheet'>,
  ) {}

  /**
   * Starts a school table; returns the function that takes its data rows. `top` says an
   * issue at the table's head, before its rows' (what the table was recognised as).
   */
  sheet(
    file: FileSummary,
    fileNo: number,
    mapping: readonly ColumnMapping[],
    ragged: boolean,
    top: (issue: ImportIssue) => void,
  ): { take: (cells: readonly Cell[], row: number) => void; end: () => void } {
    const { sheet } = file
    const col = (id: string) => mapping.find((m) => m.target.kind === 'school' && m.target.id === id)
    const figures = SCHOOL_FIELDS.flatMap((f) => {
      const m = col(f.id)
      return m ? [{ m, f }] : []
    })
    for (const m of mapping)
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
    const width = mapping.length
    const words = new MissingWords()
    /** Old codes read as current ones, said once per code with its rows. */
    const recoded = new Map<string, { m: ColumnMapping; note: string; rows: number[] }>()
    const first = this.year.length

    const take = (cells: readonly Cell[], row: number) => {
      const issue = startRow(this.report, file, cells, row)
      if (!issue) return
      const whole = () => cells.map(cellText).join(' | ')
      const reject = (m: ColumnMapping | null, reason: string, severity: Severity = 'error') => {
        file.rejected++
        issue(m, reason, severity, '整行未导入', m ? undefined : whole())
      }
      const long = ragged ? longRow(cells, width) : null
      if (long) return reject(null, long)
      const textOf = (id: string) => {
        const m = col(id)
        return m ? normalizeText(cellText(cells[m.index])) : ''
      }
      const idCol = col('school_id')!
      const schoolId = textOf('school_id')
      const codeCol = col('code')!
      const code = parseCode(cells[codeCol.index])
      if ((schoolId === '' || !code.ok) && cells.some((c) => TOTAL_ROW.test(cellText(c).trim())))
        return reject(null, '合计行：看板由各学校的数据自行汇总，此行不导入', 'info')
      if (schoolId === '') return reject(idCol, '学校标识码为空')
      if (!code.ok) return reject(codeCol, code.reason)
      const yearCol = col('year')!
      const year = parseYear(cells[yearCol.index], this.rules.years)
      if (!year.ok) return reject(yearCol, year.reason)
      for (const key of ['stage', 'urban_rural', 'ownership'] as const) {
        const value = textOf(key)
        if (CHOICES[key].includes(value)) continue
        const label = KEY_LABEL.get(key)!
        return reject(
          col(key)!,
          value === '' ? `${label}为空` : `${label}应为${CHOICES[key].join('、')}之一，“${value}”不是`,
        )
      }
      // An old code: a re-coded county's reads as its current code; a merged unit's part as the unit's,
      // whose total its schools are part of.
      const unit = this.rules.history.resolve(code.value, year.value, this.rules.counties)
      if (!unit.ok) return reject(codeCol, unit.reason)
      const merge = this.rules.counties.has(unit.code) ? undefined : this.rules.history.mergeOf(unit.code)
      const county = merge?.into ?? unit.code
      const note =
        unit.note ??
        (merge &&
          `${unit.code} ${unit.name} → ${merge.into} ${this.rules.counties.get(merge.into) ?? ''}（${merge.year}年合并），学校已按合并后的代码汇总`)
      const stage = textOf('stage')
      const runs = SECTIONS.get(stage)!
      const values = new Map<string, number>()
      const read = figures.map(({ m, f }) => ({ m, f, cell: fieldCell(cells[m.index], f.integer, 1) }))
      const notRun: { m: ColumnMapping; f: SchoolField }[] = []
      for (const { m, f, cell } of read) {
        if (cell.kind !== 'value') continue
        // Exports of the 基表 write 0 in the parts a school does not run; only a figure there is wrong.
        if (f.section !== 'school' && !runs.includes(f.section) && cell.value !== 0) notRun.push({ m, f })
        else values.set(f.id, cell.value)
      }
      const key = `${schoolId}|${year.value}`
      const at = this.seen.get(key)
      if (at !== undefined) {
        file.rejected++
        return this.repeat(at, values, { file: file.file, sheet, row }, schoolId, year.value, whole())
      }
      for (const { m, cell } of read) {
        if (cell.kind === 'bad') issue(m, cell.reason, 'error', '单元格未导入')
        if (cell.kind === 'missing' && cell.written !== undefined) words.add(m, cell.written, row)
      }
      for (const { m, f } of notRun)
        issue(
          m,
          `${stage}不设${SECTION_NAME[f.section as keyof typeof SECTION_NAME]}，本列应为空；请核对学段或本列，本单元格未导入`,
          'error',
          '单元格未导入',
        )
      if (ragged && cells.length < width) issue(null, shortRow(cells, width), 'warning', '已导入，请核实', '')
      if (note) {
        const old = recoded.get(code.value)
        if (old) old.rows.push(row)
        else recoded.set(code.value, { m: codeCol, note, rows: [row] })
      }
      file.accepted++
      this.seen.set(key, this.year.length)
      const given: Record<string, string | null> = {
        school_id: schoolId,
        school_name: textOf('school_name') || null,
        code: county,
        stage,
        urban_rural: textOf('urban_rural'),
        ownership: textOf('ownership'),
      }
      for (const k of TEXT_KEYS) this.text[k]!.push(given[k]!)
      this.year.push(year.value)
      for (const [id, column] of this.fields) column.push(values.get(id) ?? NaN)
      this.fileIndex.push(fileNo)
      this.rowNumber.push(row)
    }

    const end = () => {
      if (file.rowsRead === 0) this.report(noDataRows(file))
      for (const i of words.issues(file.file, sheet)) this.report(i)
      for (const [code, { m, note, rows }] of recoded)
        this.report({
          file: file.file,
          sheet,
          row: rows[0]!,
          column: columnLabel(m),
          value: code,
          reason: `${note}（本表${rows.length}所学校，第${rows.slice(0, 5).join('、')}${rows.length > 5 ? '等' : ''}行）`,
          severity: 'info',
          action: '已导入，请核实',
        })
      const rows = this.year.length - first
      const schools = new Set(this.text['school_id']!.slice(first)).size
      const counties = new Set(this.text['code']!.slice(first)).size
      const filled = countyFieldsFilled(new Set(figures.map((x) => x.f.id)))
      top({
        file: file.file,
        sheet,
        row: null,
        column: '',
        value: '',
        reason:
          rows === 0
            ? '识别为学校数据（每行一所学校），但没有可导入的学校行'
            : `识别为学校数据（每行一所学校）：共${schools}所学校、${counties}个区县、${yearsText(this.year.slice(first))}，已按学校汇总为区县数据；汇总得到区县的${filled.join('、')}（共${filled.length}项）`,
        severity: 'info',
        action: '已汇总为区县数据',
      })
    }
    return { take, end }
  }

  /** A school met again in a year, in this table or another: both rows are listed, the first kept. */
  private repeat(
    at: number,
    values: ReadonlyMap<string, number>,
    here: Place,
    schoolId: string,
    year: number,
    cells: string,
  ): void {
    const table = this.table(this.fileIndex[at]!)
    const first: Place = { file: table.file, sheet: table.sheet, row: this.rowNumber[at]! }
    const differ = [...this.fields].flatMap(([id, column]) => {
      const [a, b] = [column[at]!, values.get(id) ?? NaN]
      return Number.isNaN(a) && Number.isNaN(b) ? [] : a === b ? [] : [id]
    })
    const name = this.text['school_name']![at]
    const what = `学校${schoolId}${name ? `（${name}）` : ''}${year}年`
    const [at1, at2] = [placeText(first, here), placeText(here, first)]
    const shown = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '空' : v)
    const note = (p: Place, reason: string, severity: Severity, action: IssueAction, value = '') =>
      this.report({ ...p, column: '', value, reason, severity, action })
    if (differ.length === 0) {
      note(here, `${what}的数据重复：与${at1}相同，只导入一次（保留${at1}）；可删去本行`, 'info', '整行未导入', cells)
      note(first, `${what}的数据在${at2}又出现一次，数值相同；已导入本行`, 'info', '已导入，请核实')
      return
    }
    const list = differ
      .slice(0, 5)
      .map(
        (id) => `${FIELD_LABEL.get(id)}（${at1}为${shown(this.fields.get(id)![at])}，本行为${shown(values.get(id))}）`,
      )
      .join('、')
    const more = differ.length > 5 ? `等${differ.length}列` : ''
    note(
      here,
      `${what}的数据重复（学校标识码与年份相同），且与${at1}的数值不同：${list}${more}。已保留${at1}，本行未导入；请核对哪一行正确，删去另一行后重新导入`,
      'error',
      '整行未导入',
      cells,
    )
    note(first, `${what}的数据在${at2}又出现一次，数值不同；已导入本行，请核实哪一行正确`, 'warning', '已导入，请核实')
  }

  data(): SchoolData {
    return {
      length: this.year.length,
      text: this.text,
      year: this.year,
      fields: Object.fromEntries(this.fields),
      fileIndex: this.fileIndex,
      rowNumber: this.rowNumber,
    }
  }
}

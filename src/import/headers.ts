// Recognising a column by its header: the template's labels, the variants users write
// (fields.ts aliases), units in brackets, and indicator rates given for cross-checking.
import { INDICATORS, findIndicator } from '../indicators/catalog.ts'
import { KEY_FIELDS, RAW_FIELDS, type RawField } from '../indicators/fields.ts'
import { SCHOOL_COLUMNS, SCHOOL_KEY_FIELDS, schoolColumnOf } from '../schools/fields.ts'
import { normalizeText } from './cells.ts'

export type ColumnTarget =
  | { kind: 'code' }
  | { kind: 'year' }
  /** The county's name, checked against the code. */
  | { kind: 'name' }
  /** A raw field; `factor` converts the header's unit into the field's. */
  | { kind: 'field'; id: string; factor: number }
  /** A rate users report beside its parts; checked against them, never stored. */
  | { kind: 'rate'; indicator: string; percent: boolean }
  /** A column of a school-level file (src/schools/fields.ts), summed by county after the check. */
  | { kind: 'school'; id: string }
  | { kind: 'ignore' }

export interface ColumnMapping {
  index: number
  /** Spreadsheet column letter (A, B, … AA). */
  letter: string
  header: string
  target: ColumnTarget
  /** Said in the report: a unit converted, or assumed because the header has none. */
  note?: string
  /** Why the column could not be used as it stands. */
  problem?: string
}

const NAME_HEADERS = [
  '区县',
  '区县名称',
  '县区',
  '县区名称',
  '县(市、区)',
  '县(市区)',
  '县市区',
  '单位名称',
  '名称',
  '地区',
]

/** How many of the header's unit make one of the field's unit. */
const UNIT_FACTORS: Record<string, Record<string, number>> = {
  万元: { 万元: 1, 元: 1e-4, 千元: 0.1, 亿元: 1e4 },
  元: { 元: 1, 万元: 1e4, 千元: 1e3 },
  人: { 人: 1, 名: 1, 万人: 1e4 },
  所: { 所: 1, 个: 1 },
  个: { 个: 1, 班: 1 },
}

function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** Header text without its bracketed unit, and the unit. */
export function splitUnit(header: string): { base: string; unit: string } {
  const text = normalizeText(header).replace(/[*:：]/g, '')
  const match = /^(.*?)[([【](?:单位)?([^)\]】]*)[)\]】]$/.exec(text)
  if (!match) return { base: text, unit: '' }
  return { base: match[1]!, unit: match[2]! }
}

type Candidate =
  { kind: 'code' | 'year' | 'name' } | { kind: 'field'; field: RawField } | { kind: 'rate'; indicator: string }

const CANDIDATES: ReadonlyMap<string, Candidate> = (() => {
  const map = new Map<string, Candidate>()
  const add = (names: readonly string[], c: Candidate) => names.forEach((n) => map.set(splitUnit(n).base, c))
  for (const k of KEY_FIELDS) add([k.id, k.label, ...k.aliases], { kind: k.id })
  add(NAME_HEADERS, { kind: 'name' })
  for (const f of RAW_FIELDS) add([f.id, f.label, ...(f.aliases ?? [])], { kind: 'field', field: f })
  for (const i of INDICATORS)
    if (i.den && !i.growth && !map.has(i.label)) add([i.label], { kind: 'rate', indicator: i.id })
  return map
})()

/** The field a user picks in the mapping step, with its unit factor read from the header. */
export function fieldTarget(
  field: RawField,
  headerUnit: string,
): { target: ColumnTarget; note?: string; problem?: string } {
  if (headerUnit === '') {
    const money = field.unit === '万元' || field.unit === '元'
    return {
      target: { kind: 'field', id: field.id, factor: 1 },
      note: money ? `表头未注明单位，按${field.unit}读取` : undefined,
    }
  }
  const factor = UNIT_FACTORS[field.unit]?.[headerUnit]
  if (factor === undefined) {
    return {
      target: { kind: 'ignore' },
      problem: `单位“${headerUnit}”无法换算为“${field.label}”的单位${field.unit || '（无单位）'}`,
    }
  }
  const note = factor === 1 ? undefined : `按${headerUnit}换算为${field.unit}（×${factor}）`
  return { target: { kind: 'field', id: field.id, factor }, note }
}

export function matchHeader(header: string, index: number): ColumnMapping {
  const base: ColumnMapping = { index, letter: columnLetter(index), header, target: { kind: 'ignore' } }
  const { base: name, unit } = splitUnit(header)
  if (name === '') return base
  const c = CANDIDATES.get(name)
  if (!c) return { ...base, problem: '未识别的列，请指定对应字段或忽略' }
  if (c.kind === 'field') return { ...base, ...fieldTarget(c.field, unit) }
  if (c.kind === 'rate') return { ...base, target: { kind: 'rate', indicator: c.indicator, percent: unit === '%' } }
  return { ...base, target: { kind: c.kind } }
}

/** Whether a table's columns are those of a school-level file (one row per school). */
export const isSchoolMapping = (mapping: readonly ColumnMapping[]): boolean =>
  mapping.some((m) => m.target.kind === 'school')

/** Key columns a school row needs: all but the school's name. */
const SCHOOL_KEYS = SCHOOL_KEY_FIELDS.filter((f) => f.id !== 'school_name')

/** The key columns a mapping has none for, by their template labels (行政区划代码, 年份; a school file's 学校标识码, 学段 …). */
export function missingKeys(mapping: readonly ColumnMapping[]): string[] {
  if (isSchoolMapping(mapping))
    return SCHOOL_KEYS.filter((k) => !mapping.some((m) => m.target.kind === 'school' && m.target.id === k.id)).map(
      (k) => k.label,
    )
  return KEY_FIELDS.filter((k) => !mapping.some((m) => m.target.kind === k.id)).map((k) => k.label)
}

const SCHOOL_LABEL = new Map(SCHOOL_COLUMNS.map((c) => [c.id, c.label]))

/**
 * A school-level file's mapping, when its headers name (schoolColumnOf) the 学校标识码, the
 * 学段 and at least one school figure; null for any other table, which is read as county rows.
 */
export function matchSchoolHeaders(headers: readonly string[]): ColumnMapping[] | null {
  const ids = headers.map((h) => schoolColumnOf(normalizeText(h)) ?? schoolColumnOf(h.trim()))
  const figures = ids.filter((id) => id !== undefined && !SCHOOL_KEY_FIELDS.some((k) => k.id === id))
  if (!ids.includes('school_id') || !ids.includes('stage') || figures.length === 0) return null
  const taken = new Set<string>()
  return headers.map((header, index): ColumnMapping => {
    const base: ColumnMapping = { index, letter: columnLetter(index), header, target: { kind: 'ignore' } }
    const id = ids[index]
    if (header.trim() === '') return base
    if (id === undefined) return { ...base, problem: '学校数据中未识别的列，未导入' }
    if (taken.has(id)) return { ...base, problem: '与前面的列对应同一字段，本列未导入' }
    taken.add(id)
    return { ...base, target: { kind: 'school', id }, note: `学校数据：${SCHOOL_LABEL.get(id) ?? id}` }
  })
}

/** Mappings of a header row; a field claimed twice keeps its first column. */
export function matchHeaders(headers: readonly string[]): ColumnMapping[] {
  const taken = new Set<string>()
  return headers.map((h, i) => {
    const m = matchHeader(h, i)
    const key = targetKey(m.target)
    if (key === null) return m
    if (taken.has(key))
      return { ...m, target: { kind: 'ignore' }, note: undefined, problem: `与前面的列对应同一字段，本列未导入` }
    taken.add(key)
    return m
  })
}

function targetKey(t: ColumnTarget): string | null {
  return t.kind === 'ignore' ? null : targetKeyOf(t)
}

/** How many of a row's cells are recognised headers (a school file's too); the header row has the most. */
export function recognisedCount(cells: readonly string[]): number {
  return cells.filter((c) => CANDIDATES.has(splitUnit(c).base) || schoolColumnOf(c.trim()) !== undefined).length
}

/** Choices offered in the mapping step, grouped as the template groups its columns. */
export const TARGET_GROUPS: readonly { label: string; options: readonly { key: string; label: string }[] }[] = [
  {
    label: '基本',
    options: [
      { key: 'code', label: '行政区划代码' },
      { key: 'year', label: '年份' },
      { key: 'name', label: '区县名称（用于核对）' },
    ],
  },
  ...[...new Set(RAW_FIELDS.map((f) => f.group))].map((group) => ({
    label: group,
    options: RAW_FIELDS.filter((f) => f.group === group).map((f) => ({
      key: `field:${f.id}`,
      label: `${f.label}${f.unit ? `（${f.unit}）` : ''}`,
    })),
  })),
  {
    label: '比率（仅用于核对）',
    options: INDICATORS.filter((i) => i.den && !i.growth).map((i) => ({ key: `rate:${i.id}`, label: i.label })),
  },
]

export function targetKeyOf(t: ColumnTarget): string {
  if (t.kind === 'field') return `field:${t.id}`
  if (t.kind === 'rate') return `rate:${t.indicator}`
  if (t.kind === 'school') return `school:${t.id}`
  return t.kind
}

/** The mapping a user picks for a column; a field's unit factor is read from its header. */
function chooseTarget(key: string, header: string): { target: ColumnTarget; note?: string; problem?: string } {
  const [kind, id] = key.split(':') as [string, string | undefined]
  const { unit } = splitUnit(header)
  if (kind === 'field') {
    const field = RAW_FIELDS.find((f) => f.id === id)
    if (field) return fieldTarget(field, unit)
  }
  if (kind === 'rate' && id && findIndicator(id))
    return { target: { kind: 'rate', indicator: id, percent: unit === '%' } }
  if (kind === 'code' || kind === 'year' || kind === 'name') return { target: { kind } }
  return { target: { kind: 'ignore' } }
}

const TARGET_LABEL = new Map(TARGET_GROUPS.flatMap((g) => g.options.map((o) => [o.key, o.label] as const)))

/**
 * The mapping after the user assigns column `column` to `key` (a TARGET_GROUPS key, or
 * 'ignore'). The report says the column was assigned, or left out, by the user; a column
 * that held the same target before gives it up, so that no field is read from two columns.
 */
export function assignColumn(mapping: readonly ColumnMapping[], column: number, key: string): ColumnMapping[] {
  const m = mapping[column]
  if (!m) return [...mapping]
  const chosen = chooseTarget(key, m.header)
  const label = TARGET_LABEL.get(targetKeyOf(chosen.target))
  const assigned: ColumnMapping =
    chosen.target.kind === 'ignore'
      ? { ...m, target: chosen.target, note: undefined, problem: chosen.problem ?? '按指定不导入' }
      : {
          ...m,
          target: chosen.target,
          note: [`按指定对应“${label}”`, chosen.note].filter(Boolean).join('；'),
          problem: undefined,
        }
  const taken = targetKeyOf(assigned.target)
  return mapping.map((other, i) => {
    if (i === column) return assigned
    if (other.target.kind === 'ignore' || targetKeyOf(other.target) !== taken) return other
    return {
      ...other,
      target: { kind: 'ignore' },
      note: undefined,
      problem: `对应字段已改由${m.letter}列提供，本列未导入`,
    }
  })
}

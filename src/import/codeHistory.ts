// Old county codes in users' files: a ten-year panel carries the codes of units re-coded,
// merged or split since (撤县设区, 撤县设市 …). The crosswalk (public/data/code-history.json,
// built by data/codes.ts) says what became of each; nothing is guessed.
import { RAW_FIELDS } from '../indicators/fields.ts'

/** What became of an old code: re-coded (or renamed) to one unit, merged with others into one, split into several, or none of these cleanly. */
export type ChangeKind = 'recoded' | 'merged' | 'split' | 'none'

/**
 * One old code: code, name, the year of the change (null: the dashboard's own code for a
 * unit whose official code never changed), kind, the current codes it went to (comma
 * separated) and what happened (撤县设区 …; for `none`, the reason in full).
 */
export type CodeChange = [code: string, name: string, year: number | null, kind: ChangeKind, to: string, what: string]

/** The crosswalk's file under the site's data/ folder. */
export const CODE_HISTORY_FILE = 'code-history.json'

export interface CodeHistoryData {
  source: string
  changes: CodeChange[]
}

/** Several old units that became one current unit, summed for the years before. */
export interface Merge {
  into: string
  year: number
  parts: readonly { code: string; name: string }[]
}

export type ResolvedCode =
  | {
      ok: true
      /** The code the row is kept under: the current one, or a merge's part's own until the parts are summed. */
      code: string
      /** The name the code stands for in the file (the old name for an old code). */
      name: string
      /** Said in the report when the row is imported under another code. */
      note?: string
    }
  | { ok: false; reason: string }

/** Averages and coefficients (元 per person, 差异系数) cannot be added up; every other raw field is a count or a sum. */
export const SUMMED_FIELDS = RAW_FIELDS.filter((f) => f.unit !== '' && f.unit !== '元').map((f) => f.id)

const SUFFIX = /(自治县|自治旗|县|区|市|旗)$/
const baseName = (name: string) => name.replace(SUFFIX, '') || name

/** Shared characters of the two names without their suffixes, as a share of both (Dice). */
function likeness(a: string, b: string): number {
  const x = [...baseName(a)]
  const y = [...baseName(b)]
  const common = x.filter((c) => y.includes(c)).length
  return (2 * common) / (x.length + y.length)
}

const sharedPrefix = (a: string, b: string) => [...a].findIndex((c, i) => c !== b[i])

export class CodeHistory {
  private readonly byCode: ReadonlyMap<string, CodeChange>

  constructor(readonly data: CodeHistoryData) {
    this.byCode = new Map(data.changes.map((c) => [c[0], c]))
  }

  /** The merge an old code is a part of, with all its parts. */
  mergeOf(code: string): Merge | undefined {
    const change = this.byCode.get(code)
    if (change?.[3] !== 'merged') return undefined
    const [, , year, , into] = change
    const parts = this.data.changes
      .filter((c) => c[3] === 'merged' && c[4] === into && c[2] === year)
      .map((c) => ({ code: c[0], name: c[1] }))
    return { into, year: year!, parts }
  }

  /**
   * A code and year read from a row, against the dashboard's counties (code → name);
   * `written` is the row's name column, if any, to suggest the nearest county by name.
   */
  resolve(code: string, year: number, counties: ReadonlyMap<string, string>, written = ''): ResolvedCode {
    const current = counties.get(code)
    if (current !== undefined) return { ok: true, code, name: current }
    const change = this.byCode.get(code)
    if (!change) return { ok: false, reason: unknownCode(code, counties, written.trim()) }
    const [, name, since, kind, to, what] = change
    const unit = (c: string) => `${c} ${counties.get(c) ?? ''}`
    const targets = to.split(',').filter(Boolean)
    const when = since === null ? '' : `${since}年`
    if (kind === 'none') return { ok: false, reason: `代码${code}（${name}）${what}；本行未导入，请按现行区县代码填写` }
    if (kind === 'split')
      return {
        ok: false,
        reason: `代码${code}（${name}）已于${when}撤销，区域分属${targets.map(unit).join('、')}，无法按旧代码分配数据；本行未导入，请按现行区县分别填写`,
      }
    const into = targets[0]!
    if (since !== null && year > since)
      return {
        ok: false,
        reason: `代码${code}（${name}）已于${when}${kind === 'merged' ? '并入' : `${what}，改为`}${unit(into)}，${year}年的数据应使用新代码${into}；本行未导入，请核对年份或改用新代码`,
      }
    if (kind === 'merged') return { ok: true, code, name }
    const why = since === null ? `看板以${into}为${counties.get(into) ?? ''}的代码` : `${when}${what}`
    return { ok: true, code: into, name, note: `${code} ${name} → ${unit(into)}（${why}），已按新代码导入` }
  }
}

/** The reason for a code neither current nor old, naming the province's nearest county. */
function unknownCode(code: string, counties: ReadonlyMap<string, string>, written: string): string {
  const head = `未知的行政区划代码${code}：不在看板的区县名单中，也不是2015年以来撤并、更名的旧代码`
  const province = [...counties].filter(([c]) => c.slice(0, 2) === code.slice(0, 2))
  if (province.length === 0) return `${head}；前两位${code.slice(0, 2)}不是省份代码，请核对代码`
  const byName = written
    ? province
        .map(([c, n]) => ({ c, n, score: likeness(written, n) }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score || a.c.localeCompare(b.c))[0]
    : undefined
  if (byName) return `${head}；同省名称最接近的是 ${byName.n}（${byName.c}），请核对代码`
  const near = province
    .map(([c, n]) => ({ c, n, shared: sharedPrefix(c, code), gap: Math.abs(Number(c) - Number(code)) }))
    .sort((a, b) => b.shared - a.shared || a.gap - b.gap)[0]!
  return `${head}；同省代码最接近的是 ${near.n}（${near.c}），请核对代码`
}

/** A row of a merge's part, kept under its old code until every row is read. */
export interface HeldPart {
  /** Its index among the accepted rows. */
  index: number
  code: string
  year: number
  merge: Merge
  values: ReadonlyMap<string, number>
  fileNo: number
  row: number
}

export interface MergeOutcome {
  part: HeldPart
  accepted: boolean
  reason: string
}

/** A merged unit's row summed from its parts. */
export interface MergedRow {
  code: string
  year: number
  values: Map<string, number>
  fileNo: number
  row: number
}

/**
 * Sums each merged unit's parts year by year, when every part is there and the files do
 * not also give the merged unit's own row (`own`: where that row was read, if it was).
 */
export function combineMerges(
  held: readonly HeldPart[],
  own: (code: string, year: number) => string | undefined,
  counties: ReadonlyMap<string, string>,
): { rows: MergedRow[]; outcomes: MergeOutcome[] } {
  const groups = new Map<string, HeldPart[]>()
  for (const p of held) {
    const key = `${p.merge.into}|${p.year}`
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  const rows: MergedRow[] = []
  const outcomes: MergeOutcome[] = []
  for (const parts of groups.values()) {
    const { into, year, parts: needed } = parts[0]!.merge
    const target = `${into} ${counties.get(into) ?? ''}`
    const all = needed.map((n) => `${n.code} ${n.name}`).join('、')
    const fail = (reason: string) => parts.forEach((part) => outcomes.push({ part, accepted: false, reason }))
    const missing = needed.filter((n) => !parts.some((p) => p.code === n.code))
    const ownRow = own(into, parts[0]!.year)
    if (ownRow !== undefined)
      fail(
        `${target}由${all}于${year}年合并而成，文件中已有${target}${parts[0]!.year}年本身的数据（${ownRow}），与这些旧代码的行重复；旧代码的行未导入，请核对保留哪一份`,
      )
    else if (missing.length > 0)
      fail(
        `${target}由${all}于${year}年合并而成，文件中缺少${parts[0]!.year}年${missing.map((n) => `${n.code} ${n.name}`).join('、')}的数据，无法合计；本行未导入，请补齐各部分，或直接填写${into}的合计数`,
      )
    else {
      const values = new Map<string, number>()
      const empty: string[] = []
      for (const id of SUMMED_FIELDS) {
        const got = parts.map((p) => p.values.get(id))
        if (got.every((v) => v !== undefined))
          values.set(
            id,
            got.reduce((s, v) => s + v!, 0),
          )
        else if (got.some((v) => v !== undefined)) empty.push(RAW_FIELDS.find((f) => f.id === id)!.label)
      }
      const gaps = empty.length ? `；${empty.join('、')}只有部分单位填写，合计留空` : ''
      const reason = `${all} → ${target}（${year}年合并），各部分已合计导入${gaps}；差异系数、平均工资不能相加，合并后留空`
      parts.forEach((part) => outcomes.push({ part, accepted: true, reason }))
      rows.push({ code: into, year: parts[0]!.year, values, fileNo: parts[0]!.fileNo, row: parts[0]!.row })
    }
  }
  return { rows, outcomes }
}

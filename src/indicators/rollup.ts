// The province problem roll-up: for each rule, how many counties fall short this year,
// how that changed since last year, and who they are, phrased as the users write it.
import { getIndicator, thresholdFor, type Threshold } from './catalog.ts'
import { formatCountChange, formatDecline, formatGap, formatNumber, formatThreshold, formatValue } from './format.ts'
import { partsOf, RULES, type Rule } from './rules.ts'
import type { RuleStatusRow } from '../queries/rules.ts'

export interface FailingCounty {
  code: string
  name: string
  gap: number | null
  streak: number
  /** The gap in the indicator's unit, or the failing legs of a composite rule. */
  detail: string
}

export interface RollupItem {
  rule: Rule
  judged: number
  failing: number
  /** failing ÷ judged × 100, or null when no county could be judged. */
  failingShare: number | null
  /** Counties within a 基本达标 band: short of the line, not failing. */
  basic: number
  previousFailing: number | null
  newlyFailing: number
  newlyPassing: number
  counties: FailingCounty[]
  sentence: string
  /** The indicator a map of this rule colours by. */
  mapIndicator: string
}

/** The 基本达标 band of the rule's lines in force (a composite has one when a part has). */
function bandOf(rule: Rule, year: number): Threshold['basic'] {
  return partsOf(rule)
    .map((i) => thresholdFor(i, year)?.basic)
    .find(Boolean)
}

function requirement(rule: Rule, year: number): string {
  if (rule.kind === 'all') {
    if (rule.id === 'two_no_decrease') return '未实现“两个只增不减”'
    return bandOf(rule, year) ? `${rule.title}未达到基本达标标准` : `${rule.title}未全部达标`
  }
  const ind = getIndicator(rule.indicator)
  const t = thresholdFor(ind, year)
  if (!t) return `${ind.label}未达标`
  if (rule.id === 'salary_gap') return '义务教育教师平均工资低于当地公务员'
  if (ind.growth) return `${ind.label.replace(/增长率$/, '')}比上年下降`
  if (t.value === 0 && ind.good === 'down') return `${ind.label}未实现全面消除`
  // With a band, failing means beyond the band's edge, not merely short of the line.
  const line = formatThreshold(ind, t.basic?.value ?? t.value).slice(1)
  const band = t.basic ? '，未达到基本达标标准' : ''
  return `${ind.good === 'down' ? `${ind.label}高于${line}` : `${ind.label}未达到${line}`}${band}`
}

/** What every county of the scope meets, the rule named: 学前三年毛入园率均达到要求（≥90%）. */
function metText(rule: Rule, year: number): string {
  if (rule.kind === 'all') return rule.id === 'two_no_decrease' ? '均实现“两个只增不减”' : `${rule.title}均达到要求`
  const ind = getIndicator(rule.indicator)
  const t = thresholdFor(ind, year)
  if (rule.id === 'salary_gap') return '义务教育教师平均工资均不低于当地公务员'
  if (ind.growth) return `${ind.label.replace(/增长率$/, '')}均未比上年下降`
  return t ? `${ind.label}均达到要求（${formatThreshold(ind, t.value)}）` : `${ind.label}均达到要求`
}

/**
 * The failing count against last year, its subject named (未达标区县比上年减少2个), with who
 * came and went when the net change does not tell it; '' when last year was not judged.
 */
function changeText(now: number, previous: number | null, newly: number, passing: number): string {
  if (previous === null) return ''
  if (now === 0 && previous === 0) return '上年也无未达标区县'
  const moves = [newly ? `新增${newly}个` : '', passing ? `转为达标${passing}个` : ''].filter(Boolean)
  const told = (newly === 0 && passing === previous - now) || (passing === 0 && newly === now - previous)
  return `${formatCountChange('未达标区县', now - previous)}${moves.length && !told ? `（${moves.join('，')}）` : ''}`
}

/** '；另有5个区县基本达标（≤0.65），未达到≤0.5的要求', or '' without a band. */
function basicNote(rule: Rule, year: number, count: number, lead: string): string {
  if (count === 0) return ''
  if (rule.kind === 'all') return `${lead}${count}个区县基本达标`
  const ind = getIndicator(rule.indicator)
  const t = thresholdFor(ind, year)!
  return `${lead}${count}个区县基本达标（${formatThreshold(ind, t.basic!.value)}），未达到${formatThreshold(ind, t.value)}的要求`
}

function detailOf(rule: Rule, row: RuleStatusRow): string {
  if (rule.kind === 'all')
    return (row.failing ?? '')
      .split(',')
      .filter(Boolean)
      .map((id) => getIndicator(id).label)
      .join('、')
  const ind = getIndicator(rule.indicator)
  // A fall is told as the reports tell it; its gap to 0 would only repeat it.
  if (ind.growth && row.value !== null) return `比上年下降${formatDecline(row.value)}`
  const gap = row.gap === null ? '' : `，差${formatGap(row.gap, ind)}`
  return `${formatValue(row.value, ind)}${gap}`
}

/**
 * Every rule in force in `year` with its failing counties (most persistent, then largest
 * gap, first). `names` maps county codes to names; `scopeName` is 全省 or the prefecture.
 */
export function provinceRollup(
  rows: readonly RuleStatusRow[],
  year: number,
  names: ReadonlyMap<string, string>,
  scopeName: string,
): RollupItem[] {
  const inScope = rows.filter((r) => names.has(r.code))
  const items: RollupItem[] = []
  for (const rule of RULES) {
    const now = inScope.filter((r) => r.rule === rule.id && r.year === year)
    if (now.length === 0) continue
    const before = inScope.filter((r) => r.rule === rule.id && r.year === year - 1)
    const failedBefore = new Set(before.filter((r) => r.status === '未达标').map((r) => r.code))
    const failing = now.filter((r) => r.status === '未达标')
    const failingNow = new Set(failing.map((r) => r.code))
    const previousFailing = before.length ? failedBefore.size : null
    const newlyFailing = failing.filter((r) => before.length && !failedBefore.has(r.code)).length
    const newlyPassing = [...failedBefore].filter(
      (c) => !failingNow.has(c) && now.some((r) => r.code === c && r.status === '达标'),
    ).length
    const change = changeText(failing.length, previousFailing, newlyFailing, newlyPassing)
    const then = (lead: string) => (change ? `${lead}${change}` : '')
    const judged = now.filter((r) => r.status !== '无数据').length
    const failingShare = judged ? (failing.length / judged) * 100 : null
    const basic = bandOf(rule, year) ? now.filter((r) => r.status === '基本达标').length : 0
    // Every sentence names its rule: it goes into a Word document line by line.
    const sentence = failing.length
      ? `${scopeName}有${failing.length}个区县（占${formatNumber(failingShare ?? 0, 1)}%）${requirement(rule, year)}${then('，')}${basicNote(rule, year, basic, '；另有')}`
      : basic
        ? `${scopeName}各区县${rule.title}均达到基本达标标准${basicNote(rule, year, basic, '，其中')}${then('；')}`
        : `${scopeName}各区县${metText(rule, year)}${then('，')}`
    items.push({
      rule,
      judged,
      failing: failing.length,
      failingShare,
      basic,
      previousFailing,
      newlyFailing,
      newlyPassing,
      counties: failing
        .map((r) => ({
          code: r.code,
          name: names.get(r.code)!,
          gap: r.gap,
          streak: r.streak,
          detail: detailOf(rule, r),
        }))
        .sort((a, b) => b.streak - a.streak || (b.gap ?? 0) - (a.gap ?? 0) || a.code.localeCompare(b.code)),
      sentence,
      mapIndicator:
        rule.kind === 'threshold' ? rule.indicator : (failing[0]?.failing?.split(',')[0] ?? partsOf(rule)[0]!.id),
    })
  }
  return items.sort((a, b) => b.failing - a.failing)
}

/** '12个，参评123个' for the list's heading; the share is in the sentence above it. */
export function failingCountText(item: RollupItem): string {
  return `${item.failing}个，参评${item.judged}个`
}

/** One failing county's shortfall, with its streak when it has lasted. */
export function countyDetail(c: FailingCounty): string {
  return c.streak > 1 ? `${c.detail}，连续${c.streak}年` : c.detail
}

// 存在问题: one sentence per unmet rule, in the users' own style, with the figures filled in.
import { getIndicator, thresholdFor, type Indicator } from './catalog.ts'
import { formatDecline, formatGap, formatNumber, formatThreshold, formatValue } from './format.ts'
import { COMPOSITE_RULES, RULES } from './rules.ts'
import type { RuleStatusRow } from '../queries/rules.ts'

export interface Problem {
  rule: string
  /** The indicator whose chart the sentence links to. */
  indicator: string
  year: number
  /** 基本达标 is told too (short of the full line, within its band), after every 未达标. */
  status: '未达标' | '基本达标'
  sentence: string
  streak: number
  /** Shortfall relative to the line (0–1+), for ordering. */
  severity: number
}

const TWO_NO_DECREASE = COMPOSITE_RULES.find((r) => r.id === 'two_no_decrease')!
const GROWTH_LEGS = new Set(TWO_NO_DECREASE.parts)

function persistence(streak: number, status: Problem['status'] = '未达标'): string {
  return streak > 1 ? `，已连续${streak}年${status}` : ''
}

function thresholdSentence(ind: Indicator, row: RuleStatusRow): string {
  const value = formatValue(row.value, ind)
  if (ind.id === 'salary_gap') {
    return `${row.year}年义务教育教师年平均工资比当地公务员年平均工资低${formatNumber(row.gap ?? 0, 0)}元，未达到“不低于当地公务员平均工资收入水平”的要求${persistence(row.streak)}`
  }
  if (row.threshold === 0 && ind.good === 'down') {
    return `${row.year}年${ind.label}为${value}，未达到全面消除的要求${persistence(row.streak)}`
  }
  const gap = row.gap === null ? '' : `，差距${formatGap(row.gap, ind)}`
  const basic = thresholdFor(ind, row.year)?.basic
  if (row.status === '基本达标' && basic) {
    return `${row.year}年${ind.label}为${value}，达到${formatThreshold(ind, basic.value)}的基本达标标准，未达到${formatThreshold(ind, row.threshold)}的要求${gap}${persistence(row.streak, '基本达标')}`
  }
  const side = ind.good === 'up' ? '低于' : '高于'
  const band = basic ? `，也未达到${formatThreshold(ind, basic.value)}的基本达标标准` : ''
  return `${row.year}年${ind.label}为${value}，${side}${formatThreshold(ind, row.threshold).slice(1)}的要求${gap}${band}${persistence(row.streak)}`
}

function twoNoDecreaseSentence(row: RuleStatusRow, legs: readonly RuleStatusRow[]): string {
  const broken = legs
    .filter((l) => l.status === '未达标' && l.value !== null)
    .map((l) => `${getIndicator(l.rule).label.replace(/增长率$/, '')}比上年下降${formatDecline(l.value!)}`)
  return `${row.year}年${broken.join('，')}，未实现“两个只增不减”${persistence(row.streak)}`
}

function severityOf(row: RuleStatusRow): number {
  if (row.gap === null || row.threshold === null) return 1
  return row.threshold === 0 ? Math.abs(row.value ?? 0) : row.gap / Math.abs(row.threshold)
}

/**
 * Problems of one county in one year from its rule results (all rules, all years): every
 * 未达标, then every 基本达标, each most persistent first, then the largest shortfall. Growth
 * legs of 两个只增不减 are told in its one sentence; the other composites' legs speak for
 * themselves.
 */
export function countyProblems(rows: readonly RuleStatusRow[], year: number): Problem[] {
  const thisYear = rows.filter((r) => r.year === year)
  const problems: Problem[] = []
  for (const row of thisYear) {
    const rule = RULES.find((r) => r.id === row.rule)
    if (!rule || (row.status !== '未达标' && row.status !== '基本达标')) continue
    const status = row.status
    if (rule.kind === 'threshold' && !GROWTH_LEGS.has(rule.indicator)) {
      const ind = getIndicator(rule.indicator)
      problems.push({
        rule: rule.id,
        indicator: ind.id,
        year,
        status,
        sentence: thresholdSentence(ind, row),
        streak: row.streak,
        severity: severityOf(row),
      })
    } else if (rule.id === TWO_NO_DECREASE.id) {
      const legs = thisYear.filter((r) => GROWTH_LEGS.has(r.rule) && r.status === '未达标')
      const worst = legs.reduce((m, l) => Math.max(m, Math.abs(l.value ?? 0) / 100), 0)
      problems.push({
        rule: rule.id,
        indicator: legs[0]?.rule ?? 'edu_budget_growth',
        year,
        status,
        sentence: twoNoDecreaseSentence(row, legs),
        streak: row.streak,
        severity: worst,
      })
    }
  }
  const order = (p: Problem) => (p.status === '未达标' ? 0 : 1)
  return problems.sort((a, b) => order(a) - order(b) || b.streak - a.streak || b.severity - a.severity)
}

// 存在问题: one sentence per unmet rule, in the users' own style, with the figures filled in.
import { getIndicator, type Indicator } from './catalog.ts'
import { formatNumber, formatThreshold, formatValue } from './format.ts'
import { COMPOSITE_RULES, RULES } from './rules.ts'
import type { RuleStatusRow } from '../queries/rules.ts'

export interface Problem {
  rule: string
  /** The indicator whose chart the sentence links to. */
  indicator: string
  year: number
  sentence: string
  streak: number
  /** Shortfall relative to the line (0–1+), for ordering. */
  severity: number
}

const TWO_NO_DECREASE = COMPOSITE_RULES.find((r) => r.id === 'two_no_decrease')!
const GROWTH_LEGS = new Set(TWO_NO_DECREASE.parts)

function persistence(streak: number): string {
  return streak > 1 ? `，已连续${streak}年未达标` : ''
}

function gapText(ind: Indicator, gap: number): string {
  if (ind.unit === '%') return `${formatNumber(gap, 2)}个百分点`
  return formatValue(gap, ind)
}

function thresholdSentence(ind: Indicator, row: RuleStatusRow): string {
  const value = formatValue(row.value, ind)
  if (ind.id === 'salary_gap') {
    return `${row.year}年义务教育教师年平均工资比当地公务员年平均工资低${formatNumber(row.gap ?? 0, 0)}元，未达到“不低于当地公务员平均工资收入水平”的要求${persistence(row.streak)}`
  }
  if (row.threshold === 0 && ind.good === 'down') {
    return `${row.year}年${ind.label}为${value}，未达到全面消除的要求${persistence(row.streak)}`
  }
  const side = ind.good === 'up' ? '低于' : '高于'
  const gap = row.gap === null ? '' : `，差距${gapText(ind, row.gap)}`
  return `${row.year}年${ind.label}为${value}，${side}${formatThreshold(ind, row.threshold).slice(1)}的要求${gap}${persistence(row.streak)}`
}

function twoNoDecreaseSentence(row: RuleStatusRow, legs: readonly RuleStatusRow[]): string {
  const broken = legs
    .filter((l) => l.status === '未达标' && l.value !== null)
    .map((l) => `${getIndicator(l.rule).label.replace(/增长率$/, '')}比上年下降${formatNumber(Math.abs(l.value!), 2)}%`)
  return `${row.year}年${broken.join('，')}，未实现“两个只增不减”${persistence(row.streak)}`
}

function severityOf(row: RuleStatusRow): number {
  if (row.gap === null || row.threshold === null) return 1
  return row.threshold === 0 ? Math.abs(row.value ?? 0) : row.gap / Math.abs(row.threshold)
}

/**
 * Problems of one county in one year from its rule results (all rules, all years), most
 * persistent first, then the largest shortfall. Growth legs of 两个只增不减 are told in its
 * one sentence; the other composites' legs speak for themselves.
 */
export function countyProblems(rows: readonly RuleStatusRow[], year: number): Problem[] {
  const thisYear = rows.filter((r) => r.year === year && r.status === '未达标')
  const problems: Problem[] = []
  for (const row of thisYear) {
    const rule = RULES.find((r) => r.id === row.rule)
    if (!rule) continue
    if (rule.kind === 'threshold' && !GROWTH_LEGS.has(rule.indicator)) {
      const ind = getIndicator(rule.indicator)
      problems.push({ rule: rule.id, indicator: ind.id, year, sentence: thresholdSentence(ind, row), streak: row.streak, severity: severityOf(row) })
    } else if (rule.id === TWO_NO_DECREASE.id) {
      const legs = thisYear.filter((r) => GROWTH_LEGS.has(r.rule))
      const worst = legs.reduce((m, l) => Math.max(m, Math.abs(l.value ?? 0) / 100), 0)
      problems.push({ rule: rule.id, indicator: legs[0]?.rule ?? 'edu_budget_growth', year, sentence: twoNoDecreaseSentence(row, legs), streak: row.streak, severity: worst })
    }
  }
  return problems.sort((a, b) => b.streak - a.streak || b.severity - a.severity)
}

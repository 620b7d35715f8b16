// The columns each table exports: Chinese headers with their units, values as numbers.
import type { TableRow } from '../composables/useRankingTable.ts'
import { getIndicator, type Indicator } from '../indicators/catalog.ts'
import { difference, formatLine, formatLineYears, growthPct, lineDocs, verdictDigits } from '../indicators/format.ts'
import type { Rule } from '../indicators/rules.ts'
import type { RollupItem } from '../indicators/rollup.ts'
import type { ProvinceFigureRow } from '../queries/national.ts'
import type { ExportColumn } from './table.ts'

export function withUnit(label: string, unit: string): string {
  return unit ? `${label}（${unit}）` : label
}

/**
 * Change on last year as the screen reads it (formatChange): 个百分点 for rates, the unit
 * and % otherwise, the % left empty where the base is 0 or less or the sign flips.
 */
function changeColumns<T>(
  ind: Indicator,
  value: (r: T) => number | null,
  previous: (r: T) => number | null,
  since = '上年',
): ExportColumn<T>[] {
  const both = (r: T, f: (v: number, p: number) => number | null) => {
    const v = value(r)
    const p = previous(r)
    return v === null || p === null ? null : f(v, p)
  }
  const change = (r: T) => both(r, difference)
  if (ind.unit === '%') return [{ header: `较${since}（个百分点）`, value: change, digits: 2 }]
  const amount: ExportColumn<T> = { header: withUnit(`较${since}`, ind.unit), value: change, digits: ind.digits }
  return ind.unit === ''
    ? [amount]
    : [amount, { header: `较${since}增长（%）`, value: (r) => both(r, growthPct), digits: 2 }]
}

/**
 * `year`: the values' year, so a value at the line has the digits its verdict needs; `base`:
 * the base year compared with (对比基年), whose value, rank and status come beside today's.
 */
export function rankingColumns(
  ind: Indicator,
  rankLabel: string,
  year: number,
  base: number | null = null,
): ExportColumn<TableRow>[] {
  const then: ExportColumn<TableRow>[] =
    base === null
      ? []
      : [
          {
            header: withUnit(`${base}年${ind.label}`, ind.unit),
            value: (r) => r.prev_value,
            digits: (r) => (r.prev_value === null ? ind.digits : verdictDigits(r.prev_value, ind, base)),
            indicator: ind,
          },
          { header: `${base}年${rankLabel}`, value: (r) => r.shownPrevRank },
          { header: `${base}年达标情况`, value: (r) => r.prev_status },
        ]
  return [
    { header: rankLabel, value: (r) => r.shownRank },
    { header: '区县代码', value: (r) => r.code },
    { header: '区县', value: (r) => r.name },
    { header: '地市', value: (r) => r.prefecture },
    { header: '类型', value: (r) => r.county_type },
    {
      header: withUnit(ind.label, ind.unit),
      value: (r) => r.value,
      digits: (r) => (r.value === null ? ind.digits : verdictDigits(r.value, ind, year)),
      indicator: ind,
    },
    ...then,
    ...changeColumns<TableRow>(
      ind,
      (r) => r.value,
      (r) => r.prev_value,
      base === null ? '上年' : `${base}年`,
    ),
    {
      header: base === null ? '名次变化（正数为上升）' : `名次变化（与${base}年比，正数为上升）`,
      value: (r) => (r.shownRank !== null && r.shownPrevRank !== null ? r.shownPrevRank - r.shownRank : null),
    },
    { header: withUnit('标准', ind.unit), value: (r) => r.threshold },
    { header: '达标情况', value: (r) => r.status },
  ]
}

export function provinceColumns(ind: Indicator, year: number): ExportColumn<ProvinceFigureRow>[] {
  return [
    { header: '排名', value: (r) => r.rank },
    { header: '省份代码', value: (r) => r.code },
    { header: '省份', value: (r) => r.name },
    {
      header: withUnit(ind.label, ind.unit),
      value: (r) => r.figure,
      digits: (r) => (r.figure === null ? ind.digits : verdictDigits(r.figure, ind, year)),
      indicator: ind,
    },
    ...changeColumns<ProvinceFigureRow>(
      ind,
      (r) => r.figure,
      (r) => r.prev_figure,
    ),
    { header: '达标区县（个）', value: (r) => r.pass },
    { header: '参评区县（个）', value: (r) => r.pass + r.basic + r.fail },
  ]
}

/** One row per failing county of a rule, or one row for a rule every county meets. */
export interface RollupLine {
  item: RollupItem
  county: RollupItem['counties'][number] | null
}

export function rollupLines(items: readonly RollupItem[]): RollupLine[] {
  return items.flatMap((item): RollupLine[] =>
    item.counties.length ? item.counties.map((county) => ({ item, county })) : [{ item, county: null }],
  )
}

export const ROLLUP_COLUMNS: readonly ExportColumn<RollupLine>[] = [
  { header: '规则', value: (l) => l.item.rule.title },
  { header: '情况', value: (l) => l.item.sentence },
  { header: '未达标区县（个）', value: (l) => l.item.failing },
  { header: '参评区县（个）', value: (l) => l.item.judged },
  { header: '未达标区县占比（%）', value: (l) => l.item.failingShare, digits: 1 },
  { header: '基本达标区县（个）', value: (l) => l.item.basic },
  { header: '区县代码', value: (l) => l.county?.code ?? null },
  { header: '区县', value: (l) => l.county?.name ?? null },
  { header: '数值与差距', value: (l) => l.county?.detail ?? null },
  { header: '连续未达标（年）', value: (l) => l.county?.streak ?? null },
]

export interface SeriesLine {
  name: string
  values: readonly (number | null)[]
}

/** A county per row, a year per column. */
export function seriesColumns(ind: Indicator, years: readonly number[]): ExportColumn<SeriesLine>[] {
  return [
    { header: '区县', value: (l) => l.name },
    ...years.map((y, i): ExportColumn<SeriesLine> => ({
      header: withUnit(`${y}年`, ind.unit),
      value: (l) => l.values[i] ?? null,
      digits: ind.digits,
      indicator: ind,
    })),
  ]
}

/** A year of 两个只增不减: each leg's growth and the rule's result. */
export interface TwoNoDecreaseLine {
  year: number
  status: string | null
  legs: readonly { label: string; g: number | null }[]
}

export function twoNoDecreaseColumns(legs: readonly string[]): ExportColumn<TwoNoDecreaseLine>[] {
  return [
    { header: '年份', value: (l) => l.year },
    ...legs.map((label, i): ExportColumn<TwoNoDecreaseLine> => ({
      header: `${label}增长（%）`,
      value: (l) => l.legs[i]?.g ?? null,
      digits: 2,
    })),
    { header: '结果', value: (l) => l.status },
  ]
}

/** A rule's line in force for some years, or a composite rule's parts. */
export interface RuleLine {
  rule: Rule
  standard: string
  years: string
  doc: string
}

export function ruleLines(rules: readonly Rule[]): RuleLine[] {
  return rules.flatMap((rule): RuleLine[] => {
    if (rule.kind === 'all')
      return [
        {
          rule,
          standard: `各项同时达标：${rule.parts.map((p) => getIndicator(p).label).join('、')}`,
          years: '',
          doc: rule.doc,
        },
      ]
    const ind = getIndicator(rule.indicator)
    return ind.thresholds.map((t) => ({
      rule,
      standard: formatLine(ind, t),
      years: formatLineYears(t),
      doc: lineDocs(t),
    }))
  })
}

export const RULE_COLUMNS: readonly ExportColumn<RuleLine>[] = [
  { header: '学段', value: (l) => l.rule.stage },
  { header: '规则', value: (l) => l.rule.title },
  { header: '要求（文件表述）', value: (l) => l.rule.wording },
  { header: '标准', value: (l) => l.standard },
  { header: '适用年份', value: (l) => l.years },
  { header: '文件', value: (l) => l.doc },
]

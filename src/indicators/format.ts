// Chinese number formats: thousands separators, 万元 / 亿元, %, 个百分点.
import type { Indicator, Threshold } from './catalog.ts'

export const MISSING = '—'

// toLocaleString builds a formatter on every call: a table of 122 rows called it ~1,000
// times per switch, 10 ms. One formatter per number of digits instead.
const formatters = new Map<number, Intl.NumberFormat>()

export function formatNumber(value: number, digits: number): string {
  let f = formatters.get(digits)
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })))
  return f.format(value)
}

/** A value with its unit; 万元 of 1亿 or more read as 亿元, as the reports write them. */
export function formatValue(value: number | null | undefined, ind: Indicator): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING
  switch (ind.unit) {
    case '%':
      return `${formatNumber(value, ind.digits)}%`
    case '万元':
      return Math.abs(value) >= 10000 ? `${formatNumber(value / 10000, 2)}亿元` : `${formatNumber(value, ind.digits)}万元`
    case '':
      return formatNumber(value, ind.digits)
    default:
      return `${formatNumber(value, ind.digits)}${ind.unit}`
  }
}

function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text
}

/**
 * Change on last year: rates change in 个百分点 (a difference of two percentages is not a
 * percentage); amounts and counts by how much, with the growth in % beside it, as the
 * reports write 比上年增长x%; ratios such as 生师比 by how much.
 */
export function formatChange(change: number | null, changePct: number | null, ind: Indicator): string {
  if (change === null || !Number.isFinite(change)) return MISSING
  if (ind.unit === '%') return `${signed(formatNumber(change, 2), change)}个百分点`
  const amount = signed(ind.unit === '' ? formatNumber(change, ind.digits) : formatValue(change, ind), change)
  if (ind.unit === '' || changePct === null || !Number.isFinite(changePct)) return amount
  return `${amount}（${signed(formatNumber(changePct, 2), changePct)}%）`
}

/** Rank movement since last year: ↑3 means three places better. */
export function formatRankChange(rank: number | null, prevRank: number | null): string {
  if (rank === null || prevRank === null) return MISSING
  const d = prevRank - rank
  if (d === 0) return '持平'
  return d > 0 ? `↑${d}` : `↓${-d}`
}

export function formatThreshold(ind: Indicator, threshold: number | null): string {
  if (threshold === null) return '无标准'
  const op = ind.good === 'up' ? '≥' : '≤'
  // Policy lines are shown as the documents write them: 50%, 13.5, 0.45.
  const digits = (String(threshold).split('.')[1] ?? '').length
  return `${op}${formatValue(threshold, { ...ind, digits })}`
}

/** A policy line as the rules page states it: '≤0.5（≤0.65为基本达标）'. */
export function formatLine(ind: Indicator, t: Threshold): string {
  return t.basic ? `${formatThreshold(ind, t.value)}（${formatThreshold(ind, t.basic.value)}为基本达标）` : formatThreshold(ind, t.value)
}

/** The documents behind a line and its 基本达标 band. */
export function lineDocs(t: Threshold): string {
  return t.basic && t.basic.doc !== t.doc ? `${t.doc}；基本达标：${t.basic.doc}` : t.doc
}

/** The years a series covers, as a title writes them: 2015–2024年. */
export function formatYearSpan(years: readonly number[]): string {
  return years.length > 1 ? `${years[0]}–${years.at(-1)}年` : years.length ? `${years[0]}年` : ''
}

// Chinese number formats: thousands separators, 万元 / 亿元, %, 个百分点.
import { thresholdFor, type Indicator, type Threshold } from './catalog.ts'
import { STORED_DECIMALS } from './precision.ts'

export const MISSING = '—'

/**
 * `value` with `digits` decimals, rounded half away from zero on its shortest decimal
 * form (what String(value) writes: 0.3985 reads 0.399, although the nearest double lies
 * below it); a value that rounds to zero carries no sign, never −0.00. Written by hand
 * rather than with Intl.NumberFormat, whose first use in a page loads ICU's locale data
 * (30–60 ms before the first figure of every route).
 */
function fixed(value: number, digits: number): string {
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e')
  const all = mantissa.replace('.', '')
  // Digits kept: those of the integer part (exponent + 1) and the decimals.
  const kept = Number(exponent) + 1 + digits
  const out = (kept > 0 ? all.slice(0, kept).padEnd(kept, '0') : '').split('').map(Number)
  if (kept >= 0 && Number(all[kept] ?? '0') >= 5) {
    let i = out.length - 1
    while (i >= 0 && out[i] === 9) out[i--] = 0
    if (i >= 0) out[i]! += 1
    else out.unshift(1)
  }
  const text = out.join('').padStart(digits + 1, '0')
  const whole = text.slice(0, text.length - digits)
  const number = digits > 0 ? `${whole}.${text.slice(-digits)}` : whole
  return value < 0 && /[1-9]/.test(text) ? `-${number}` : number
}

/** Rounded half away from zero, with thousands separators, as zh-CN writes numbers (never −0.00). */
export function formatNumber(value: number, digits: number): string {
  const text = fixed(value, digits)
  const point = text.indexOf('.')
  const whole = point < 0 ? text : text.slice(0, point)
  return whole.replace(/\B(?=(\d{3})+$)/g, ',') + (point < 0 ? '' : text.slice(point))
}

/**
 * A value with its unit; 万元 of 1亿 or more read as 亿元, as the reports write them. Given
 * the year of a judged value, it shows as many more digits as it takes for the number
 * read to give the verdict the value got: 84.957 against ≥85% reads 84.96%, never 85.0%
 * marked 未达标.
 */
export function formatValue(value: number | null | undefined, ind: Indicator, year?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING
  const digits = year === undefined ? ind.digits : verdictDigits(value, ind, year)
  switch (ind.unit) {
    case '%':
      return `${formatNumber(value, digits)}%`
    case '万元':
      return Math.abs(value) >= 10000 ? `${formatNumber(value / 10000, 2)}亿元` : `${formatNumber(value, digits)}万元`
    case '':
      return formatNumber(value, digits)
    default:
      return `${formatNumber(value, digits)}${ind.unit}`
  }
}

/** `value` as it reads with `digits` decimals: rounded half away from zero, as formatNumber shows it (never −0). */
export function roundTo(value: number, digits: number): number {
  return Number(fixed(value, digits)) + 0
}

/** The verdict on a value (as statusSql gives it) against the line of its year. */
export function verdictOf(value: number, ind: Indicator, t: Threshold): '达标' | '基本达标' | '未达标' {
  const meets = (line: number) => (ind.good === 'up' ? value >= line : value <= line)
  return meets(t.value) ? '达标' : t.basic && meets(t.basic.value) ? '基本达标' : '未达标'
}

/** The fewest digits, from the indicator's own, at which the shown value gives the value's verdict. */
export function verdictDigits(value: number, ind: Indicator, year: number): number {
  const t = thresholdFor(ind, year)
  if (!t) return ind.digits
  const verdict = verdictOf(value, ind, t)
  let digits = ind.digits
  while (digits < STORED_DECIMALS && verdictOf(roundTo(value, digits), ind, t) !== verdict) digits++
  return digits
}

function signed(text: string, value: number): string {
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text
}

/** Difference of two stored values, at their decimals: 0.354 − 0.353 is 0.001, not 0.0010000000000000009. */
export function difference(value: number, previous: number): number {
  return Math.round((value - previous) * 10 ** STORED_DECIMALS) / 10 ** STORED_DECIMALS
}

/**
 * Growth in % of a value on the previous one; null where a % means nothing: from a base of
 * 0 or less, or when the sign flips (a 工资差额 from −4元 to 1,556元 is no −39,000%).
 */
export function growthPct(value: number, previous: number): number | null {
  return previous > 0 && value >= 0 ? (value / previous - 1) * 100 : null
}

/**
 * Change on last year: rates change in 个百分点 (a difference of two percentages is not a
 * percentage); amounts and counts by how much, with the growth in % beside it where it
 * means something, as the reports write 比上年增长x%; ratios such as 生师比 by how much.
 */
export function formatChange(
  value: number | null | undefined,
  previous: number | null | undefined,
  ind: Indicator,
): string {
  if (value === null || value === undefined || previous === null || previous === undefined) return MISSING
  const change = difference(value, previous)
  if (ind.unit === '%') return `${signed(formatNumber(change, 2), change)}个百分点`
  const amount = signed(ind.unit === '' ? formatNumber(change, ind.digits) : formatValue(change, ind), change)
  const pct = ind.unit === '' ? null : growthPct(value, previous)
  if (pct === null) return amount
  return `${amount}（${signed(formatNumber(pct, 2), pct)}%）`
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
  // A line of 0 on a figure that should fall (大班额) is what the documents call 全面消除.
  if (threshold === 0 && ind.good === 'down') return '全面消除'
  const op = ind.good === 'up' ? '≥' : '≤'
  // Policy lines are shown as the documents write them: 50%, 13.5, 0.45.
  const digits = (String(threshold).split('.')[1] ?? '').length
  return `${op}${formatValue(threshold, { ...ind, digits })}`
}

/** A policy line as the rules page states it: '≤0.5（≤0.65为基本达标）'. */
export function formatLine(ind: Indicator, t: Threshold): string {
  return t.basic
    ? `${formatThreshold(ind, t.value)}（${formatThreshold(ind, t.basic.value)}为基本达标）`
    : formatThreshold(ind, t.value)
}

/** The documents behind a line and its 基本达标 band. */
export function lineDocs(t: Threshold): string {
  return t.basic && t.basic.doc !== t.doc ? `${t.doc}；基本达标：${t.basic.doc}` : t.doc
}

/** The years a series covers, as a title writes them: 2015–2024年. */
export function formatYearSpan(years: readonly number[]): string {
  return years.length > 1 ? `${years[0]}–${years.at(-1)}年` : years.length ? `${years[0]}年` : ''
}

/** The years a line is in force, as the rules write them: 2020年, 2017年—2020年, 2021年起. */
export function formatLineYears(t: Pick<Threshold, 'from' | 'to'>): string {
  if (t.to === undefined) return `${t.from}年起`
  return t.to === t.from ? `${t.from}年` : `${t.from}年—${t.to}年`
}

/**
 * A count's change on last year in words, its subject named: 未达标区县数与上年持平,
 * 未达标区县比上年减少1个 — never 比上年增加0个.
 */
export function formatCountChange(subject: string, change: number, unit = '个'): string {
  if (change === 0) return `${subject}数与上年持平`
  return `${subject}比上年${change > 0 ? '增加' : '减少'}${Math.abs(change)}${unit}`
}

/**
 * A shortfall from a line: 个百分点 for rates, the unit otherwise; one too small to show at
 * the indicator's decimals reads 不足0.01个百分点, never 差0.00.
 */
export function formatGap(gap: number, ind: Indicator): string {
  const text = ind.unit === '%' ? `${formatNumber(gap, 2)}个百分点` : formatValue(gap, ind)
  if (/[1-9]/.test(text)) return text
  const least = 10 ** -(ind.unit === '%' ? 2 : ind.digits)
  return `不足${ind.unit === '%' ? `${formatNumber(least, 2)}个百分点` : formatValue(least, ind)}`
}

/** A fall in %, as the reports write 比上年下降x%: one too small for two decimals is 不足0.01%, never 0.00%. */
export function formatDecline(growth: number): string {
  const text = formatNumber(Math.abs(growth), 2)
  return /[1-9]/.test(text) ? `${text}%` : '不足0.01%'
}

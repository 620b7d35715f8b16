// The order of a county's KPI cards: the headline figures as the reports list them, or
// “problems first” — the county's 未达标 indicators of the year, the furthest from their line
// first, whether or not they are headline figures, then the other headline figures.
import { HEADLINE_INDICATOR_IDS, INDICATORS, findIndicator, type Indicator } from './catalog.ts'
import type { SeriesRow } from '../queries/series.ts'

export type KpiOrder = 'default' | 'problems'
export const KPI_ORDERS: readonly KpiOrder[] = ['default', 'problems']

/**
 * What a line of 0 is measured against: a percentage against the whole (a growth rate's line
 * is last year's level, so −3% is 3% short of it; a share to be eliminated, against all
 * classes); 元 is only 教师与公务员工资差额, whose line is the civil servants' pay, which the
 * series does not carry: 10万元 is its order (湖南's median 9.8万元 in 2024 in the bundled data).
 */
const ZERO_LINE_SCALE: Partial<Record<Indicator['unit'], number>> = { '%': 100, 元: 100_000 }

/**
 * How far `value` is short of the line `threshold`, in the indicator's direction, as a share
 * of the line (0 when it meets it); for a line of 0, as a share of ZERO_LINE_SCALE (or of 1).
 */
export function relativeGap(ind: Indicator, value: number, threshold: number): number {
  const gap = Math.max(ind.good === 'up' ? threshold - value : value - threshold, 0)
  return gap / (threshold === 0 ? (ZERO_LINE_SCALE[ind.unit] ?? 1) : Math.abs(threshold))
}

export interface Failing {
  indicator: string
  gap: number
}

type StatusRow = Pick<SeriesRow, 'indicator' | 'year' | 'value' | 'threshold' | 'status'>

const HEADLINE: readonly string[] = HEADLINE_INDICATOR_IDS
/** On equal gaps: the headline figures' order, then the catalog's. */
const tieOrder = (id: string) => {
  const i = HEADLINE.indexOf(id)
  return i === -1 ? HEADLINE.length + INDICATORS.findIndex((ind) => ind.id === id) : i
}

/** The county's 未达标 indicators in `year`, the largest relative gap first. */
export function failingIndicators(rows: readonly StatusRow[], year: number): Failing[] {
  return rows
    .flatMap((r) => {
      const ind = findIndicator(r.indicator)
      if (!ind || r.year !== year || r.status !== '未达标' || r.value === null || r.threshold === null) return []
      return [{ indicator: ind.id, gap: relativeGap(ind, r.value, r.threshold) }]
    })
    .sort((a, b) => b.gap - a.gap || tieOrder(a.indicator) - tieOrder(b.indicator))
}

/** The indicator ids of the KPI cards, in `order`. */
export function kpiIndicatorIds(rows: readonly StatusRow[], year: number, order: KpiOrder): string[] {
  if (order === 'default') return [...HEADLINE]
  const failing = failingIndicators(rows, year).map((f) => f.indicator)
  return [...failing, ...HEADLINE.filter((id) => !failing.includes(id))]
}

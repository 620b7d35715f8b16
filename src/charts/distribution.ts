// Histogram of county values with the policy line and the hovered county marked.
import type { Indicator } from '../indicators/catalog.ts'
import { formatValue } from '../indicators/format.ts'
import type { RankingRow } from '../queries/ranking.ts'
import { valueAxis, type BarChartModel, type RefLine } from './barChart.ts'
import { HIGHLIGHT_COLOR } from './palette.ts'

export interface Bin {
  from: number
  to: number
  count: number
}

/** Equal-width bins over the range of the values (Sturges' rule for the count). */
export function histogram(values: readonly number[], binCount?: number): Bin[] {
  if (values.length === 0) return []
  const min = Math.min(...values)
  const max = Math.max(...values)
  const n = binCount ?? Math.max(5, Math.ceil(Math.log2(values.length) + 1))
  const width = (max - min) / n || 1
  const bins = Array.from({ length: n }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }))
  for (const v of values) bins[Math.min(Math.floor((v - min) / width), n - 1)]!.count++
  return bins
}

export interface DistributionInput {
  rows: readonly RankingRow[]
  indicator: Indicator
  threshold: number | null
  highlight?: string | null
}

export function distributionBars(input: DistributionInput): BarChartModel {
  const ind = input.indicator
  const values = input.rows.map((r) => r.value).filter((v): v is number => v !== null)
  const bins = histogram(values)
  const marked = input.rows.find((r) => r.code === input.highlight && r.value !== null)
  const binOf = (v: number) => bins.findIndex((b, i) => v >= b.from && (v < b.to || i === bins.length - 1))
  const lines: RefLine[] = []
  const thresholdBin = input.threshold === null ? -1 : binOf(input.threshold)
  if (thresholdBin >= 0) lines.push({ at: { bar: thresholdBin }, label: '标准', color: '#b3261e', dashed: true, labelAt: 'end' })
  const markedBin = marked ? binOf(marked.value!) : -1
  const axis = valueAxis(bins.map((b) => b.count), String, { integer: true, count: 4 })
  return {
    bars: bins.map((b, i) => ({
      value: b.count,
      color: i === markedBin ? HIGHLIGHT_COLOR : '#7d93ad',
      label: i === markedBin ? marked!.name : undefined,
      category: formatValue(b.from, ind),
      tip: { head: `${formatValue(b.from, ind)} ～ ${formatValue(b.to, ind)}`, label: '区县数', value: `${b.count}个` },
    })),
    axis: { ...axis, name: '区县数' },
    lines,
    grid: { left: 36, right: 12, top: 20, bottom: 40 },
    gap: 0.04,
  }
}

// Histogram of county values with the policy line and the hovered county marked. The bins
// are round (20%–30%, 2–4 个): their edges are nice numbers, written at the edges.
import { bin, nice, ticks } from 'd3-array'
import type { Indicator } from '../indicators/catalog.ts'
import { formatThreshold, formatNumber, formatValue } from '../indicators/format.ts'
import type { RankingRow } from '../queries/ranking.ts'
import { EDGE_FONT, textWidth, valueAxis, type BarChartModel, type RefLine } from './barChart.ts'
import { HIGHLIGHT_COLOR } from './palette.ts'

export interface Bin {
  from: number
  to: number
  count: number
}

/** Fewer bins than this say little about a spread. */
const MIN_BINS = 5

/**
 * Bins of one nice width (1, 2 or 5 × 10ⁿ) from a nice edge below the smallest value to one
 * at or above the largest, about as many as Sturges' rule gives and never fewer than five;
 * the last bin holds its upper edge, so every value is counted once.
 */
export function histogram(values: readonly number[]): Bin[] {
  if (values.length === 0) return []
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5]
  const sturges = Math.max(MIN_BINS, Math.ceil(Math.log2(values.length) + 1))
  const edgesFor = (count: number) => ticks(...nice(lo, hi, count), count)
  let count = sturges
  while (edgesFor(count).length - 1 < MIN_BINS) count++
  const edges = edgesFor(count)
  const bins = bin()
    .domain([edges[0]!, edges.at(-1)!])
    .thresholds(edges.slice(1, -1))([...values])
  return bins.map((b) => ({ from: b.x0!, to: b.x1!, count: b.length }))
}

/** Decimals that show a multiple of `step` (1, 2 or 5 × 10ⁿ) exactly. */
function decimals(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9))
}

/** Bin edges as short as their step allows: 20%, 2.5%, 0.45; amounts in 万元 as 亿元 once the step is 0.1亿 or more. */
export function edgeFormat(ind: Indicator, step: number): (v: number) => string {
  if (ind.unit === '万元' && step >= 1000) return (v) => `${formatNumber(v / 10000, decimals(step / 10000))}亿元`
  const digits = decimals(step)
  return (v) => formatValue(v, { ...ind, digits })
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
  const step = bins.length ? bins[0]!.to - bins[0]!.from : 1
  const fmt = edgeFormat(ind, step)
  const marked = input.rows.find((r) => r.code === input.highlight && r.value !== null)
  const binOf = (v: number) => bins.findIndex((b, i) => v >= b.from && (v < b.to || i === bins.length - 1))
  const lines: RefLine[] = []
  const first = bins[0]
  const last = bins.at(-1)
  // The line where its value falls: on an edge when the value is one.
  if (input.threshold !== null && first && last && input.threshold >= first.from && input.threshold <= last.to) {
    lines.push({
      at: { slot: (input.threshold - first.from) / step },
      label: `标准 ${formatThreshold(ind, input.threshold)}`,
      color: '#b3261e',
      dashed: true,
    })
  }
  const markedBin = marked ? binOf(marked.value!) : -1
  const counts = bins.map((b) => b.count)
  // Room above the marked bin for its county's name.
  const axis = valueAxis(markedBin >= 0 ? [...counts, counts[markedBin]! * 1.15 + 1] : counts, String, {
    integer: true,
    count: 4,
  })
  const edges = bins.length ? [...bins.map((b) => fmt(b.from)), fmt(last!.to)] : []
  const half = (label: string | undefined) => Math.ceil(textWidth(label ?? '', EDGE_FONT) / 2) + 4
  return {
    bars: bins.map((b, i) => ({
      value: b.count,
      color: i === markedBin ? HIGHLIGHT_COLOR : '#7d93ad',
      label: i === markedBin ? marked!.name : undefined,
      tip: { head: `${fmt(b.from)} ～ ${fmt(b.to)}`, label: '区县数', value: `${b.count}个` },
    })),
    axis: { ...axis, name: '区县数' },
    lines,
    edges,
    // The first and last edge labels are centred on the plot's edges: half of each is outside it.
    grid: { left: Math.max(36, half(edges[0])), right: Math.max(12, half(edges.at(-1))), top: 28, bottom: 24 },
    gap: 0.04,
  }
}

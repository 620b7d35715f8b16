// Histogram of county values with the policy line and the hovered county marked.
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import type { Indicator } from '../indicators/catalog.ts'
import { formatValue } from '../indicators/format.ts'
import type { RankingRow } from '../queries/ranking.ts'
import { escapeHtml } from './escape.ts'
import { HIGHLIGHT_COLOR } from './palette.ts'
import { TOOLTIP_IN_BODY } from './tooltip.ts'

export type DistributionOption = ComposeOption<BarSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption>

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

export function distributionOption(input: DistributionInput): DistributionOption {
  const ind = input.indicator
  const values = input.rows.map((r) => r.value).filter((v): v is number => v !== null)
  const bins = histogram(values)
  const marked = input.rows.find((r) => r.code === input.highlight && r.value !== null)
  const binOf = (v: number) => bins.findIndex((b, i) => v >= b.from && (v < b.to || i === bins.length - 1))
  const lines: NonNullable<MarkLineComponentOption['data']> = []
  const thresholdBin = input.threshold === null ? -1 : binOf(input.threshold)
  if (thresholdBin >= 0) lines.push({ xAxis: thresholdBin, lineStyle: { color: '#b3261e', type: 'dashed' }, label: { formatter: '标准', color: '#b3261e' } })
  const markedBin = marked ? binOf(marked.value!) : -1
  return {
    animation: false,
    grid: { left: 36, right: 12, top: 20, bottom: 40 },
    tooltip: {
      ...TOOLTIP_IN_BODY,
      trigger: 'axis',
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        const b = p ? bins[p.dataIndex] : undefined
        return b ? `${escapeHtml(formatValue(b.from, ind))} ～ ${escapeHtml(formatValue(b.to, ind))}：${b.count}个区县` : ''
      },
    },
    xAxis: { type: 'category', data: bins.map((b) => formatValue(b.from, ind)), axisLabel: { fontSize: 10, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1, name: '区县数', nameTextStyle: { fontSize: 10 } },
    series: [
      {
        type: 'bar',
        barCategoryGap: '4%',
        data: bins.map((b, i) => ({ value: b.count, itemStyle: { color: i === markedBin ? HIGHLIGHT_COLOR : '#7d93ad' } })),
        markLine: { symbol: 'none', silent: true, data: lines },
        label: marked ? { show: true, position: 'top', formatter: (p: { dataIndex: number }) => (p.dataIndex === markedBin ? marked.name : '') } : undefined,
      },
    ],
  }
}

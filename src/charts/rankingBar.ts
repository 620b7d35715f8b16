// All counties as sorted bars, coloured by status, with the policy line and the province
// figure as reference lines.
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import type { Indicator } from '../indicators/catalog.ts'
import { formatThreshold, formatValue } from '../indicators/format.ts'
import type { RankingRow } from '../queries/ranking.ts'
import { escapeHtml } from './escape.ts'
import { classOf, type MapClass } from './mapClasses.ts'
import { HIGHLIGHT_COLOR } from './palette.ts'
import { TOOLTIP_IN_BODY } from './tooltip.ts'

export type RankingBarOption = ComposeOption<BarSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption>

export interface RankingBarInput {
  rows: readonly RankingRow[]
  indicator: Indicator
  classes: readonly MapClass[]
  threshold: number | null
  provinceFigure: number | null
  highlight?: string | null
}

export function rankingBarOption(input: RankingBarInput): RankingBarOption {
  const ind = input.indicator
  const rows = input.rows.filter((r) => r.value !== null)
  const lines: NonNullable<MarkLineComponentOption['data']> = []
  if (input.threshold !== null) {
    lines.push({ yAxis: input.threshold, name: '标准', lineStyle: { color: '#b3261e', type: 'dashed', width: 1.5 }, label: { formatter: `标准 ${formatThreshold(ind, input.threshold)}`, position: 'insideEndTop', color: '#b3261e' } })
  }
  if (input.provinceFigure !== null) {
    lines.push({ yAxis: input.provinceFigure, name: '全省', lineStyle: { color: '#333', type: 'solid', width: 1 }, label: { formatter: `全省 ${formatValue(input.provinceFigure, ind)}`, position: 'insideStartTop', color: '#333' } })
  }
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 24, bottom: 28 },
    tooltip: {
      ...TOOLTIP_IN_BODY,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        const r = p ? rows[p.dataIndex] : undefined
        return r ? `${escapeHtml(r.name)}（${escapeHtml(r.prefecture)}）<br/>第${r.rank ?? '—'}名：<b>${escapeHtml(formatValue(r.value, ind))}</b>` : ''
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.code), axisLabel: { show: false }, axisTick: { show: false } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatValue(v, { ...ind, digits: 0 }) } },
    series: [
      {
        type: 'bar',
        barCategoryGap: '15%',
        data: rows.map((r) => ({
          value: r.value,
          itemStyle: { color: r.code === input.highlight ? HIGHLIGHT_COLOR : classOf(r, input.classes).color, borderColor: r.code === input.highlight ? '#000' : undefined },
        })),
        markLine: { symbol: 'none', silent: true, data: lines },
      },
    ],
  }
}

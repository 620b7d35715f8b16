// One indicator's small multiple on the county page: the county's line, the province's
// interquartile band and median, the province figure, and the policy line as a step that
// moves where the policy changed, and the base year compared with (对比基年) when one is
// chosen. Missing years are gaps, never zeros.
import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { Indicator } from '../indicators/catalog.ts'
import { thresholdFor } from '../indicators/catalog.ts'
import { formatValue } from '../indicators/format.ts'
import { PROVINCE_FIGURE_LABEL } from '../indicators/formula.ts'
import { textWidth } from './barChart.ts'
import { escapeHtml } from './escape.ts'
import { TOOLTIP_IN_BODY } from './tooltip.ts'

export type TrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

export interface TrendInput {
  indicator: Indicator
  years: readonly number[]
  county: readonly (number | null)[]
  countyName: string
  figure: readonly (number | null)[]
  q1: readonly (number | null)[]
  median: readonly (number | null)[]
  q3: readonly (number | null)[]
  /** Extra lines (compared counties), drawn thinner. */
  others?: readonly { name: string; values: readonly (number | null)[] }[]
  /** 对比基年: a dotted vertical line at that year, labelled 基年 above the plot. */
  baseYear?: number | null
}

export const COUNTY_COLOR = '#1f4e79'
export const BASE_YEAR_COLOR = '#6b5a2e'
export const BASE_YEAR_LABEL = '基年'
const OTHER_COLORS = ['#d95f02', '#7570b3', '#1b9e77', '#e7298a', '#66a61e']

export function missingYears(years: readonly number[], values: readonly (number | null)[]): number[] {
  return years.filter((_, i) => values[i] === null || values[i] === undefined)
}

/** The legend of compared counties: no wider than the narrowest the chart is drawn (an export's 560 px), in rows of LEGEND_ROW. */
const LEGEND_WIDTH = 520
const LEGEND_FONT = 12
const LEGEND_GAP = 10
const LEGEND_ROW = 22
/** ECharts' legend symbol and the gap after it. */
const LEGEND_ICON = 25 + 5

/** The rows a legend of `names` takes in `width` px, each item its symbol and its name. */
export function legendRows(names: readonly string[], width: number): number {
  let rows = 1
  let used = 0
  for (const name of names) {
    const w = LEGEND_ICON + textWidth(name, LEGEND_FONT)
    if (used > 0 && used + LEGEND_GAP + w > width) [rows, used] = [rows + 1, w]
    else used += (used > 0 ? LEGEND_GAP : 0) + w
  }
  return rows
}

/** The base year's line: on the county's series, so it shows and exports with it. */
function baseYearLine(years: readonly string[], baseYear: number | null | undefined): LineSeriesOption['markLine'] {
  if (baseYear === null || baseYear === undefined || !years.includes(String(baseYear))) return undefined
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: BASE_YEAR_COLOR, type: 'dotted', width: 1.5 },
    label: { show: true, position: 'end', formatter: BASE_YEAR_LABEL, fontSize: 10, color: BASE_YEAR_COLOR },
    data: [{ xAxis: String(baseYear) }],
  }
}

export function trendOption(input: TrendInput): TrendOption {
  const ind = input.indicator
  const x = input.years.map(String)
  const line = input.years.map((y) => thresholdFor(ind, y)?.value ?? null)
  const band = input.q3.map((v, i) => (v === null || input.q1[i] === null ? null : v - input.q1[i]!))
  const fmt = (v: number) => formatValue(v, ind)
  const others = input.others ?? []
  const baseLine = baseYearLine(x, input.baseYear)
  const series: LineSeriesOption[] = [
    {
      name: '四分位下界',
      type: 'line',
      data: [...input.q1],
      stack: 'iqr',
      lineStyle: { opacity: 0 },
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
    },
    {
      name: '全省四分位区间',
      type: 'line',
      data: band,
      stack: 'iqr',
      lineStyle: { opacity: 0 },
      areaStyle: { color: '#dfe6ee' },
      symbol: 'none',
      silent: true,
    },
    {
      name: '全省中位数',
      type: 'line',
      data: [...input.median],
      lineStyle: { color: '#8a99a8', type: 'dashed', width: 1 },
      symbol: 'none',
      itemStyle: { color: '#8a99a8' },
    },
    {
      name: PROVINCE_FIGURE_LABEL,
      type: 'line',
      data: [...input.figure],
      lineStyle: { color: '#555', width: 1 },
      symbol: 'none',
      itemStyle: { color: '#555' },
    },
    {
      name: '标准',
      type: 'line',
      data: line,
      step: 'middle',
      lineStyle: { color: '#b3261e', type: 'dashed', width: 1.2 },
      symbol: 'none',
      itemStyle: { color: '#b3261e' },
    },
    {
      name: input.countyName,
      type: 'line',
      data: [...input.county],
      connectNulls: false,
      lineStyle: { color: COUNTY_COLOR, width: 2.2 },
      itemStyle: { color: COUNTY_COLOR },
      symbolSize: 5,
      ...(baseLine ? { markLine: baseLine } : {}),
    },
    ...others.map((o, i): LineSeriesOption => ({
      name: o.name,
      type: 'line',
      data: [...o.values],
      connectNulls: false,
      lineStyle: { color: OTHER_COLORS[i % OTHER_COLORS.length], width: 1.5 },
      itemStyle: { color: OTHER_COLORS[i % OTHER_COLORS.length] },
      symbolSize: 4,
    })),
  ]
  const names = [input.countyName, ...others.map((o) => o.name)]
  const rows = others.length ? legendRows(names, LEGEND_WIDTH) : 0
  return {
    animation: false,
    // Compared counties are told apart by a legend of names, not by colour alone; the plot
    // starts below its last row.
    legend: others.length
      ? {
          top: 0,
          left: 'center',
          width: LEGEND_WIDTH,
          itemGap: LEGEND_GAP,
          textStyle: { fontSize: LEGEND_FONT },
          data: names,
        }
      : { show: false },
    // The base year's label sits above the plot, below a legend.
    grid: {
      left: 52,
      right: 12,
      top: (others.length ? 10 + rows * LEGEND_ROW : 12) + (baseLine ? 12 : 0),
      bottom: 22,
    },
    tooltip: {
      ...TOOLTIP_IN_BODY,
      trigger: 'axis',
      formatter: (params) => {
        const list = (Array.isArray(params) ? params : [params]).filter((p) => p.seriesName !== '四分位下界')
        const year = list[0]?.name ?? ''
        const i = x.indexOf(String(year))
        const rows = list.map((p) => {
          const v = p.seriesName === '全省四分位区间' ? null : (p.value as number | null)
          const text =
            p.seriesName === '全省四分位区间'
              ? `${fmt(input.q1[i]!)}～${fmt(input.q3[i]!)}`
              : v === null || v === undefined
                ? '无数据'
                : fmt(v)
          return `${escapeHtml(p.seriesName)}：${escapeHtml(text)}`
        })
        const base = String(year) === String(input.baseYear) ? `（对比${BASE_YEAR_LABEL}）` : ''
        return [`${escapeHtml(year)}年${base}`, ...rows].join('<br/>')
      },
    },
    xAxis: { type: 'category', data: x, boundaryGap: false, axisLabel: { fontSize: 10 } },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: {
        fontSize: 10,
        formatter: (v: number) => formatValue(v, { ...ind, digits: ind.unit === '%' ? 0 : ind.digits }),
      },
    },
    series,
  }
}

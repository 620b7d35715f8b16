// A bar chart model (barChart.ts) as an ECharts option, for the exported image and the
// printed page. The reference lines' labels are a legend above the plot, as the SVG's key;
// a histogram's x axis is a value axis in slot widths, so that its labels sit at the bin edges.
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import { EDGE_FONT, KEY_FONT, KEY_SAMPLE, edgeEvery, type BarChartModel } from './barChart.ts'
import { escapeHtml } from './escape.ts'
import { TOOLTIP_IN_BODY } from './tooltip.ts'

export type BarChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>

/**
 * The narrowest plot the option is drawn in: the histogram's on an A4 page beside the bars
 * (about 290 px less its axis). Every how many edges are labelled is chosen for it, so that
 * the labels are evenly spaced, from the first, wherever the image is drawn.
 */
const NARROWEST_PLOT = 230

export function barChartOption(model: BarChartModel): BarChartOption {
  const labelled = model.bars.some((b) => b.label)
  const ticks = model.axis.ticks
  const step = ticks.length > 1 ? ticks[1]!.value - ticks[0]!.value : model.axis.max - model.axis.min
  // ECharts adds the step up from the minimum: its tick values may differ from ours in the last digit.
  const nearestTick = (v: number) => ticks.find((t) => Math.abs(t.value - v) < step / 1000)?.label ?? ''
  const edges = model.edges
  const n = model.bars.length
  const every = edges ? edgeEvery(edges, NARROWEST_PLOT / Math.max(1, n)) : 1
  const tip = (i: number | undefined) => {
    const t = i === undefined ? undefined : model.bars[i]?.tip
    return t ? `${escapeHtml(t.head)}<br/>${escapeHtml(t.label)}：<b>${escapeHtml(t.value)}</b>` : ''
  }
  return {
    animation: false,
    grid: model.grid,
    tooltip: edges
      ? { ...TOOLTIP_IN_BODY, trigger: 'item', formatter: (p) => tip((Array.isArray(p) ? p[0] : p)?.dataIndex) }
      : {
          ...TOOLTIP_IN_BODY,
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (p) => tip((Array.isArray(p) ? p[0] : p)?.dataIndex),
        },
    legend: model.lines.length
      ? {
          top: 4,
          right: model.grid.right,
          itemWidth: KEY_SAMPLE,
          itemHeight: 8,
          itemGap: 14,
          selectedMode: false,
          itemStyle: { opacity: 0 },
          textStyle: { fontSize: KEY_FONT, color: '#333' },
          data: model.lines.map((l) => l.label),
        }
      : { show: false },
    xAxis: edges
      ? {
          type: 'value',
          min: 0,
          max: n,
          interval: 1,
          axisLine: { show: true, onZero: false, lineStyle: { color: '#8c8c8c' } },
          axisTick: { show: true },
          splitLine: { show: false },
          axisLabel: {
            fontSize: EDGE_FONT,
            formatter: (v: number) => (Math.round(v) % every === 0 ? (edges[Math.round(v)] ?? '') : ''),
          },
        }
      : {
          type: 'category',
          data: model.bars.map((_, i) => String(i)),
          axisLabel: { show: false },
          axisTick: { show: false },
        },
    yAxis: {
      type: 'value',
      min: model.axis.min,
      max: model.axis.max,
      // The axis's own ticks are the model's: it is nice, and they are evenly spaced from its minimum.
      interval: step,
      name: model.axis.name,
      nameTextStyle: { fontSize: EDGE_FONT },
      axisLabel: { fontSize: 11, formatter: (v: number) => nearestTick(v) },
    },
    series: [
      {
        type: 'bar',
        barCategoryGap: `${model.gap * 100}%`,
        data: model.bars.map((b, i) => ({
          value: edges ? [i + 0.5, b.value] : b.value,
          itemStyle: { color: b.color, borderColor: b.outline },
        })),
        label: labelled
          ? {
              show: true,
              position: 'top',
              fontSize: 11,
              formatter: (p: { dataIndex: number }) => model.bars[p.dataIndex]?.label ?? '',
            }
          : undefined,
        markLine: {
          symbol: 'none',
          silent: true,
          label: { show: false },
          data: model.lines.map((l) => ({
            // On a category axis a line can only go through a bar: the one its slot is in.
            ...('value' in l.at
              ? { yAxis: l.at.value }
              : { xAxis: edges ? l.at.slot : Math.min(n - 1, Math.floor(l.at.slot)) }),
            lineStyle: { color: l.color, type: l.dashed ? 'dashed' : 'solid', width: l.dashed ? 1.5 : 1 },
          })),
        },
      },
      // The legend's entries: a line each, in the reference line's colour and dashes, with no data.
      ...model.lines.map((l): LineSeriesOption => ({
        type: 'line',
        name: l.label,
        data: [],
        symbol: 'none',
        color: l.color,
        lineStyle: { color: l.color, type: l.dashed ? 'dashed' : 'solid', width: l.dashed ? 1.5 : 1 },
      })),
    ],
  }
}

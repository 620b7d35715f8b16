// A bar chart as data: the bars, the value axis and the reference lines. The province page
// draws it as SVG (BarChart.vue, so that its first view needs no chart library) and exports
// and prints the same model through ECharts (barChartOption): both show the same figure.
import { nice, ticks } from 'd3-array'
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import { escapeHtml } from './escape.ts'
import { TOOLTIP_IN_BODY } from './tooltip.ts'

export interface Bar {
  value: number
  color: string
  /** An outline, for the bar of the county under the pointer. */
  outline?: string
  /** Text above the bar. */
  label?: string
  /** Under the category axis (the histogram's bins). */
  category?: string
  /** The tooltip: a first line, then the figure in bold after its label. */
  tip: { head: string; label: string; value: string }
}

/** A reference line across the bars: at a value of the axis, or through the middle of a bar. */
export interface RefLine {
  at: { value: number } | { bar: number }
  label: string
  color: string
  dashed: boolean
  /** Where its label sits: at the start (left, top) or the end of the line. */
  labelAt: 'start' | 'end'
}

export interface BarChartModel {
  bars: readonly Bar[]
  axis: { min: number; max: number; ticks: readonly { value: number; label: string }[]; name?: string }
  lines: readonly RefLine[]
  /** Space around the plot for the axis labels (px). */
  grid: { left: number; right: number; top: number; bottom: number }
  /** The gap between bars, as a share of each bar's slot. */
  gap: number
}

/**
 * The value axis over `values` and the reference lines: nice ticks, from zero unless all
 * values sit in the upper half of the range, where bars from zero would all look alike (a
 * completion rate of 95–100 %). A range that crosses zero keeps zero.
 */
export function valueAxis(values: readonly number[], format: (v: number) => string, options: { integer?: boolean; count?: number } = {}): BarChartModel['axis'] {
  const count = options.count ?? 5
  let lo = Math.min(0, ...values)
  let hi = Math.max(0, ...values)
  if (values.length && lo === 0 && Math.min(...values) > hi / 2) lo = Math.min(...values)
  if (lo === hi) hi = lo + 1
  ;[lo, hi] = nice(lo, hi, count)
  const at = ticks(lo, hi, count).filter((v) => !options.integer || Number.isInteger(v))
  return { min: lo, max: hi, ticks: at.map((v) => ({ value: v, label: format(v) })) }
}

export interface BarGeometry {
  bars: { x: number; y: number; width: number; height: number; slot: { x: number; width: number } }[]
  /** The y of each axis tick. */
  ticks: { y: number; label: string }[]
  lines: { x1: number; y1: number; x2: number; y2: number; line: RefLine }[]
  plot: { x: number; y: number; width: number; height: number }
  /** Where bars start: zero, or the axis minimum when zero is below it. */
  baseline: number
  /** Every how many bars a category label is written, so that slanted labels do not overlap. */
  categoryEvery: number
}

/** Room a slanted category label needs along the axis (px). */
const CATEGORY_PX = 26

/** Where everything goes in a chart `width` × `height` px. */
export function barLayout(model: BarChartModel, width: number, height: number): BarGeometry {
  const plot = { x: model.grid.left, y: model.grid.top, width: Math.max(0, width - model.grid.left - model.grid.right), height: Math.max(0, height - model.grid.top - model.grid.bottom) }
  const { min, max } = model.axis
  const yOf = (v: number) => plot.y + plot.height * (1 - (v - min) / (max - min))
  const slot = model.bars.length ? plot.width / model.bars.length : 0
  const baseline = yOf(Math.min(Math.max(0, min), max))
  const bars = model.bars.map((b, i) => {
    const top = yOf(b.value)
    const x = plot.x + i * slot
    return { x: x + (slot * model.gap) / 2, y: Math.min(top, baseline), width: slot * (1 - model.gap), height: Math.abs(baseline - top), slot: { x, width: slot } }
  })
  const lines = model.lines.map((line) => {
    if ('value' in line.at) {
      const y = yOf(line.at.value)
      return { x1: plot.x, y1: y, x2: plot.x + plot.width, y2: y, line }
    }
    const x = plot.x + (line.at.bar + 0.5) * slot
    return { x1: x, y1: plot.y, x2: x, y2: plot.y + plot.height, line }
  })
  const categoryEvery = slot > 0 ? Math.max(1, Math.ceil(CATEGORY_PX / slot)) : 1
  return { bars, ticks: model.axis.ticks.map((t) => ({ y: yOf(t.value), label: t.label })), lines, plot, baseline, categoryEvery }
}

export type BarChartOption = ComposeOption<BarSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption>

/** The same chart as an ECharts option, for the exported image and the printed page. */
export function barChartOption(model: BarChartModel): BarChartOption {
  const categories = model.bars.map((b) => b.category)
  const labelled = model.bars.some((b) => b.label)
  const ticks_ = model.axis.ticks
  const step = ticks_.length > 1 ? ticks_[1]!.value - ticks_[0]!.value : model.axis.max - model.axis.min
  // ECharts adds the step up from the minimum: its tick values may differ from ours in the last digit.
  const nearestTick = (v: number) => ticks_.find((t) => Math.abs(t.value - v) < step / 1000)?.label ?? ''
  return {
    animation: false,
    grid: model.grid,
    tooltip: {
      ...TOOLTIP_IN_BODY,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        const t = p ? model.bars[p.dataIndex]?.tip : undefined
        return t ? `${escapeHtml(t.head)}<br/>${escapeHtml(t.label)}：<b>${escapeHtml(t.value)}</b>` : ''
      },
    },
    xAxis: {
      type: 'category',
      data: model.bars.map((b, i) => b.category ?? String(i)),
      axisLabel: categories.every((c) => c !== undefined) ? { fontSize: 10, rotate: 30 } : { show: false },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      min: model.axis.min,
      max: model.axis.max,
      // The axis's own ticks are the model's: it is nice, and they are evenly spaced from its minimum.
      interval: step,
      name: model.axis.name,
      nameTextStyle: { fontSize: 10 },
      axisLabel: { formatter: (v: number) => nearestTick(v) },
    },
    series: [
      {
        type: 'bar',
        barCategoryGap: `${model.gap * 100}%`,
        data: model.bars.map((b) => ({ value: b.value, itemStyle: { color: b.color, borderColor: b.outline } })),
        label: labelled ? { show: true, position: 'top', formatter: (p: { dataIndex: number }) => model.bars[p.dataIndex]?.label ?? '' } : undefined,
        markLine: {
          symbol: 'none',
          silent: true,
          data: model.lines.map((l) => ({
            ...('value' in l.at ? { yAxis: l.at.value } : { xAxis: l.at.bar }),
            lineStyle: { color: l.color, type: l.dashed ? 'dashed' : 'solid', width: l.dashed ? 1.5 : 1 },
            label: { formatter: l.label, color: l.color, position: 'value' in l.at ? (l.labelAt === 'end' ? 'insideEndTop' : 'insideStartTop') : 'end' },
          })),
        },
      },
    ],
  }
}

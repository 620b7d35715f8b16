// A bar chart as data: the bars, the value axis and the reference lines. The province page
// draws it as SVG (BarChart.vue, so that its first view needs no chart library) and exports
// and prints the same model through ECharts (barChartOption.ts): both show the same figure.
// The reference lines' labels are in a key above the plot, never over the bars they cross.
import { nice, ticks } from 'd3-array'

export interface Bar {
  value: number
  color: string
  /** An outline, for the bar of the county under the pointer. */
  outline?: string
  /** Text above the bar. */
  label?: string
  /** The tooltip: a first line, then the figure in bold after its label. */
  tip: { head: string; label: string; value: string }
}

/**
 * A reference line across the bars: at a value of the axis, or across the slots at `slot`
 * slot widths from the left edge (a histogram's policy line, where its value falls in the bins).
 */
export interface RefLine {
  at: { value: number } | { slot: number }
  /** Said in the key above the plot, beside a sample of the line. */
  label: string
  color: string
  dashed: boolean
}

export interface BarChartModel {
  bars: readonly Bar[]
  axis: { min: number; max: number; ticks: readonly { value: number; label: string }[]; name?: string }
  lines: readonly RefLine[]
  /** Labels of the slots' edges (one more than the bars: a histogram's bin edges), written under the axis. */
  edges?: readonly string[]
  /** Space around the plot for the axis labels and the key (px), the key's first row included. */
  grid: { left: number; right: number; top: number; bottom: number }
  /** The gap between bars, as a share of each bar's slot. */
  gap: number
}

/** Font sizes (px) of the key and of the edge labels: at least 7.5 pt where the chart prints at its size. */
export const KEY_FONT = 11
export const EDGE_FONT = 10
/** The key: a line sample, a gap, the label; entries apart by KEY_SPACING; a row KEY_ROW high. */
export const KEY_SAMPLE = 18
const KEY_GAP = 4
const KEY_SPACING = 14
export const KEY_ROW = 16

/** Width of a text, a Chinese character a full em and anything else a little over half. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? fontSize : fontSize * 0.62), 0)
}

/**
 * The value axis over `values` and the reference lines: nice ticks, from zero unless all
 * values sit in the upper half of the range, where bars from zero would all look alike (a
 * completion rate of 95–100 %). A range that crosses zero keeps zero.
 */
export function valueAxis(
  values: readonly number[],
  format: (v: number) => string,
  options: { integer?: boolean; count?: number } = {},
): BarChartModel['axis'] {
  const count = options.count ?? 5
  let lo = Math.min(0, ...values)
  let hi = Math.max(0, ...values)
  if (values.length && lo === 0 && Math.min(...values) > hi / 2) lo = Math.min(...values)
  if (lo === hi) hi = lo + 1
  ;[lo, hi] = nice(lo, hi, count)
  const at = ticks(lo, hi, count).filter((v) => !options.integer || Number.isInteger(v))
  return { min: lo, max: hi, ticks: at.map((v) => ({ value: v, label: format(v) })) }
}

export interface KeyEntry {
  line: RefLine
  /** Where the line sample starts and the label's text starts; `y` is the row's middle. */
  x: number
  textX: number
  y: number
}

/** The key's entries, right-aligned above the plot, in as many rows as `width` needs; none over the axis name. */
export function keyLayout(model: BarChartModel, width: number): { entries: KeyEntry[]; rows: number } {
  const right = width - model.grid.right
  // The axis name is centred over the value axis, at the plot's left edge.
  const left = model.axis.name ? model.grid.left + textWidth(model.axis.name, EDGE_FONT) / 2 + KEY_SPACING : 0
  const sized = model.lines.map((line) => ({ line, w: KEY_SAMPLE + KEY_GAP + textWidth(line.label, KEY_FONT) }))
  const rows: (typeof sized)[] = []
  for (const e of sized) {
    const row = rows.at(-1)
    const used = row ? row.reduce((w, r) => w + r.w + KEY_SPACING, 0) : Infinity
    if (row && right - used - e.w >= left) row.push(e)
    else rows.push([e])
  }
  const entries = rows.flatMap((row, r) => {
    let x = right - row.reduce((w, e, i) => w + e.w + (i ? KEY_SPACING : 0), 0)
    return row.map((e) => {
      const entry = { line: e.line, x, textX: x + KEY_SAMPLE + KEY_GAP, y: 4 + KEY_ROW * r + KEY_ROW / 2 }
      x += e.w + KEY_SPACING
      return entry
    })
  })
  return { entries, rows: rows.length }
}

export interface BarGeometry {
  bars: { x: number; y: number; width: number; height: number; slot: { x: number; width: number } }[]
  /** The y of each axis tick. */
  ticks: { y: number; label: string }[]
  lines: { x1: number; y1: number; x2: number; y2: number; line: RefLine }[]
  key: KeyEntry[]
  plot: { x: number; y: number; width: number; height: number }
  /** Where bars start: zero, or the axis minimum when zero is below it. */
  baseline: number
  /** The edge labels written, each at its x: every one while there is room, else every second, fifth … */
  edges: { x: number; label: string }[]
}

/** Every how many edges a label is written, so that labels `gap` px apart do not touch. */
export function edgeEvery(labels: readonly string[], gap: number): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, EDGE_FONT)))
  return [1, 2, 5, 10, 20, 50].find((k) => k * gap >= widest + 6) ?? labels.length
}

/** Where everything goes in a chart `width` × `height` px. */
export function barLayout(model: BarChartModel, width: number, height: number): BarGeometry {
  const key = keyLayout(model, width)
  const top = model.grid.top + Math.max(0, key.rows - 1) * KEY_ROW
  const plot = {
    x: model.grid.left,
    y: top,
    width: Math.max(0, width - model.grid.left - model.grid.right),
    height: Math.max(0, height - top - model.grid.bottom),
  }
  const { min, max } = model.axis
  const yOf = (v: number) => plot.y + plot.height * (1 - (v - min) / (max - min))
  const slot = model.bars.length ? plot.width / model.bars.length : 0
  const baseline = yOf(Math.min(Math.max(0, min), max))
  const bars = model.bars.map((b, i) => {
    const y = yOf(b.value)
    const x = plot.x + i * slot
    return {
      x: x + (slot * model.gap) / 2,
      y: Math.min(y, baseline),
      width: slot * (1 - model.gap),
      height: Math.abs(baseline - y),
      slot: { x, width: slot },
    }
  })
  const lines = model.lines.map((line) => {
    if ('value' in line.at) {
      const y = yOf(line.at.value)
      return { x1: plot.x, y1: y, x2: plot.x + plot.width, y2: y, line }
    }
    const x = plot.x + line.at.slot * slot
    return { x1: x, y1: plot.y, x2: x, y2: plot.y + plot.height, line }
  })
  const labels = model.edges ?? []
  const every = edgeEvery(labels, slot)
  const edges = labels.map((label, i) => ({ x: plot.x + i * slot, label })).filter((_, i) => i % every === 0)
  return {
    bars,
    ticks: model.axis.ticks.map((t) => ({ y: yOf(t.value), label: t.label })),
    lines,
    key: key.entries,
    plot,
    baseline,
    edges,
  }
}

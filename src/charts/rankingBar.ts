// All counties as sorted bars, coloured by status, with the policy line and the province
// figure as reference lines (named in the key above the plot).
import type { Indicator } from '../indicators/catalog.ts'
import { formatThreshold, formatValue } from '../indicators/format.ts'
import type { RankingRow } from '../queries/ranking.ts'
import { valueAxis, type BarChartModel, type RefLine } from './barChart.ts'
import { classOf, type MapClass } from './mapClasses.ts'
import { HIGHLIGHT_COLOR } from './palette.ts'

export interface RankingBarInput {
  rows: readonly RankingRow[]
  indicator: Indicator
  classes: readonly MapClass[]
  threshold: number | null
  provinceFigure: number | null
  highlight?: string | null
}

export function rankingBars(input: RankingBarInput): BarChartModel {
  const ind = input.indicator
  const rows = input.rows.filter((r): r is RankingRow & { value: number } => r.value !== null)
  const lines: RefLine[] = []
  if (input.threshold !== null)
    lines.push({
      at: { value: input.threshold },
      label: `标准 ${formatThreshold(ind, input.threshold)}`,
      color: '#b3261e',
      dashed: true,
    })
  if (input.provinceFigure !== null)
    lines.push({
      at: { value: input.provinceFigure },
      label: `全省 ${formatValue(input.provinceFigure, ind)}`,
      color: '#333333',
      dashed: false,
    })
  const whole = { ...ind, digits: 0 }
  return {
    bars: rows.map((r) => ({
      value: r.value,
      color: r.code === input.highlight ? HIGHLIGHT_COLOR : classOf(r, input.classes).color,
      outline: r.code === input.highlight ? '#000000' : undefined,
      tip: { head: `${r.name}（${r.prefecture}）`, label: `第${r.rank ?? '—'}名`, value: formatValue(r.value, ind) },
    })),
    axis: valueAxis([...rows.map((r) => r.value), ...lines.map((l) => ('value' in l.at ? l.at.value : 0))], (v) =>
      formatValue(v, whole),
    ),
    lines,
    grid: { left: 56, right: 16, top: 24, bottom: 28 },
    gap: 0.15,
  }
}

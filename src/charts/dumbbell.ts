// Counties between two years as a dumbbell chart: a hollow dot then, a filled dot now, joined,
// on one value axis; the dot now in the passing colour where the county improved and the
// failing one where it declined. The province page draws it as SVG (DumbbellChart.vue).
import { nice, ticks } from 'd3-array'
import type { Indicator } from '../indicators/catalog.ts'
import { formatValue } from '../indicators/format.ts'
import type { RankingRow } from '../queries/ranking.ts'
import { FAIL_COLORS, PASS_COLORS } from './palette.ts'
import { textWidth } from './barChart.ts'

export const STEADY_DOT = '#737373'

export interface Dumbbell {
  code: string
  name: string
  /** Positions (px) of the value then and now; null where that year has none. */
  then: number | null
  now: number | null
  color: string
  /** Said on hover and to screen readers: the name, both values and the change. */
  text: string
}

export interface DumbbellModel {
  rows: readonly Dumbbell[]
  ticks: readonly { x: number; label: string }[]
  /** Left edge of the plot (after the names), its right edge, and one row's height. */
  left: number
  right: number
  rowHeight: number
  height: number
}

const FONT = 12
const ROW = 22
const AXIS = 20

/** The first `n` rows as dumbbells across `width` px, between the year compared with and the year shown. */
export function dumbbellModel(
  rows: readonly RankingRow[],
  ind: Indicator,
  years: { then: number; now: number },
  width: number,
): DumbbellModel {
  const values = rows.flatMap((r) => [r.prev_value, r.value]).filter((v): v is number => v !== null)
  const [lo, hi] = nice(Math.min(0, ...values), Math.max(0, ...values, 1e-9), 5)
  const left = Math.max(...rows.map((r) => textWidth(r.name, FONT)), 2 * FONT) + 8
  const right = Math.max(left + 40, width - 28)
  const x = (v: number | null) => (v === null ? null : left + ((v - lo) / (hi - lo || 1)) * (right - left))
  const format = (v: number | null, y: number) => formatValue(v, ind, y)
  return {
    rows: rows.map((r) => {
      const moved = r.value !== null && r.prev_value !== null ? r.value - r.prev_value : 0
      const better = ind.good === 'up' ? moved > 0 : moved < 0
      return {
        code: r.code,
        name: r.name,
        then: x(r.prev_value),
        now: x(r.value),
        color: moved === 0 ? STEADY_DOT : better ? PASS_COLORS[1] : FAIL_COLORS[0],
        text: `${r.name}：${years.then}年 ${format(r.prev_value, years.then)} → ${years.now}年 ${format(r.value, years.now)}`,
      }
    }),
    ticks: ticks(lo, hi, 5).map((v) => ({ x: x(v)!, label: formatValue(v, ind) })),
    left,
    right,
    rowHeight: ROW,
    height: rows.length * ROW + AXIS,
  }
}

// The map coloured by change since the year compared with: a diverging scale centred on 0,
// improvement in the cool family and decline in the warm one (as 达标 and 未达标), whichever
// way the indicator counts as better.
import type { Indicator } from '../indicators/catalog.ts'
import { formatNumber } from '../indicators/format.ts'
import type { RankingRow } from '../queries/ranking.ts'
import type { MapClass } from './mapClasses.ts'
import { FAIL_COLORS, NO_DATA_COLOR, PASS_COLORS } from './palette.ts'

/** No change, or too little to show: the middle of the scale. */
export const STEADY_COLOR = '#f7f7f7'

/** The change a county is coloured by: 个百分点 for rates, % for amounts and ratios (null where that has no base). */
export function changeOf(row: Pick<RankingRow, 'change' | 'change_pct'>, ind: Indicator): number | null {
  return ind.unit === '%' || ind.unit === '' ? row.change : row.change_pct
}

/** The change's unit, as the legend writes it. */
const unitOf = (ind: Indicator) => (ind.unit === '%' ? '个百分点' : ind.unit === '' ? '' : '%')

/** A round step a little above a third of the largest move, so three steps cover it. */
function step(largest: number): number {
  const raw = largest / 3
  const power = 10 ** Math.floor(Math.log10(raw))
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power
}

/**
 * Five classes: much and somewhat better, about the same (within a tenth of a step), somewhat
 * and much worse, bounded by a round step; then 无数据. "Better" is a rise where higher is
 * better and a fall where lower is.
 */
export function changeClasses(changes: readonly (number | null)[], ind: Indicator): MapClass[] {
  const known = changes.filter((c): c is number => c !== null && Number.isFinite(c))
  const missing: MapClass = { label: '无数据', color: NO_DATA_COLOR, side: 'missing' }
  const largest = Math.max(0, ...known.map(Math.abs))
  if (largest === 0)
    return [{ label: '无变化', color: STEADY_COLOR, min: 0, max: 0, side: 'none', byValue: true }, missing]
  const s = step(largest)
  const unit = unitOf(ind)
  const up = ind.good === 'up'
  const text = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(Math.abs(v), s < 1 ? 2 : 1)}${unit}`
  const calm = s / 10
  const far = Math.max(2 * s, largest)
  /** Better or worse by how far: the family of its direction, deeper further from 0. */
  const colourOf = (better: boolean, deep: boolean) => (better ? PASS_COLORS[deep ? 1 : 0] : FAIL_COLORS[deep ? 0 : 1])
  const band = (min: number, max: number): MapClass => {
    const better = min > 0 === up
    const label =
      min < 0 && max > 0
        ? `基本持平（±${text(calm).slice(1)}以内）`
        : `${better ? '改善' : '退步'} ${text(min)}～${text(max)}`
    const color = min < 0 && max > 0 ? STEADY_COLOR : colourOf(better, Math.abs(min) >= s && Math.abs(max) >= s)
    return { label, color, min, max, side: 'none', byValue: true }
  }
  const classes = [band(-far, -s), band(-s, -calm), band(-calm, calm), band(calm, s), band(s, far)]
  return [...classes, missing]
}

/** What the legend says of the scale: compared with which year, and which way is better. */
export function changeNote(ind: Indicator, year: number, compared: number): string {
  return `按${compared}年至${year}年的变化着色；${ind.good === 'up' ? '上升' : '下降'}为改善（紫色），${ind.good === 'up' ? '下降' : '上升'}为退步（橙色）。`
}

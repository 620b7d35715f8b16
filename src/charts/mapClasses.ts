// Legend classes for a choropleth: split at the policy line when one is in force, so the
// two sides are different colour families; otherwise quantile classes, darker = better.
import type { Indicator } from '../indicators/catalog.ts'
import { formatValue } from '../indicators/format.ts'
import type { ThresholdStatus } from '../queries/ranking.ts'
import { FAIL_COLORS, NO_DATA_COLOR, PASS_COLORS, SEQUENTIAL } from './palette.ts'

export interface MapClass {
  label: string
  color: string
  /** Inclusive bounds in the indicator's unit; open-ended when absent. */
  min?: number
  max?: number
  side: 'pass' | 'fail' | 'none' | 'missing'
}

export interface ClassifiedValue {
  value: number | null
  status: ThresholdStatus | null
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

const MISSING_CLASS: MapClass = { label: '无数据', color: NO_DATA_COLOR, side: 'missing' }

/** Two classes either side of the median of `values` (one when they barely differ). */
function split(values: readonly number[]): [number, number, number] | [number, number] {
  const sorted = [...values].sort((a, b) => a - b)
  const lo = sorted[0]!
  const hi = sorted.at(-1)!
  if (sorted.length < 4 || hi - lo < 1e-9) return [lo, hi]
  return [lo, quantile(sorted, 0.5), hi]
}

function range(ind: Indicator, min: number, max: number): string {
  return min === max ? formatValue(min, ind) : `${formatValue(min, ind)}～${formatValue(max, ind)}`
}

export function mapClasses(items: readonly ClassifiedValue[], ind: Indicator, threshold: number | null): MapClass[] {
  const known = items.filter((i): i is { value: number; status: ThresholdStatus | null } => i.value !== null && Number.isFinite(i.value))
  if (known.length === 0) return [MISSING_CLASS]
  if (threshold === null) {
    const sorted = known.map((k) => k.value).sort((a, b) => a - b)
    const cuts = [0, 0.2, 0.4, 0.6, 0.8, 1].map((q) => quantile(sorted, q))
    const colors = ind.good === 'up' ? SEQUENTIAL : [...SEQUENTIAL].reverse()
    const classes: MapClass[] = []
    for (let i = 0; i < 5; i++) {
      const min = cuts[i]!
      const max = cuts[i + 1]!
      if (i > 0 && max - cuts[i]! < 1e-9 && classes.length) continue
      classes.push({ label: range(ind, min, max), color: colors[i]!, min, max, side: 'none' })
    }
    return [...classes, MISSING_CLASS]
  }
  const passing = known.filter((k) => k.status === '达标' || k.status === '基本达标').map((k) => k.value)
  const failing = known.filter((k) => k.status === '未达标').map((k) => k.value)
  const sideClasses = (values: number[], side: 'pass' | 'fail'): MapClass[] => {
    if (values.length === 0) return []
    const b = split(values)
    const pairs: [number, number][] = b.length === 2 ? [[b[0], b[1]]] : [[b[0], b[1]], [b[1], b[2]]]
    const nearFar = side === 'pass' ? [PASS_COLORS[0], PASS_COLORS[1]] : [FAIL_COLORS[1], FAIL_COLORS[0]]
    // Shades deepen away from the line: ascending values move away from it on the passing
    // side of an indicator where higher is better, and towards it otherwise.
    const outward = (side === 'pass') === (ind.good === 'up')
    const colors = pairs.length === 1 ? [nearFar[1]] : outward ? nearFar : [nearFar[1], nearFar[0]]
    const status = side === 'pass' ? '达标' : '未达标'
    return pairs.map(([min, max], i) => ({ label: `${range(ind, min, max)}（${status}）`, color: colors[i]!, min, max, side }))
  }
  const classes = [...sideClasses(passing, 'pass'), ...sideClasses(failing, 'fail')].sort((a, b) => a.min! - b.min!)
  return [...classes, MISSING_CLASS]
}

/** The class a county falls in: the status decides the side, the value the shade. */
export function classOf(item: ClassifiedValue, classes: readonly MapClass[]): MapClass {
  const missing = classes.at(-1)!
  if (item.value === null || !Number.isFinite(item.value)) return missing
  const judged = classes.some((c) => c.side === 'pass' || c.side === 'fail')
  const side = !judged ? 'none' : item.status === '未达标' ? 'fail' : 'pass'
  const candidates = classes.filter((c) => c.side === side)
  const v = item.value
  return candidates.find((c) => v >= c.min! - 1e-9 && v <= c.max! + 1e-9) ?? candidates[0] ?? missing
}

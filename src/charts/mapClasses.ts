// Legend classes for a choropleth: split at the policy line when one is in force, so the
// two sides are different colour families; otherwise quantile classes, darker = better.
import { thresholdFor, type Indicator } from '../indicators/catalog.ts'
import { formatLine, formatLineYears, formatValue } from '../indicators/format.ts'
import type { ThresholdStatus } from '../queries/ranking.ts'
import { FAIL_COLORS, NO_DATA_COLOR, PASS_COLORS, SEQUENTIAL } from './palette.ts'

export interface MapClass {
  label: string
  color: string
  /** Inclusive bounds in the indicator's unit; open-ended when absent. */
  min?: number
  max?: number
  /** `between`: meets an earlier, looser line but not the later one (classes shared by all years). */
  side: 'pass' | 'fail' | 'between' | 'none' | 'missing'
  /** A county falls in the class by its value alone, whatever its status (classes shared by all years). */
  byValue?: boolean
}

export interface ClassifiedValue {
  value: number | null
  status: ThresholdStatus | null
}

/** Values between an old and a new line: the palest of the failing family, nearest the line. */
export const BETWEEN_COLOR = '#fee0b6'

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

/** A bound with the digits it takes to stay on its side of each line: 84.97 reads 84.97%, not 85.0%, beside a line of 85%. */
function bound(v: number, ind: Indicator, lines: readonly number[]): string {
  const shown = (digits: number) => Math.round(v * 10 ** digits) / 10 ** digits
  let digits = ind.digits
  while (digits < ind.digits + 3 && lines.some((l) => Math.sign(shown(digits) - l) !== Math.sign(v - l))) digits++
  return formatValue(v, { ...ind, digits })
}

function range(ind: Indicator, min: number, max: number, lines: readonly number[] = []): string {
  return min === max ? bound(min, ind, lines) : `${bound(min, ind, lines)}～${bound(max, ind, lines)}`
}

/** Five quantile classes, darker = better, where no line is in force. */
function quantileClasses(values: readonly number[], ind: Indicator): MapClass[] {
  const sorted = [...values].sort((a, b) => a - b)
  const cuts = [0, 0.2, 0.4, 0.6, 0.8, 1].map((q) => quantile(sorted, q))
  const colors = ind.good === 'up' ? SEQUENTIAL : [...SEQUENTIAL].reverse()
  const classes: MapClass[] = []
  for (let i = 0; i < 5; i++) {
    const min = cuts[i]!
    const max = cuts[i + 1]!
    if (i > 0 && max - cuts[i]! < 1e-9 && classes.length) continue
    classes.push({ label: range(ind, min, max), color: colors[i]!, min, max, side: 'none' })
  }
  return classes
}

/** One side of the line in two shades (one when its values barely differ), deepening away from the line. */
function sideClasses(
  values: readonly number[],
  side: 'pass' | 'fail',
  ind: Indicator,
  lines: readonly number[],
): MapClass[] {
  if (values.length === 0) return []
  const b = split(values)
  const pairs: [number, number][] =
    b.length === 2
      ? [[b[0], b[1]]]
      : [
          [b[0], b[1]],
          [b[1], b[2]],
        ]
  const nearFar = side === 'pass' ? [PASS_COLORS[0], PASS_COLORS[1]] : [FAIL_COLORS[1], FAIL_COLORS[0]]
  // Shades deepen away from the line: ascending values move away from it on the passing
  // side of an indicator where higher is better, and towards it otherwise.
  const outward = (side === 'pass') === (ind.good === 'up')
  const colors = pairs.length === 1 ? [nearFar[1]] : outward ? nearFar : [nearFar[1], nearFar[0]]
  const status = side === 'pass' ? '达标' : '未达标'
  return pairs.map(([min, max], i) => ({
    label: `${range(ind, min, max, lines)}（${status}）`,
    color: colors[i]!,
    min,
    max,
    side,
  }))
}

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v)

export function mapClasses(items: readonly ClassifiedValue[], ind: Indicator, threshold: number | null): MapClass[] {
  const known = items.filter((i): i is { value: number; status: ThresholdStatus | null } => finite(i.value))
  if (known.length === 0) return [MISSING_CLASS]
  if (threshold === null)
    return [
      ...quantileClasses(
        known.map((k) => k.value),
        ind,
      ),
      MISSING_CLASS,
    ]
  const passing = known.filter((k) => k.status === '达标' || k.status === '基本达标').map((k) => k.value)
  const failing = known.filter((k) => k.status === '未达标').map((k) => k.value)
  const classes = [
    ...sideClasses(passing, 'pass', ind, [threshold]),
    ...sideClasses(failing, 'fail', ind, [threshold]),
  ].sort((a, b) => a.min! - b.min!)
  return [...classes, MISSING_CLASS]
}

/** The line a value is judged by in `year`: the 基本达标 band's edge when there is one (基本达标 is on the passing side). */
function lineIn(ind: Indicator, year: number): number | null {
  const t = thresholdFor(ind, year)
  return t ? (t.basic?.value ?? t.value) : null
}

/**
 * One set of classes for every year of a province's indicator, from all years' county values
 * (`series`: each county's values aligned with `years`), so that on the year timeline a colour
 * means the same value range in 2015 as in 2024 and the legend does not change.
 *
 * A county falls in a class by its value alone. The classes still split at the policy line:
 * with one line, as for a single year (the years before the line came into force are coloured
 * by the same classes; their status, 无标准, is in the table). Where the line changed over the
 * years (毛入园率 85% → 90% in 2021), values beyond the looser line fail under every
 * line and those meeting the stricter line pass under every line, each in two shades as for
 * one year; the values in between are a class of their own, named by the years whose line
 * they meet, so that no colour claims 达标 or 未达标 for a year it is not true of.
 */
export function mapClassesOverYears(
  series: ReadonlyMap<string, readonly (number | null)[]>,
  years: readonly number[],
  ind: Indicator,
): MapClass[] {
  const values = [...series.values()].flatMap((vs) => vs.filter(finite))
  if (values.length === 0) return [MISSING_CLASS]
  const lines = [...new Set(years.map((y) => lineIn(ind, y)).filter((l) => l !== null))]
  const byValue = (classes: MapClass[]) => [...classes.map((c) => ({ ...c, byValue: true })), MISSING_CLASS]
  if (lines.length === 0) return byValue(quantileClasses(values, ind))
  const up = ind.good === 'up'
  const meets = (v: number, line: number) => (up ? v >= line : v <= line)
  const strict = up ? Math.max(...lines) : Math.min(...lines)
  const loose = up ? Math.min(...lines) : Math.max(...lines)
  const between = values.filter((v) => meets(v, loose) && !meets(v, strict))
  const classes = [
    ...sideClasses(
      values.filter((v) => meets(v, strict)),
      'pass',
      ind,
      lines,
    ),
    ...sideClasses(
      values.filter((v) => !meets(v, loose)),
      'fail',
      ind,
      lines,
    ),
  ]
  if (between.length) {
    const [min, max] = [Math.min(...between), Math.max(...between)]
    const looseYears = ind.thresholds.filter(
      (t) => (t.basic?.value ?? t.value) === loose && years.some((y) => thresholdFor(ind, y) === t),
    )
    const met = lines.length > 2 ? '部分年份' : looseYears.map(formatLineYears).join('、')
    classes.push({
      label: `${range(ind, min, max, lines)}（达${met}标准）`,
      color: BETWEEN_COLOR,
      min,
      max,
      side: 'between',
    })
  }
  return byValue(classes.sort((a, b) => a.min! - b.min!))
}

/** Years as a legend writes them: 2015年—2017年, or each of them when they are not consecutive. */
function yearList(years: readonly number[]): string {
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1)
  if (years.length > 1 && consecutive) return `${years[0]}年—${years.at(-1)}年`
  return years.map((y) => `${y}年`).join('、')
}

/** What the legend adds when the classes span years judged by different lines, or by none; null when one line holds throughout. */
export function classesNote(ind: Indicator, years: readonly number[]): string | null {
  const inForce = years.map((y) => thresholdFor(ind, y))
  if (inForce.every((t) => t === inForce[0])) return null
  const lines = [...new Set(inForce.filter((t) => t !== undefined))].map(
    (t) => `${formatLineYears(t)}${formatLine(ind, t)}`,
  )
  const without = years.filter((_, i) => inForce[i] === undefined)
  return `各年同一分级配色。标准：${lines.join('，')}${without.length ? `；${yearList(without)}无标准` : ''}。`
}

/** The value's distance from a class's bounds, 0 inside them. */
const distance = (c: MapClass, v: number) => Math.max(c.min! - v, v - c.max!, 0)

/** The class a county falls in: the status decides the side and the value the shade; classes shared by all years go by the value alone. */
export function classOf(item: ClassifiedValue, classes: readonly MapClass[]): MapClass {
  const missing = classes.at(-1)!
  if (item.value === null || !Number.isFinite(item.value)) return missing
  const v = item.value
  if (classes.some((c) => c.byValue)) {
    const bounded = classes.filter((c) => c.min !== undefined)
    return (
      bounded.find((c) => distance(c, v) <= 1e-9) ??
      [...bounded].sort((a, b) => distance(a, v) - distance(b, v))[0] ??
      missing
    )
  }
  const judged = classes.some((c) => c.side === 'pass' || c.side === 'fail')
  const side = !judged ? 'none' : item.status === '未达标' ? 'fail' : 'pass'
  const candidates = classes.filter((c) => c.side === side)
  return candidates.find((c) => v >= c.min! - 1e-9 && v <= c.max! + 1e-9) ?? candidates[0] ?? missing
}

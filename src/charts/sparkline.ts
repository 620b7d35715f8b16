import type { Indicator } from '../indicators/catalog.ts'
import { formatValue } from '../indicators/format.ts'

export interface SparklineGeometry {
  width: number
  height: number
  /** SVG path data; missing years break the line rather than dropping to zero. */
  path: string
  /** The last year's point, when it has a value. */
  last: { x: number; y: number } | null
}

export function sparklineGeometry(
  values: readonly (number | null)[],
  width = 120,
  height = 28,
): SparklineGeometry | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v))
  if (known.length === 0) return null
  const min = Math.min(...known)
  const span = Math.max(...known) - min || 1
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0
  const point = (v: number, i: number) => ({
    x: Number((2 + i * step).toFixed(1)),
    y: Number((height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)),
  })
  let path = ''
  let drawing = false
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      drawing = false
      return
    }
    const p = point(v, i)
    path += `${drawing ? 'L' : 'M'}${p.x},${p.y}`
    drawing = true
  })
  const lastValue = values.at(-1)
  const last =
    lastValue !== null && lastValue !== undefined && Number.isFinite(lastValue)
      ? point(lastValue, values.length - 1)
      : null
  return { width, height, path, last }
}

/**
 * The first and the last year with a value, and the values as the ranking writes them
 * (“2015年 62.1% → 2024年 65.2%”); one year alone when only one has a value. `values` are
 * aligned with `years`; null when nothing is known or the years do not match the values.
 */
export function sparklineLabel(
  values: readonly (number | null)[],
  years: readonly number[],
  indicator: Indicator,
): string | null {
  if (years.length !== values.length) return null
  const known = values.flatMap((v, i) => (v !== null && Number.isFinite(v) ? [{ v, year: years[i]! }] : []))
  const first = known[0]
  const last = known.at(-1)
  if (!first || !last) return null
  const point = (p: { v: number; year: number }) => `${p.year}年 ${formatValue(p.v, indicator, p.year)}`
  return first === last ? point(first) : `${point(first)} → ${point(last)}`
}

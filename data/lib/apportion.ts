// Whole numbers that add up exactly: a county total split over its schools in proportion
// to weights, each share kept within its bounds (largest remainders after a common scale).

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0)

/**
 * Splits the integer `total` into integers x_i with lo_i ≤ x_i ≤ hi_i and Σx = total,
 * as close to proportional to `weights` as the bounds allow. Throws when the bounds
 * cannot hold the total.
 */
export function apportion(
  total: number,
  weights: readonly number[],
  lo: readonly number[],
  hi: readonly number[],
): number[] {
  const n = weights.length
  const loSum = sum(lo)
  const hiSum = sum(hi)
  if (total < loSum || total > hiSum) throw new Error(`cannot split ${total} within bounds ${loSum}–${hiSum}`)
  const at = (xs: readonly number[], i: number): number => xs[i] as number
  const clamped = (scale: number, i: number) => Math.min(at(hi, i), Math.max(at(lo, i), scale * at(weights, i)))
  const filled = (scale: number) => {
    let s = 0
    for (let i = 0; i < n; i++) s += clamped(scale, i)
    return s
  }
  if (total === loSum) return [...lo]
  // The largest scale whose clamped shares do not exceed the total.
  let a = 0
  let b = Math.max(1e-9, total / Math.max(sum(weights), 1e-12))
  while (filled(b) < total && b < 1e15) b *= 2
  for (let it = 0; it < 40; it++) {
    const m = (a + b) / 2
    if (filled(m) <= total) a = m
    else b = m
  }
  const exact = Array.from({ length: n }, (_, i) => clamped(a, i))
  const out = exact.map(Math.floor)
  let left = total - sum(out)
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x), w: at(weights, i) }))
    .sort((p, q) => q.frac - p.frac || q.w - p.w || p.i - q.i)
  while (left > 0) {
    const before = left
    for (const { i } of order) {
      if (left === 0) break
      if (at(out, i) < at(hi, i)) {
        out[i] = at(out, i) + 1
        left--
      }
    }
    if (left === before) throw new Error(`cannot place ${left} of ${total}`)
  }
  return out
}

/**
 * As `apportion`, but a share that stays within `slack` (a fraction, at least 1) of its
 * proportional value keeps last year's number (`before`; undefined for a school new to the
 * split), and only the rest of the total moves, to the shares furthest from theirs: a
 * school's teachers or 随迁子女 do not all change each time the county total does, as new
 * posts go to some schools, not a fraction of one to each.
 */
export function apportionSticky(
  total: number,
  weights: readonly number[],
  lo: readonly number[],
  hi: readonly number[],
  before: readonly (number | undefined)[],
  slack: number,
): number[] {
  const at = (xs: readonly number[], i: number): number => xs[i] as number
  const target = apportion(total, weights, lo, hi)
  const x: number[] = target.map((v, i) => {
    const b = before[i]
    return b !== undefined && b >= at(lo, i) && b <= at(hi, i) && Math.abs(b - v) <= Math.max(1, slack * v) ? b : v
  })
  // What is left goes to the shares furthest behind, each up to its own gap, then one by one.
  let left = Math.abs(total - sum(x))
  const sign = total > sum(x) ? 1 : -1
  const gap = (i: number) => sign * (at(target, i) - at(x, i))
  const room = (i: number) => (sign > 0 ? at(hi, i) - at(x, i) : at(x, i) - at(lo, i))
  const order = x.map((_, i) => i).sort((a, b) => gap(b) - gap(a) || a - b)
  for (const i of order) {
    if (left === 0) break
    const step = Math.min(left, room(i), Math.max(1, gap(i)))
    x[i] = at(x, i) + sign * step
    left -= step
  }
  while (left > 0) {
    const unplaced = left
    for (const i of order) {
      if (left > 0 && room(i) > 0) {
        x[i] = at(x, i) + sign
        left--
      }
    }
    if (left === unplaced) throw new Error(`cannot place ${left} of ${total}`)
  }
  return x
}

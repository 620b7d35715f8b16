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

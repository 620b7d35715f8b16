// A part of a whole in every county-year (本科 of 专任教师, 公办 of 随迁子女, 入学 of 残疾儿童):
// a logistic share from a fixed county effect plus AR(1) year noise, shifted per year so
// that the national share of sums meets the target. The part is rounded and never
// exceeds its whole.
import { solveWeightedShare } from '../calibrate.ts'
import type { CountyProfile } from '../profile.ts'
import type { Rng } from '../random.ts'
import { kernels, T, type SimContext } from './context.ts'

const { at, get, j, sigmoid } = kernels

export function partOf(
  ctx: SimContext,
  whole: Float64Array,
  effect: readonly number[],
  noise: readonly (readonly number[])[],
  target: (t: number) => number,
): Float64Array {
  const part = ctx.grid()
  for (let t = 0; t < T; t++) {
    const share = (s: number, i: number): number => sigmoid(s + at(effect, i) + at(at(noise, i), t))
    const s = solveWeightedShare(share, (i) => get(whole, j(i, t)), ctx.N, target(t))
    for (let i = 0; i < ctx.N; i++)
      part[j(i, t)] = Math.min(get(whole, j(i, t)), Math.round(share(s, i) * get(whole, j(i, t))))
  }
  return part
}

export interface WholeAndPart {
  stream: string
  whole: string
  part: string
  /**
   * Draws a county's whole and returns it by year index. Called first on the county's
   * generator, before the share's effect and noise.
   */
  drawWhole: (g: Rng, p: CountyProfile, i: number) => (t: number) => number
  /** The county's fixed effect on the logit of its share. */
  effect: (g: Rng, p: CountyProfile) => number
  noise: { sd: number; rho: number }
  /** National share of the whole, in %, by year index. */
  target: readonly number[]
}

/** Simulates a whole with no national figure of its own, then its part (see partOf). */
export function simulateWholeAndPart(ctx: SimContext, spec: WholeAndPart): void {
  const whole = ctx.grid()
  const effect: number[] = []
  const noise: number[][] = []
  ctx.eachCounty(spec.stream, (g, p, i) => {
    const w = spec.drawWhole(g, p, i)
    for (let t = 0; t < T; t++) whole[j(i, t)] = w(t)
    effect.push(spec.effect(g, p))
    noise.push(g.ar1(T, spec.noise.sd, spec.noise.rho))
  })
  const part = partOf(ctx, whole, effect, noise, (t) => at(spec.target, t) / 100)
  ctx.setRounded(spec.whole, whole)
  ctx.setRounded(spec.part, part)
}

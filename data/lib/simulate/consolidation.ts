// 九年义务教育巩固率: graduates of the cohort that entered grade 1 nine years before.
import { solveWeightedShare } from '../calibrate.ts'
import { YEARS } from '../targets.ts'
import { kernels, laggard, T, type SimContext } from './context.ts'
import type { Population } from './population.ts'

const { at, clamp, get, j } = kernels

export function simulateConsolidation(ctx: SimContext, { counts }: Population): void {
  const { N } = ctx
  const cohort = ctx.grid()
  const grads = ctx.grid()
  const delta: number[] = []
  const noise: number[][] = []
  ctx.eachCounty('consolidation', (g, p, i) => {
    const entry = 1 + 0.02 * g.normal()
    for (let t = 0; t < T; t++) {
      const y = at(YEARS, t)
      // Pupils who entered grade 1 nine years before graduating, born in y − 15.
      const born = (counts[i] as Map<number, number>).get(y - 15) ?? 0
      cohort[j(i, t)] = Math.max(10, Math.round(born * Math.pow(1 + p.drift, y - 9 - 2020) * entry))
    }
    // In-migration districts gain pupils after grade 1 (rates above 100%); out-migration
    // and remote counties lose them; a few counties have a long tail of drop-outs.
    delta.push(
      0.03 * (p.coastalUrban ? 1 : 0) +
        0.003 * (p.district ? 1 : 0) -
        0.02 * p.remote +
        0.005 * g.normal() +
        laggard(g, 0.1, 0.02, 0.08),
    )
    noise.push(g.ar1(T, 0.004, 0.7))
  })
  for (let t = 0; t < T; t++) {
    const rate = (s: number, i: number): number => clamp(s + at(delta, i) + at(at(noise, i), t), 0.78, 1.05)
    const s = solveWeightedShare(rate, (i) => get(cohort, j(i, t)), N, ctx.steer('consol_rate', t) / 100, -1, 2)
    for (let i = 0; i < N; i++) grads[j(i, t)] = Math.round(rate(s, i) * get(cohort, j(i, t)))
  }
  ctx.setRounded('consol_cohort', cohort)
  ctx.setRounded('consol_grads', grads)
}

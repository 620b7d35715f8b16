// Spending on each stage (万元 per county-year), scaled per year so that the national 生均
// figures hold; per pupil it is high in 北京, 上海 and remote counties, low in crowded
// central provinces.
import type { Rng } from '../random.ts'
import { OWN_SHAPE, type TargetKey } from '../targets.ts'
import type { Stages } from './compulsory.ts'
import { kernels, T, type SimContext } from './context.ts'
import type { IsGap } from './gaps.ts'
import type { HighSchool } from './highSchool.ts'

const { at, clamp, get, j } = kernels

export interface Spending {
  /** The 'spending' stream's generators: the budget share draws from them after the stages. */
  rngs: Rng[]
  /** 压减 factor per county and year index (1 in a normal year). */
  cut: number[][]
  /** Spending of each stage as incurred, deliberate gaps included. */
  stageSpend: Float64Array[]
}

export function simulateStageSpending(
  ctx: SimContext,
  isGap: IsGap,
  enrol: { kg: Float64Array } & Stages & HighSchool,
): Spending {
  const { N, prof } = ctx
  const r = ctx.rngs('spending')
  // Remote and very small counties pay more per pupil (no economies of scale, allowances).
  const rel = r.map((g, i) => {
    const p = prof(i)
    return (
      p.traits.spend *
      Math.exp(
        0.15 * (p.banner ? 1 : 0) +
          0.25 * p.remote -
          0.08 * clamp(p.size, -2.5, 2) +
          0.05 * (p.district ? 1 : 0) +
          0.1 * g.normal(),
      )
    )
  })
  const steered =
    (key: TargetKey) =>
    (t: number): number =>
      ctx.steer(key, t)
  const stages: readonly { id: string; enrol: Float64Array; target: (t: number) => number }[] = [
    { id: 'spend_kg', enrol: enrol.kg, target: steered('ps_kg') },
    { id: 'spend_pri', enrol: enrol.pri, target: steered('ps_pri') },
    { id: 'spend_jun', enrol: enrol.jun, target: steered('ps_jun') },
    { id: 'spend_sh', enrol: enrol.sh, target: steered('ps_sh') },
    { id: 'spend_vs', enrol: enrol.vs, target: (t) => at(OWN_SHAPE.ps_vs, t) },
  ]
  // A county-year of 压减: every line of the education budget is cut that year.
  const cut = r.map((g) =>
    Array.from({ length: T }, (_, t) => (t > 0 && g.chance(0.035) ? 1 - g.uniform(0.02, 0.1) : 1)),
  )
  // Public kindergartens are what the budget pays for: counties with more of them spend
  // more per child (their ten-year mean share, so yearly noise does not leak in).
  const publicShare = ctx.col('kg_public_enrol')
  const kgTiltOf = ctx.counties.map((_, i) => {
    let s = 0
    for (let t = 0; t < T; t++) s += get(publicShare, j(i, t)) / get(enrol.kg, j(i, t))
    return Math.sqrt(Math.max(0.05, s / T) / 0.5)
  })
  // A county's stages move together (one budget decides them all), plus a smaller
  // stage-specific wobble; only the county's own year-to-year path is noisy, its level
  // relative to the province is fixed.
  const common = r.map((g) => g.ar1(T, 0.015, 0.92))
  const stageSpend = stages.map((st) => {
    const rs = ctx.rngs(`spending-${st.id}`)
    const stageRel = rs.map((g) => Math.exp(0.08 * g.normal()))
    const noise = rs.map((g) => g.ar1(T, 0.005, 0.85))
    const out = ctx.grid()
    for (let t = 0; t < T; t++) {
      const raw = (i: number): number => {
        const kgTilt = st.id === 'spend_kg' ? at(kgTiltOf, i) : 1
        return (
          at(rel, i) *
          at(stageRel, i) *
          kgTilt *
          Math.exp(at(at(common, i), t) + at(at(noise, i), t)) *
          at(at(cut, i), t)
        )
      }
      let num = 0
      let den = 0
      for (let i = 0; i < N; i++) {
        const e = get(st.enrol, j(i, t))
        den += e
        if (!isGap(i, t, st.id)) num += raw(i) * e
      }
      const k = (st.target(t) * den) / num
      for (let i = 0; i < N; i++) out[j(i, t)] = Math.round((10 * k * raw(i) * get(st.enrol, j(i, t))) / 1e4) / 10
    }
    // Spending as incurred; the deliberate gaps only hide it from the published file.
    const published = ctx.col(st.id)
    for (let i = 0; i < N; i++)
      for (let t = 0; t < T; t++) published[j(i, t)] = isGap(i, t, st.id) ? NaN : get(out, j(i, t))
    return out
  })
  return { rngs: r, cut, stageSpend }
}

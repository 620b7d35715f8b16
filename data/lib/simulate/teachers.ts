// Teachers of a stage: 专任教师 from a students-per-teacher ratio, 教职工 around them, and
// the 本科及以上 among them.
import type { CountyProfile } from '../profile.ts'
import type { TargetKey } from '../targets.ts'
import { kernels, T, type SimContext } from './context.ts'
import { partOf } from './shares.ts'

const { at, clamp, get, j } = kernels

/** Students per teacher: calibrated on the log scale, so the spread is multiplicative. */
export function teachersFor(
  ctx: SimContext,
  stream: string,
  enrol: Float64Array,
  key: TargetKey,
  effect: (p: CountyProfile) => number,
  sd: number,
): Float64Array {
  const { N, prof } = ctx
  const r = ctx.rngs(stream)
  const delta = r.map((g, i) => effect(prof(i)) + sd * g.normal())
  const noise = r.map((g) => g.ar1(T, 0.03, 0.8))
  const out = ctx.grid()
  for (let t = 0; t < T; t++) {
    const target = ctx.steer(key, t)
    let e = 0
    let w = 0
    for (let i = 0; i < N; i++) {
      const en = get(enrol, j(i, t))
      e += en
      w += en / Math.exp(at(delta, i) + at(at(noise, i), t))
    }
    // Σ enrol / Σ (enrol / (ρ·e^δ)) = target  ⇒  ρ = target · w / e
    const rho = (target * w) / e
    for (let i = 0; i < N; i++) {
      const en = get(enrol, j(i, t))
      out[j(i, t)] = Math.max(1, Math.round(en / (rho * Math.exp(at(delta, i) + at(at(noise, i), t)))))
    }
  }
  return out
}

/** 教职工: a county-specific multiple of its teachers, never fewer than they are. */
export function staffFor(ctx: SimContext, stream: string, teachers: Float64Array, base: number, out: string): void {
  const staff = ctx.grid()
  ctx.eachCounty(stream, (g, p, i) => {
    const f = Math.max(1.02, base + 0.03 * p.urban - 0.03 * (p.crowded ? 1 : 0) + 0.035 * g.normal())
    const n = g.ar1(T, 0.01, 0.8)
    for (let t = 0; t < T; t++)
      staff[j(i, t)] = Math.max(
        get(teachers, j(i, t)),
        Math.round(get(teachers, j(i, t)) * Math.max(1.01, f + at(n, t))),
      )
  })
  ctx.setRounded(out, staff)
}

/** 本科及以上: more in developed and urban counties, fewer in remote ones. */
export function bachelorFor(
  ctx: SimContext,
  stream: string,
  teachers: Float64Array,
  key: TargetKey,
  out: string,
): void {
  const { prof } = ctx
  const r = ctx.rngs(stream)
  const beta = r.map(
    (g, i) => 0.35 * clamp(prof(i).dev, -2, 2) + 0.5 * prof(i).urban - 0.4 * prof(i).remote + 0.3 * g.normal(),
  )
  const noise = r.map((g) => g.ar1(T, 0.08, 0.85))
  ctx.setRounded(
    out,
    partOf(ctx, teachers, beta, noise, (t) => ctx.steer(key, t) / 100),
  )
}

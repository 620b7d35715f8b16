// 学前: enrolment against the ministry's 3–5 base, the 公办 and 普惠 shares, the number of
// kindergartens and their teachers.
import { solveShift, solveWeightedShare } from '../calibrate.ts'
import type { CountyProfile } from '../profile.ts'
import { kernels, laggard, T, type SimContext } from './context.ts'
import type { Population } from './population.ts'
import { teachersFor } from './teachers.ts'

const { at, clamp, get, j, sigmoid } = kernels

/**
 * The national 毛入园率 uses the ministry's own 3–5 population base, a little above the
 * census-derived one: scale the county denominators per year so that the published
 * count and the published rate hold together. Returns 在园幼儿.
 */
export function simulateKgEnrolment(ctx: SimContext, { pop35raw }: Population): Float64Array {
  const { N, steer, prof } = ctx
  const kgEnrol = ctx.grid()
  const pop35 = ctx.grid()
  const r = ctx.rngs('kg-rate')
  // A structural part that fades as preschool becomes universal (remote counties catch
  // up), and a lasting tail of counties well below the rest.
  const alpha = r.map((g, i) => -0.12 * prof(i).remote - 0.01 * (1 - prof(i).urban) + 0.012 * g.normal())
  const tail = r.map((g) => laggard(g, 0.1, 0.04, 0.18))
  const noise = r.map((g) => g.ar1(T, 0.01, 0.7))
  for (let t = 0; t < T; t++) {
    const target = steer('kg_enrol', t) * 1e4
    const rate = steer('kg_rate', t) / 100
    let raw = 0
    for (let i = 0; i < N; i++) raw += get(pop35raw, j(i, t))
    const f = target / rate / raw
    for (let i = 0; i < N; i++) pop35[j(i, t)] = Math.round(get(pop35raw, j(i, t)) * f)
    const conv = 1 - (0.6 * t) / (T - 1)
    const latent = (i: number): number => at(alpha, i) * conv + at(tail, i) + at(at(noise, i), t)
    const enrolAt = (s: number, i: number): number => Math.min(1.25, Math.exp(s + latent(i))) * get(pop35, j(i, t))
    const s = solveShift(
      (x) => {
        let e = 0
        for (let i = 0; i < N; i++) e += enrolAt(x, i)
        return e
      },
      target,
      -3,
      3,
    )
    for (let i = 0; i < N; i++) kgEnrol[j(i, t)] = Math.max(20, Math.round(enrolAt(s, i)))
  }
  ctx.setRounded('pop_3_5', pop35)
  ctx.setRounded('kg_enrol', kgEnrol)
  return kgEnrol
}

/** 公办 share: low in coastal cities full of private kindergartens, high in the rural west. */
export function simulateKgPublic(ctx: SimContext, kgEnrol: Float64Array): void {
  const { N, steer, prof } = ctx
  const r = ctx.rngs('kg-public')
  const beta = r.map((g, i) => {
    const p = prof(i)
    return (
      0.9 * p.remote +
      0.9 * (1 - p.urban) -
      0.4 * (p.district ? 1 : 0) -
      1.1 * (p.prov === '44' ? 1 : 0) -
      0.55 * (p.prov === '33' || p.prov === '35' ? 1 : 0) -
      0.35 * (p.coastalUrban ? 1 : 0) +
      0.3 * (p.region === 'northeast' ? 1 : 0) +
      0.45 * g.normal()
    )
  })
  const noiseP = r.map((g) => g.ar1(T, 0.12, 0.85))
  // Share of private-kindergarten children in 普惠性 private ones.
  const gamma = r.map((g, i) => -0.5 * (prof(i).coastalUrban ? 1 : 0) + 0.3 * (1 - prof(i).urban) + 0.5 * g.normal())
  const noiseQ = r.map((g) => g.ar1(T, 0.15, 0.8))
  const pub = ctx.grid()
  const inc = ctx.grid()
  for (let t = 0; t < T; t++) {
    const enrol = (i: number): number => get(kgEnrol, j(i, t))
    const pShare = (s: number, i: number): number => sigmoid(s + at(beta, i) + at(at(noiseP, i), t))
    const sp = solveWeightedShare(pShare, enrol, N, steer('kg_public_share', t) / 100)
    const qShare = (s: number, i: number): number => sigmoid(s + at(gamma, i) + at(at(noiseQ, i), t))
    // 普惠 = 公办 + 普惠性民办.
    const covered = (s: number, i: number): number => {
      const p = pShare(sp, i)
      return p + (1 - p) * qShare(s, i)
    }
    const sq = solveWeightedShare(covered, enrol, N, steer('kg_coverage', t) / 100)
    for (let i = 0; i < N; i++) {
      const e = enrol(i)
      const p = Math.round(pShare(sp, i) * e)
      pub[j(i, t)] = p
      inc[j(i, t)] = Math.min(e - p, Math.round(qShare(sq, i) * (e - p)))
    }
  }
  ctx.setRounded('kg_public_enrol', pub)
  ctx.setRounded('kg_inclusive_private_enrol', inc)
}

/** Kindergartens: village kindergartens are small, so rural counties have many. */
export function simulateKgCount(ctx: SimContext, kgEnrol: Float64Array): void {
  const { N, steer, prof } = ctx
  const r = ctx.rngs('kg-count')
  const etaPub = r.map((g, i) => 0.5 * prof(i).urban - 0.3 * prof(i).remote + 0.25 * g.normal())
  const etaPri = r.map((g, i) => 0.4 * prof(i).urban - 0.2 * prof(i).remote + 0.25 * g.normal())
  const noise = r.map((g) => g.ar1(T, 0.05, 0.9))
  const pubC = ctx.grid()
  const priC = ctx.grid()
  const pubEnrol = ctx.col('kg_public_enrol')
  // The shift is the log of children per kindergarten: the count falls as it rises, so the
  // solver, which wants a rising function, is given the count's negative.
  const count = (enrol: number, x: number, eta: number, n: number): number =>
    enrol > 0 ? Math.max(1, enrol / Math.exp(x + eta + n)) : 0
  const solveCount = (counted: (x: number, i: number) => number, target: number): number =>
    solveShift(
      (x) => {
        let s = 0
        for (let i = 0; i < N; i++) s -= counted(x, i)
        return s
      },
      -target,
      -5,
      12,
    )
  for (let t = 0; t < T; t++) {
    const pubCount = (x: number, i: number): number =>
      count(get(pubEnrol, j(i, t)), x, at(etaPub, i), at(at(noise, i), t))
    const priCount = (x: number, i: number): number =>
      count(get(kgEnrol, j(i, t)) - get(pubEnrol, j(i, t)), x, at(etaPri, i), at(at(noise, i), t))
    const xp = solveCount(pubCount, steer('kg_public_count', t) * 1e4)
    let pubTotal = 0
    for (let i = 0; i < N; i++) {
      pubC[j(i, t)] = Math.round(pubCount(xp, i))
      pubTotal += get(pubC, j(i, t))
    }
    const xq = solveCount(priCount, steer('kg_count', t) * 1e4 - pubTotal)
    for (let i = 0; i < N; i++) priC[j(i, t)] = Math.round(priCount(xq, i))
  }
  const total = ctx.grid()
  for (let k = 0; k < total.length; k++) total[k] = get(pubC, k) + get(priC, k)
  ctx.setRounded('kg_count', total)
  ctx.setRounded('kg_public_count', pubC)
}

export function simulateKgTeachers(ctx: SimContext, kgEnrol: Float64Array): void {
  const effect = (p: CountyProfile): number =>
    0.1 * p.remote + 0.1 * (1 - p.urban) + 0.06 * (p.crowded ? 1 : 0) - 0.05 * clamp(p.dev, -2, 2)
  ctx.setRounded('kg_teachers', teachersFor(ctx, 'kg-teachers', kgEnrol, 'kg_ratio', effect, 0.09))
}

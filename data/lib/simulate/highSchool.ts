// 高中阶段: enrolment against the 15–17 population split into 普通高中 and 中职, intake,
// teachers and staff, and 普通高中 classes with their 56+ share.
import { solveShift, solveWeightedShare } from '../calibrate.ts'
import { OWN_SHAPE } from '../targets.ts'
import { kernels, laggard, T, type SimContext } from './context.ts'
import { staffFor, teachersFor } from './teachers.ts'

const { at, clamp, get, j, sigmoid } = kernels

export interface HighSchool {
  sh: Float64Array
  vs: Float64Array
}

/** Remote counties send fewer on; a minority of counties lag well behind. */
export function simulateHighSchoolEnrolment(ctx: SimContext, pop1517: Float64Array): HighSchool {
  const { N, prof } = ctx
  const shEnrol = ctx.grid()
  const vsEnrol = ctx.grid()
  const r = ctx.rngs('high-school')
  const alpha = r.map((g, i) => {
    const p = prof(i)
    return -0.1 * p.remote - 0.01 * (1 - p.urban) + 0.01 * g.normal()
  })
  const tail = r.map((g) => laggard(g, 0.12, 0.05, 0.2))
  const noise = r.map((g) => g.ar1(T, 0.008, 0.8))
  const vBeta = r.map((g, i) => -0.4 * prof(i).remote + 0.1 * (prof(i).district ? 1 : 0) + 0.35 * g.normal())
  const vNoise = r.map((g) => g.ar1(T, 0.08, 0.8))
  for (let t = 0; t < T; t++) {
    const conv = 1 - (0.5 * t) / (T - 1)
    const enrol = (s: number, i: number): number =>
      Math.min(1.5, Math.exp(s + at(alpha, i) * conv + at(tail, i) + at(at(noise, i), t))) * get(pop1517, j(i, t))
    let pop = 0
    for (let i = 0; i < N; i++) pop += get(pop1517, j(i, t))
    const s = solveShift(
      (x) => {
        let e = 0
        for (let i = 0; i < N; i++) e += enrol(x, i)
        return e / pop
      },
      ctx.steer('hs_rate', t) / 100,
      -3,
      3,
    )
    const vShare = (x: number, i: number): number => sigmoid(x + at(vBeta, i) + at(at(vNoise, i), t))
    const totalAt = (i: number): number => enrol(s, i)
    const sv = solveWeightedShare(vShare, totalAt, N, at(OWN_SHAPE.vs_share, t) / 100)
    for (let i = 0; i < N; i++) {
      const tot = Math.round(totalAt(i))
      const vs = Math.max(30, Math.round(vShare(sv, i) * tot))
      vsEnrol[j(i, t)] = vs
      shEnrol[j(i, t)] = Math.max(50, tot - vs)
    }
  }
  ctx.setRounded('sh_enrol', shEnrol)
  ctx.setRounded('vs_enrol', vsEnrol)
  simulateIntake(ctx, shEnrol, vsEnrol)
  return { sh: shEnrol, vs: vsEnrol }
}

function simulateIntake(ctx: SimContext, shEnrol: Float64Array, vsEnrol: Float64Array): void {
  const shIntake = ctx.col('sh_intake')
  const vsIntake = ctx.col('vs_intake')
  ctx.eachCounty('intake', (g, _p, i) => {
    for (let t = 0; t < T; t++) {
      const k = j(i, t)
      shIntake[k] = Math.round(get(shEnrol, k) * (0.34 + 0.01 * g.normal()))
      vsIntake[k] = Math.round(get(vsEnrol, k) * (0.37 + 0.015 * g.normal()))
    }
  })
}

export function simulateHighSchoolTeachers(ctx: SimContext, shEnrol: Float64Array): void {
  const shTeachers = teachersFor(
    ctx,
    'sh-teachers',
    shEnrol,
    'sh_ratio',
    (p) =>
      -0.12 * p.remote +
      0.1 * (p.crowded ? 1 : 0) -
      0.08 * (p.region === 'northeast' ? 1 : 0) -
      0.05 * clamp(p.dev, -2, 2),
    0.1,
  )
  ctx.setRounded('sh_teachers', shTeachers)
  staffFor(ctx, 'sh-staff', shTeachers, 1.2, 'sh_staff')
}

export function simulateHighSchoolClasses(ctx: SimContext, shEnrol: Float64Array): void {
  const { N, prof } = ctx
  const r = ctx.rngs('sh-classes')
  const b = r.map((g, i) => prof(i).crowding + 0.4 * g.normal())
  const s0 = r.map((g, i) => 49 + 2 * (prof(i).crowded ? 1 : 0) - 5 * prof(i).remote + 2 * g.normal())
  const noise = r.map((g) => g.ar1(T, 0.25, 0.8))
  const cls = ctx.grid()
  const big = ctx.grid()
  for (let t = 0; t < T; t++) {
    const share = (x: number, i: number): number => sigmoid(x + at(b, i) + at(at(noise, i), t))
    const classesAt = (x: number, i: number): number =>
      Math.max(1, get(shEnrol, j(i, t)) / (at(s0, i) - 0.6 * t + 14 * share(x, i)))
    const a = solveShift(
      (x) => {
        let c = 0
        let bg = 0
        for (let i = 0; i < N; i++) {
          const n = classesAt(x, i)
          c += n
          bg += share(x, i) * n
        }
        return bg / c
      },
      at(OWN_SHAPE.sh_big56_share, t) / 100,
      -25,
      10,
    )
    for (let i = 0; i < N; i++) {
      const n = Math.max(1, Math.round(classesAt(a, i)))
      cls[j(i, t)] = n
      big[j(i, t)] = Math.min(n, Math.round(share(a, i) * n))
    }
  }
  ctx.setRounded('sh_classes', cls)
  ctx.setRounded('sh_classes_56', big)
}

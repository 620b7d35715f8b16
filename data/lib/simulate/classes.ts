// 班额 in compulsory education: classes, 56+ and 66+ classes of 小学 and 初中. 大班额 is
// concentrated in crowded counties and collapses 2017–2020; hotspot counties keep a few.
import { solveShift } from '../calibrate.ts'
import { YEARS } from '../targets.ts'
import type { Stages } from './compulsory.ts'
import { kernels, T, type SimContext } from './context.ts'

const { at, clamp, get, j, sigmoid } = kernels

type Stage = keyof Stages
const STAGES = ['pri', 'jun'] as const

/** The class model's county draws, in the order they come off the 'class-size' stream. */
function drawCounties(ctx: SimContext) {
  const { prof } = ctx
  const r = ctx.rngs('class-size')
  // Year a county stopped having 56+ classes; hotspot counties (个别热点学校) never quite do.
  const H56 = 1.55
  const H66 = 2.25
  const h = r.map((g, i) => prof(i).crowding + 0.5 * g.normal())
  const clear56 = h.map((x) =>
    x > H56 + 0.2 ? 9999 : x > H56 ? 2024 : x > H56 - 0.2 ? 2023 : 2017 + clamp(Math.floor((x + 2.2) / 0.75), 0, 5),
  )
  const clear66 = h.map((x, i) => (x > H66 ? 9999 : Math.min(at(clear56, i), x > 0.6 ? 2020 : 2019)))
  const b = r.map((g, i) => prof(i).crowding + 0.3 * g.normal())
  const n56 = r.map((g) => g.ar1(T, 0.25, 0.8))
  const n66 = r.map((g) => g.ar1(T, 0.25, 0.8))
  const s0 = r.map((g, i) => {
    const p = prof(i)
    return (
      38 +
      2.5 * (p.crowded ? 1 : 0) +
      2 * (p.city ? 1 : 0) +
      2 * p.urban -
      6 * p.remote -
      4 * (p.region === 'northeast' ? 1 : 0) -
      1.5 * (p.size < -1 ? 1 : 0) +
      2 * g.normal()
    )
  })
  return { clear56, clear66, b, n56, n66, s0 }
}

/** Shares and classes for given shifts (56+, 66+, log class size); classes bulge where 大班额 are common. */
function classModel(ctx: SimContext, enrol: Stages) {
  const { clear56, clear66, b, n56, n66, s0 } = drawCounties(ctx)
  const OFFSET = { pri: -0.3, jun: 0.35 } as const
  const stageAt = (stage: Stage, t: number, i: number, sa56: number, sa66: number, lk: number) => {
    const y = at(YEARS, t)
    const s56 = y >= at(clear56, i) ? 0 : sigmoid(sa56 + at(b, i) + OFFSET[stage] + at(at(n56, i), t))
    const s66 = y >= at(clear66, i) ? 0 : s56 * sigmoid(sa66 + 0.6 * at(b, i) + at(at(n66, i), t))
    const size = at(s0, i) * Math.exp(lk) + (stage === 'jun' ? 3 : -1) + 16 * s56 + 10 * s66
    const classes = Math.max(1, get(enrol[stage], j(i, t)) / size)
    return { s56, s66, classes }
  }
  const totals = (t: number, sa56: number, sa66: number, lk: number) => {
    let cl = 0
    let b56 = 0
    let b66 = 0
    for (let i = 0; i < ctx.N; i++) {
      for (const stage of STAGES) {
        const x = stageAt(stage, t, i, sa56, sa66, lk)
        cl += x.classes
        b56 += x.s56 * x.classes
        b66 += x.s66 * x.classes
      }
    }
    return { cl, b56, b66 }
  }
  return { stageAt, totals }
}

export function simulateClasses(ctx: SimContext, enrol: Stages): void {
  const { stageAt, totals } = classModel(ctx, enrol)
  const grids = () => ({ pri: ctx.grid(), jun: ctx.grid() })
  const c56 = grids()
  const c66 = grids()
  const cls = grids()
  const logK: number[] = new Array<number>(T).fill(0)
  const a56: number[] = new Array<number>(T).fill(-3)
  const a66: number[] = new Array<number>(T).fill(-2)

  // Years with both a share and a count fix the number of classes; solve those first and
  // carry their class-size level to the other years.
  const order = [1, 2, 3, 0, 4, 5, 6, 7, 8, 9]
  for (const t of order) {
    const y = at(YEARS, t)
    const share56 = ctx.steer('big56_share', t) / 100
    const share66 = Math.max(ctx.steer('big66_share', t), 0.003) / 100
    const count56 = ctx.targets.get('big56_count', y)
    if (t === 0) logK[0] = at(logK, 1)
    if (t >= 4) logK[t] = at(logK, 3)
    for (let it = 0; it < 6; it++) {
      a56[t] = solveShift(
        (x) => {
          const s = totals(t, x, at(a66, t), at(logK, t))
          return s.b56 / s.cl
        },
        share56,
        -25,
        10,
      )
      a66[t] = solveShift(
        (x) => {
          const s = totals(t, at(a56, t), x, at(logK, t))
          return s.b66 / s.cl
        },
        share66,
        -25,
        15,
      )
      if (count56) {
        const classesTarget = (count56.value * 1e4) / share56
        logK[t] = solveShift((x) => -totals(t, at(a56, t), at(a66, t), x).cl, -classesTarget, -1, 1)
      }
    }
    for (let i = 0; i < ctx.N; i++) {
      for (const stage of STAGES) {
        const x = stageAt(stage, t, i, at(a56, t), at(a66, t), at(logK, t))
        const classes = Math.max(1, Math.round(x.classes))
        const big = Math.min(classes, Math.round(x.s56 * classes))
        cls[stage][j(i, t)] = classes
        c56[stage][j(i, t)] = big
        c66[stage][j(i, t)] = Math.min(big, Math.round(x.s66 * classes))
      }
    }
  }
  for (const stage of STAGES) {
    ctx.setRounded(`${stage}_classes`, cls[stage])
    ctx.setRounded(`${stage}_classes_56`, c56[stage])
    ctx.setRounded(`${stage}_classes_66`, c66[stage])
  }
}

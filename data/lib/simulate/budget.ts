// 一般公共预算教育支出 and 一般公共预算支出 of each county, calibrated to the national total
// and to education's national share of all spending.
import { solveShift } from '../calibrate.ts'
import { BUDGET_LEVEL_OFFSET, YEARS } from '../targets.ts'
import { kernels, T, type SimContext } from './context.ts'
import type { IsGap } from './gaps.ts'
import type { Spending } from './spending.ts'

const { at, clamp, get, j, sigmoid } = kernels

/**
 * A county's budget grows with the national budget, bent a little towards its own stage
 * spending (shrinking enrolment slows it) and pulled back towards its usual margin over
 * stage spending (administration, projects, training …), with its own noise and the 压减
 * years. Rescaled per year so the national total lands on target.
 */
export function simulateBudget(ctx: SimContext, isGap: IsGap, { cut, stageSpend }: Spending): void {
  const { N } = ctx
  const stageSum = (k: number): number => stageSpend.reduce((s, a) => s + get(a, k), 0)
  const stageTotals = Array.from({ length: T }, (_, t) => {
    let s = 0
    for (let i = 0; i < N; i++) s += stageSum(j(i, t))
    return s
  })
  const budgetTarget = (t: number): number =>
    ctx.steer('edu_budget', t) * 1e4 * Math.exp(BUDGET_LEVEL_OFFSET[at(YEARS, t)] ?? 0)
  const margin = (t: number): number => budgetTarget(t) / at(stageTotals, t) - 1
  const path = ctx.grid()
  ctx.eachCounty('budget', (g, _p, i) => {
    const own = clamp(Math.exp(0.3 * g.normal()), 0.5, 2.2)
    const uncut = (t: number): number => stageSum(j(i, t)) / at(at(cut, i), t)
    const usual = (t: number): number => uncut(t) * (1 + margin(t) * own)
    path[j(i, 0)] = usual(0)
    for (let t = 1; t < T; t++) {
      const national = budgetTarget(t) / budgetTarget(t - 1)
      const local = uncut(t) / uncut(t - 1) / (at(stageTotals, t) / at(stageTotals, t - 1))
      const pull = usual(t - 1) / get(path, j(i, t - 1))
      path[j(i, t)] =
        get(path, j(i, t - 1)) * national * Math.pow(local, 0.1) * Math.pow(pull, 0.15) * Math.exp(0.008 * g.normal())
    }
  })
  const edu = ctx.col('edu_budget')
  for (let t = 0; t < T; t++) {
    const budgetAt = (x: number, i: number): number => {
      const k = j(i, t)
      return Math.max(1.01 * stageSum(k), get(path, k) * at(at(cut, i), t) * Math.exp(x))
    }
    const x = solveShift(
      (v) => {
        let s = 0
        for (let i = 0; i < N; i++) if (!isGap(i, t, 'edu_budget')) s += budgetAt(v, i)
        return s
      },
      budgetTarget(t),
      -3,
      3,
    )
    for (let i = 0; i < N; i++) edu[j(i, t)] = isGap(i, t, 'edu_budget') ? NaN : Math.round(10 * budgetAt(x, i)) / 10
  }
}

/** Education's share of all spending: higher in central and western counties. */
export function simulateBudgetTotal(ctx: SimContext, isGap: IsGap, { rngs: r }: Spending): void {
  const { N, prof } = ctx
  const shareBeta = r.map((g, i) => {
    const p = prof(i)
    return (
      0.15 * (p.region === 'central' ? 1 : 0) +
      0.1 * (1 - p.urban) -
      0.35 * (['11', '31'].includes(p.prov) ? 1 : 0) -
      0.2 * p.remote +
      0.15 * g.normal()
    )
  })
  const shareNoise = r.map((g) => g.ar1(T, 0.05, 0.7))
  const edu = ctx.col('edu_budget')
  const tot = ctx.col('budget_total')
  for (let t = 0; t < T; t++) {
    const share = (x: number, i: number): number => sigmoid(x + at(shareBeta, i) + at(at(shareNoise, i), t))
    let eduSum = 0
    for (let i = 0; i < N; i++) if (!isGap(i, t, 'budget_total')) eduSum += get(edu, j(i, t))
    // Σ edu / Σ (edu / share) rises with the shift.
    const x = solveShift(
      (s) => {
        let all = 0
        for (let i = 0; i < N; i++) if (!isGap(i, t, 'budget_total')) all += get(edu, j(i, t)) / share(s, i)
        return eduSum / all
      },
      ctx.steer('edu_share', t) / 100,
      -5,
      5,
    )
    for (let i = 0; i < N; i++) {
      const k = j(i, t)
      tot[k] = isGap(i, t, 'budget_total') ? NaN : Math.round((10 * get(edu, k)) / share(x, i)) / 10
    }
  }
}

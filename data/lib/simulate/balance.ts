// 均衡: the 校际差异系数 of 小学 and 初中, and 交流轮岗 of teachers. Neither has a national
// figure; both start late in some counties (NULL before).
import { YEARS } from '../targets.ts'
import { kernels, T, type SimContext } from './context.ts'
import type { Stages } from './compulsory.ts'

const { at, clamp, get, j } = kernels

/** 差异系数: mostly 0.3–0.6, falling over time; worse in rural and remote counties. */
export function simulateBalance(ctx: SimContext): void {
  const cvP = ctx.col('cv_primary')
  const cvJ = ctx.col('cv_junior')
  ctx.eachCounty('balance', (g, p, i) => {
    const dP = 0.04 * (1 - p.urban) + 0.05 * p.remote - 0.02 * clamp(p.dev, -2, 2) + 0.065 * g.normal()
    const dJ = 0.8 * dP + 0.04 * g.normal()
    const nP = g.ar1(T, 0.022, 0.7)
    const nJ = g.ar1(T, 0.022, 0.7)
    // Counties that began the 均衡 assessment late have no coefficient for early years.
    const u = g.next()
    const first = u < 0.01 ? 2018 : u < 0.035 ? 2017 : u < 0.07 ? 2016 : 2015
    for (let t = 0; t < T; t++) {
      const y = at(YEARS, t)
      const gap = y < first || g.chance(0.002)
      const mP = 0.52 - (0.15 * t) / (T - 1)
      const mJ = 0.45 - (0.13 * t) / (T - 1)
      cvP[j(i, t)] = gap ? NaN : Math.round(1000 * clamp(mP + dP + at(nP, t), 0.12, 0.95)) / 1000
      cvJ[j(i, t)] = gap ? NaN : Math.round(1000 * clamp(mJ + dJ + at(nJ, t), 0.1, 0.9)) / 1000
    }
  })
}

/** 轮岗: about 7 % (2015) to 13 % (2024) of eligible teachers, about 20–27 % of them 骨干. */
export function simulateRotation(ctx: SimContext, teachers: Stages): void {
  const elig = ctx.col('rotation_eligible')
  const cnt = ctx.col('rotation_count')
  const bb = ctx.col('rotation_backbone')
  ctx.eachCounty('rotation', (g, _p, i) => {
    const e = g.uniform(0.3, 0.6)
    const dR = 0.025 * g.normal()
    const dB = 0.05 * g.normal()
    const nR = g.ar1(T, 0.015, 0.6)
    const nB = g.ar1(T, 0.03, 0.6)
    const u = g.next()
    const first = u < 0.02 ? 2017 : u < 0.05 ? 2016 : 2015
    for (let t = 0; t < T; t++) {
      const k = j(i, t)
      if (at(YEARS, t) < first) {
        elig[k] = NaN
        cnt[k] = NaN
        bb[k] = NaN
        continue
      }
      const eligible = Math.round(e * (get(teachers.pri, k) + get(teachers.jun, k)))
      const rate = clamp(0.07 + (0.065 * t) / (T - 1) + dR + at(nR, t), 0.01, 0.35)
      const back = clamp(0.2 + (0.07 * t) / (T - 1) + dB + at(nB, t), 0.05, 0.6)
      const c = Math.min(eligible, Math.round(rate * eligible))
      elig[k] = eligible
      cnt[k] = c
      bb[k] = Math.min(c, Math.round(back * c))
    }
  })
}

// 随迁子女 and 残疾儿童: wholes with no national figure, and the part of each the
// national shares in OWN_SHAPE steer (在公办学校就读, 入学).
import { OWN_SHAPE } from '../targets.ts'
import { kernels, T, type SimContext } from './context.ts'
import type { Stages } from './compulsory.ts'
import type { Population } from './population.ts'
import { simulateWholeAndPart } from './shares.ts'

const { at, get, j } = kernels

/** 随迁子女 concentrate in coastal urban districts; 广东 schools few of them in public schools. */
export function simulateMigrants(ctx: SimContext, enrol: Stages): void {
  simulateWholeAndPart(ctx, {
    stream: 'migrants',
    whole: 'migrant_children',
    part: 'migrant_children_public',
    drawWhole: (g, p, i) => {
      const base = p.coastalUrban ? 0.26 : p.district ? 0.1 : p.city ? 0.06 : 0.03
      const m0 = base * (p.region === 'northeast' ? 0.5 : 1) * (1 - 0.6 * p.remote) * Math.exp(0.35 * g.normal())
      const n = g.ar1(T, 0.06, 0.85)
      return (t) => {
        const share = Math.min(0.6, m0 * (1 - 0.012 * t) * Math.exp(at(n, t)))
        return Math.round(share * (get(enrol.pri, j(i, t)) + get(enrol.jun, j(i, t))))
      }
    },
    effect: (g, p) =>
      -1.8 * (p.prov === '44' && (p.district || p.city) ? 1 : 0) -
      0.9 * (p.coastalUrban && p.prov !== '44' ? 1 : 0) +
      1.0 * (1 - p.urban) +
      0.5 * g.normal(),
    noise: { sd: 0.15, rho: 0.8 },
    target: OWN_SHAPE.migrant_public,
  })
}

export function simulateDisabled(ctx: SimContext, { pop614 }: Population): void {
  simulateWholeAndPart(ctx, {
    stream: 'disabled',
    whole: 'disabled_children',
    part: 'disabled_children_enrolled',
    drawWhole: (g, p, i) => {
      const rate = 0.0045 * (1 + 0.2 * p.remote) * Math.exp(0.25 * g.normal())
      const n = g.ar1(T, 0.05, 0.8)
      return (t) => Math.max(1, Math.round(get(pop614, j(i, t)) * rate * Math.exp(at(n, t))))
    },
    effect: (g, p) => -0.8 * p.remote - 0.3 * (1 - p.urban) + 0.6 * g.normal(),
    noise: { sd: 0.25, rho: 0.6 },
    target: OWN_SHAPE.disabled_enrolled,
  })
}

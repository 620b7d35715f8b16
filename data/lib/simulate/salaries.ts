// Salaries (元/年). Teachers trailed civil servants until the 2019–2021 push to close the gap.
import { OWN_SHAPE } from '../targets.ts'
import { kernels, T, type SimContext } from './context.ts'
import type { IsGap } from './gaps.ts'

const { at, j } = kernels

export function simulateSalaries(ctx: SimContext, isGap: IsGap): void {
  const civ = ctx.col('civil_salary')
  const tea = ctx.col('teacher_salary')
  ctx.eachCounty('salary', (g, p, i) => {
    const level = p.traits.salary * Math.exp(0.04 * (p.district ? 1 : 0) + 0.06 * g.normal())
    const nC = g.ar1(T, 0.02, 0.8)
    const dG = 3000 * g.normal() - 1200 * (p.traits.spend < 0.8 ? 1 : 0)
    const nG = g.ar1(T, 1500, 0.6)
    for (let t = 0; t < T; t++) {
      const k = j(i, t)
      if (isGap(i, t, 'civil_salary')) {
        civ[k] = NaN
        tea[k] = NaN
        continue
      }
      const c = at(OWN_SHAPE.civil_salary, t) * level * Math.exp(at(nC, t))
      const gap = (at(OWN_SHAPE.salary_gap, t) + dG + at(nG, t)) * level
      civ[k] = Math.round(c)
      tea[k] = Math.round(c + gap)
    }
  })
}

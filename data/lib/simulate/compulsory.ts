// 义务教育: enrolment from the 6–11 and 12–14 populations, then teachers and staff.
import type { CountyProfile } from '../profile.ts'
import { kernels, T, type SimContext } from './context.ts'
import type { Population } from './population.ts'
import { bachelorFor, staffFor, teachersFor } from './teachers.ts'

const { at, get, j } = kernels

export interface Stages {
  pri: Float64Array
  jun: Float64Array
}

export function simulateCompulsoryEnrolment(ctx: SimContext, { pop611, pop1214 }: Population): Stages {
  const priEnrol = ctx.grid()
  const junEnrol = ctx.grid()
  ctx.eachCounty('compulsory-enrol', (g, p, i) => {
    const ePri = 1.0 + 0.03 * (p.coastalUrban ? 1 : 0) + 0.02 * g.normal()
    const eJun = 0.97 + 0.03 * (p.coastalUrban ? 1 : 0) - 0.02 * p.remote + 0.025 * g.normal()
    const nPri = g.ar1(T, 0.01, 0.8)
    const nJun = g.ar1(T, 0.012, 0.8)
    for (let t = 0; t < T; t++) {
      priEnrol[j(i, t)] = Math.max(30, Math.round(get(pop611, j(i, t)) * ePri * (1 + at(nPri, t))))
      junEnrol[j(i, t)] = Math.max(20, Math.round(get(pop1214, j(i, t)) * eJun * (1 + at(nJun, t))))
    }
  })
  ctx.setRounded('pri_enrol', priEnrol)
  ctx.setRounded('jun_enrol', junEnrol)
  return { pri: priEnrol, jun: junEnrol }
}

/** Small rural and remote schools need more teachers per pupil; crowded central counties fewer. */
export function simulateCompulsoryTeachers(ctx: SimContext, enrol: Stages): Stages {
  const northeast = (p: CountyProfile): number => (p.region === 'northeast' ? 1 : 0)
  const pri = teachersFor(
    ctx,
    'pri-teachers',
    enrol.pri,
    'pri_ratio',
    (p) =>
      -0.18 * p.remote -
      0.08 * (1 - p.urban) +
      0.12 * (p.crowded ? 1 : 0) +
      0.05 * (p.city ? 1 : 0) -
      0.12 * northeast(p),
    0.09,
  )
  const jun = teachersFor(
    ctx,
    'jun-teachers',
    enrol.jun,
    'jun_ratio',
    (p) =>
      -0.15 * p.remote -
      0.06 * (1 - p.urban) +
      0.1 * (p.crowded ? 1 : 0) +
      0.05 * (p.city ? 1 : 0) -
      0.12 * northeast(p),
    0.1,
  )
  ctx.setRounded('pri_teachers', pri)
  ctx.setRounded('jun_teachers', jun)
  staffFor(ctx, 'pri-staff', pri, 1.1, 'pri_staff')
  staffFor(ctx, 'jun-staff', jun, 1.13, 'jun_staff')
  bachelorFor(ctx, 'pri-bachelor', pri, 'pri_bachelor', 'pri_teachers_bachelor')
  bachelorFor(ctx, 'jun-bachelor', jun, 'jun_bachelor', 'jun_teachers_bachelor')
  return { pri, jun }
}

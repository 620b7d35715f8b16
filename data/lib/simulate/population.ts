// School-age populations per county-year: the census cohorts split into birth years and
// aged to each school year (cohorts.ts), with the county's migration drift.
import { ageBand, birthYearCounts } from '../cohorts.ts'
import { YEARS } from '../targets.ts'
import { kernels, T, type SimContext } from './context.ts'

const { at, j } = kernels

export interface Population {
  /** Births per year of each county, for cohorts that are not an age band (巩固率). */
  counts: Map<number, number>[]
  /** 3–5, before the ministry's base is applied (see preschool.ts). */
  pop35raw: Float64Array
  pop611: Float64Array
  pop1214: Float64Array
  pop1517: Float64Array
  pop614: Float64Array
}

export function simulatePopulation(ctx: SimContext): Population {
  const counts = ctx.counties.map((c) => birthYearCounts(c.census))
  const band = (lo: number, hi: number): Float64Array => {
    const out = ctx.grid()
    for (let i = 0; i < ctx.N; i++) {
      for (let t = 0; t < T; t++)
        out[j(i, t)] = ageBand(counts[i] as Map<number, number>, at(YEARS, t), lo, hi, ctx.prof(i).drift)
    }
    return out
  }
  const pop = {
    counts,
    pop35raw: band(3, 5),
    pop611: band(6, 11),
    pop1214: band(12, 14),
    pop1517: band(15, 17),
    pop614: band(6, 14),
  }
  ctx.setRounded('pop_15_17', pop.pop1517)
  return pop
}

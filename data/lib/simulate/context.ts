// What every block of the simulation shares: the panel it writes, the county profiles,
// one random stream per county and topic, the national steering values, and a few
// index helpers. A block takes this context plus the arrays of earlier blocks it builds on.
import { Panel, sigmoid } from '../calibrate.ts'
import type { CountyBase } from '../census.ts'
import { profileOf, type CountyProfile } from '../profile.ts'
import { countyRng, type Rng } from '../random.ts'
import { YEARS, type NationalTargets, type TargetKey } from '../targets.ts'

export const T = YEARS.length

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x))

const at = <V>(xs: readonly V[], t: number): V => {
  const v = xs[t]
  if (v === undefined) throw new Error(`index ${t} out of range`)
  return v
}

/** Index of county i, year index t in a county-year array. */
const j = (i: number, t: number): number => i * T + t

const get = (a: Float64Array, k: number): number => a[k] as number

/**
 * The helpers the solvers call in their inner loops, up to ~10⁹ times a run. tsx runs
 * these files as CommonJS, where each call of an imported function goes through two
 * property getters (the simulation ran 2.5× slower so); copied once into a block's own
 * constants (`const { at, get, j } = kernels`) they are plain calls again.
 */
export const kernels = { at, clamp, get, j, sigmoid } as const

/**
 * Most counties sit close together just above a national rate; a minority lag well
 * behind. A plain symmetric spread would put half the counties under any threshold equal
 * to the national figure, which is not what the published county reports look like.
 */
export function laggard(g: Rng, share: number, lo: number, hi: number): number {
  const hit = g.next() < share
  const depth = g.uniform(lo, hi)
  return hit ? -depth : 0
}

export interface SimContext {
  readonly counties: readonly CountyBase[]
  /** Number of counties. */
  readonly N: number
  readonly panel: Panel
  readonly targets: NationalTargets
  readonly profiles: readonly CountyProfile[]
  /** One generator per county for a topic; a topic's draws never disturb another's. */
  rngs(stream: string): Rng[]
  /** The national value year index t is calibrated to. */
  steer(key: TargetKey, t: number): number
  prof(i: number): CountyProfile
  /** Calls `draw` for each county in turn with its generator for the topic and its profile. */
  eachCounty(stream: string, draw: (g: Rng, p: CountyProfile, i: number) => void): void
  col(id: string): Float64Array
  /** A fresh county-year array. */
  grid(): Float64Array
  /** Writes a panel column, rounded: counts ship as whole numbers. */
  setRounded(id: string, values: Float64Array): void
}

export function createContext(counties: readonly CountyBase[], targets: NationalTargets, seed: number): SimContext {
  const N = counties.length
  const panel = new Panel(counties.map((c) => c.code))
  const profiles = counties.map((c) => profileOf(c, seed))
  const col = (id: string): Float64Array => panel.col(id)
  return {
    counties,
    N,
    panel,
    targets,
    profiles,
    rngs: (stream) => counties.map((c) => countyRng(seed, c.code, stream)),
    steer: (key, t) => targets.steer(key, at(YEARS, t)),
    prof: (i) => profiles[i] as CountyProfile,
    eachCounty: (stream, draw) =>
      counties.forEach((c, i) => draw(countyRng(seed, c.code, stream), profiles[i] as CountyProfile, i)),
    col,
    grid: () => new Float64Array(N * T),
    setRounded: (id, values) => {
      const c = col(id)
      for (let k = 0; k < values.length; k++) c[k] = Math.round(get(values, k))
    },
  }
}

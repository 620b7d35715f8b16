// The simulated county-year panel. Each block draws county values with a realistic
// spread (driven by the county profile plus persistent yearly noise), then shifts them per
// year so the national ratio of sums lands on the published figure. Counts are rounded
// at the end of each block, so the final check sees exactly what ships.
import { Panel, sigmoid, solveShift, solveWeightedShare } from './calibrate.ts'
import type { CountyBase } from './census.ts'
import { ageBand, birthYearCounts } from './cohorts.ts'
import { profileOf, type CountyProfile } from './profile.ts'
import { countyRng, type Rng } from './random.ts'
import { BUDGET_LEVEL_OFFSET, OWN_SHAPE, YEARS, type NationalTargets, type TargetKey } from './targets.ts'

const T = YEARS.length
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x))

/**
 * Most counties sit close together just above a national rate; a minority lag well
 * behind. A plain symmetric spread would put half the counties under any threshold equal
 * to the national figure, which is not what the published county reports look like.
 */
function laggard(g: Rng, share: number, lo: number, hi: number): number {
  const hit = g.next() < share
  const depth = g.uniform(lo, hi)
  return hit ? -depth : 0
}
const at = <V>(xs: readonly V[], t: number): V => {
  const v = xs[t]
  if (v === undefined) throw new Error(`index ${t} out of range`)
  return v
}

/**
 * Deliberate gaps so 无数据 has something true to show. Codes are current GB/T 2260.
 * Kept to a handful of county-years; enrolments are never missing.
 */
export const DELIBERATE_GAPS: readonly { code: string; year: number; fields: readonly string[]; why: string }[] = [
  { code: '540221', year: 2016, fields: ['spend_kg', 'spend_pri', 'spend_jun', 'spend_sh', 'spend_vs'], why: 'stage spending not reported' },
  { code: '230127', year: 2019, fields: ['spend_kg', 'spend_pri', 'spend_jun', 'spend_sh', 'spend_vs'], why: 'stage spending not reported' },
  { code: '620421', year: 2017, fields: ['edu_budget', 'budget_total'], why: 'budget return missing' },
  { code: '450124', year: 2015, fields: ['teacher_salary', 'civil_salary'], why: 'salary survey missing' },
]

export interface SimulationResult {
  panel: Panel
  profiles: CountyProfile[]
}

export function simulate(counties: readonly CountyBase[], targets: NationalTargets, seed: number): SimulationResult {
  const N = counties.length
  const panel = new Panel(counties.map((c) => c.code))
  const profiles = counties.map((c) => profileOf(c, seed))
  const j = (i: number, t: number): number => i * T + t
  const rngs = (stream: string): Rng[] => counties.map((c) => countyRng(seed, c.code, stream))
  const steer = (key: TargetKey, t: number): number => targets.steer(key, at(YEARS, t))
  const prof = (i: number): CountyProfile => profiles[i] as CountyProfile
  const get = (a: Float64Array, k: number): number => a[k] as number
  const col = (id: string): Float64Array => panel.col(id)
  const setRounded = (id: string, values: Float64Array): void => {
    const c = col(id)
    for (let k = 0; k < values.length; k++) c[k] = Math.round(get(values, k))
  }

  // ---------------------------------------------------------------- population
  const counts = counties.map((c) => birthYearCounts(c.census))
  const band = (lo: number, hi: number): Float64Array => {
    const out = new Float64Array(N * T)
    for (let i = 0; i < N; i++) {
      for (let t = 0; t < T; t++) out[j(i, t)] = ageBand(counts[i] as Map<number, number>, at(YEARS, t), lo, hi, prof(i).drift)
    }
    return out
  }
  const pop35raw = band(3, 5)
  const pop611 = band(6, 11)
  const pop1214 = band(12, 14)
  const pop1517 = band(15, 17)
  const pop614 = band(6, 14)
  setRounded('pop_15_17', pop1517)

  // ---------------------------------------------------------------- 学前
  // The national 毛入园率 uses the ministry's own 3–5 population base, a little above the
  // census-derived one: scale the county denominators per year so that the published
  // count and the published rate hold together.
  const kgEnrol = new Float64Array(N * T)
  const pop35 = new Float64Array(N * T)
  {
    const r = rngs('kg-rate')
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
      const s = solveShift((x) => {
        let e = 0
        for (let i = 0; i < N; i++) e += enrolAt(x, i)
        return e
      }, target, -3, 3)
      for (let i = 0; i < N; i++) kgEnrol[j(i, t)] = Math.max(20, Math.round(enrolAt(s, i)))
    }
    setRounded('pop_3_5', pop35)
    setRounded('kg_enrol', kgEnrol)
  }

  {
    // 公办 share: low in coastal cities full of private kindergartens, high in rural west.
    const r = rngs('kg-public')
    const beta = r.map((g, i) => {
      const p = prof(i)
      return (
        0.9 * p.remote + 0.9 * (1 - p.urban) - 0.4 * (p.district ? 1 : 0) - 1.1 * (p.prov === '44' ? 1 : 0) -
        0.55 * (p.prov === '33' || p.prov === '35' ? 1 : 0) - 0.35 * (p.coastalUrban ? 1 : 0) + 0.3 * (p.region === 'northeast' ? 1 : 0) +
        0.45 * g.normal()
      )
    })
    const noiseP = r.map((g) => g.ar1(T, 0.12, 0.85))
    // Share of private-kindergarten children in 普惠性 private ones.
    const gamma = r.map((g, i) => -0.5 * (prof(i).coastalUrban ? 1 : 0) + 0.3 * (1 - prof(i).urban) + 0.5 * g.normal())
    const noiseQ = r.map((g) => g.ar1(T, 0.15, 0.8))
    const pub = new Float64Array(N * T)
    const inc = new Float64Array(N * T)
    for (let t = 0; t < T; t++) {
      const pShare = (s: number, i: number): number => sigmoid(s + at(beta, i) + at(at(noiseP, i), t))
      const sp = solveShift((s) => {
        let a = 0
        let b = 0
        for (let i = 0; i < N; i++) {
          const e = get(kgEnrol, j(i, t))
          a += pShare(s, i) * e
          b += e
        }
        return a / b
      }, steer('kg_public_share', t) / 100)
      const qShare = (s: number, i: number): number => sigmoid(s + at(gamma, i) + at(at(noiseQ, i), t))
      const sq = solveShift((s) => {
        let a = 0
        let b = 0
        for (let i = 0; i < N; i++) {
          const e = get(kgEnrol, j(i, t))
          const p = pShare(sp, i)
          a += (p + (1 - p) * qShare(s, i)) * e
          b += e
        }
        return a / b
      }, steer('kg_coverage', t) / 100)
      for (let i = 0; i < N; i++) {
        const e = get(kgEnrol, j(i, t))
        const p = Math.round(pShare(sp, i) * e)
        pub[j(i, t)] = p
        inc[j(i, t)] = Math.min(e - p, Math.round(qShare(sq, i) * (e - p)))
      }
    }
    setRounded('kg_public_enrol', pub)
    setRounded('kg_inclusive_private_enrol', inc)
  }

  {
    // Kindergartens: village kindergartens are small, so rural counties have many.
    const r = rngs('kg-count')
    const etaPub = r.map((g, i) => 0.5 * prof(i).urban - 0.3 * prof(i).remote + 0.25 * g.normal())
    const etaPri = r.map((g, i) => 0.4 * prof(i).urban - 0.2 * prof(i).remote + 0.25 * g.normal())
    const noise = r.map((g) => g.ar1(T, 0.05, 0.9))
    const pubC = new Float64Array(N * T)
    const priC = new Float64Array(N * T)
    const pubEnrol = col('kg_public_enrol')
    for (let t = 0; t < T; t++) {
      const pubCount = (x: number, i: number): number => {
        const e = get(pubEnrol, j(i, t))
        return e > 0 ? Math.max(1, e / Math.exp(x + at(etaPub, i) + at(at(noise, i), t))) : 0
      }
      const priCount = (x: number, i: number): number => {
        const e = get(kgEnrol, j(i, t)) - get(pubEnrol, j(i, t))
        return e > 0 ? Math.max(1, e / Math.exp(x + at(etaPri, i) + at(at(noise, i), t))) : 0
      }
      const xp = solveShift((x) => {
        let s = 0
        for (let i = 0; i < N; i++) s -= pubCount(x, i)
        return s
      }, -steer('kg_public_count', t) * 1e4, -5, 12)
      let pubTotal = 0
      for (let i = 0; i < N; i++) {
        pubC[j(i, t)] = Math.round(pubCount(xp, i))
        pubTotal += get(pubC, j(i, t))
      }
      const xq = solveShift((x) => {
        let s = 0
        for (let i = 0; i < N; i++) s -= priCount(x, i)
        return s
      }, -(steer('kg_count', t) * 1e4 - pubTotal), -5, 12)
      for (let i = 0; i < N; i++) priC[j(i, t)] = Math.round(priCount(xq, i))
    }
    const total = new Float64Array(N * T)
    for (let k = 0; k < total.length; k++) total[k] = get(pubC, k) + get(priC, k)
    setRounded('kg_count', total)
    setRounded('kg_public_count', pubC)
  }

  // Students per teacher: calibrated on the log scale, so the spread is multiplicative.
  const teachersFor = (stream: string, enrol: Float64Array, key: TargetKey, effect: (p: CountyProfile) => number, sd: number): Float64Array => {
    const r = rngs(stream)
    const delta = r.map((g, i) => effect(prof(i)) + sd * g.normal())
    const noise = r.map((g) => g.ar1(T, 0.03, 0.8))
    const out = new Float64Array(N * T)
    for (let t = 0; t < T; t++) {
      const target = steer(key, t)
      let e = 0
      let w = 0
      for (let i = 0; i < N; i++) {
        const en = get(enrol, j(i, t))
        e += en
        w += en / Math.exp(at(delta, i) + at(at(noise, i), t))
      }
      // Σ enrol / Σ (enrol / (ρ·e^δ)) = target  ⇒  ρ = target · w / e
      const rho = (target * w) / e
      for (let i = 0; i < N; i++) {
        const en = get(enrol, j(i, t))
        out[j(i, t)] = Math.max(1, Math.round(en / (rho * Math.exp(at(delta, i) + at(at(noise, i), t)))))
      }
    }
    return out
  }

  setRounded(
    'kg_teachers',
    teachersFor('kg-teachers', kgEnrol, 'kg_ratio', (p) => 0.1 * p.remote + 0.1 * (1 - p.urban) + 0.06 * (p.crowded ? 1 : 0) - 0.05 * clamp(p.dev, -2, 2), 0.09),
  )

  // ---------------------------------------------------------------- 义务教育 enrolment
  const priEnrol = new Float64Array(N * T)
  const junEnrol = new Float64Array(N * T)
  {
    const r = rngs('compulsory-enrol')
    for (let i = 0; i < N; i++) {
      const g = r[i] as Rng
      const p = prof(i)
      const ePri = 1.0 + 0.03 * (p.coastalUrban ? 1 : 0) + 0.02 * g.normal()
      const eJun = 0.97 + 0.03 * (p.coastalUrban ? 1 : 0) - 0.02 * p.remote + 0.025 * g.normal()
      const nPri = g.ar1(T, 0.01, 0.8)
      const nJun = g.ar1(T, 0.012, 0.8)
      for (let t = 0; t < T; t++) {
        priEnrol[j(i, t)] = Math.max(30, Math.round(get(pop611, j(i, t)) * ePri * (1 + at(nPri, t))))
        junEnrol[j(i, t)] = Math.max(20, Math.round(get(pop1214, j(i, t)) * eJun * (1 + at(nJun, t))))
      }
    }
    setRounded('pri_enrol', priEnrol)
    setRounded('jun_enrol', junEnrol)
  }

  // Small rural and remote schools need more teachers per pupil; crowded central counties fewer.
  const priTeachers = teachersFor('pri-teachers', priEnrol, 'pri_ratio', (p) =>
    -0.18 * p.remote - 0.08 * (1 - p.urban) + 0.12 * (p.crowded ? 1 : 0) + 0.05 * (p.city ? 1 : 0) - 0.12 * (p.region === 'northeast' ? 1 : 0), 0.09)
  const junTeachers = teachersFor('jun-teachers', junEnrol, 'jun_ratio', (p) =>
    -0.15 * p.remote - 0.06 * (1 - p.urban) + 0.1 * (p.crowded ? 1 : 0) + 0.05 * (p.city ? 1 : 0) - 0.12 * (p.region === 'northeast' ? 1 : 0), 0.1)
  setRounded('pri_teachers', priTeachers)
  setRounded('jun_teachers', junTeachers)

  const staffFor = (stream: string, teachers: Float64Array, base: number, out: string): void => {
    const r = rngs(stream)
    const staff = new Float64Array(N * T)
    for (let i = 0; i < N; i++) {
      const g = r[i] as Rng
      const f = Math.max(1.02, base + 0.03 * prof(i).urban - 0.03 * (prof(i).crowded ? 1 : 0) + 0.035 * g.normal())
      const n = g.ar1(T, 0.01, 0.8)
      for (let t = 0; t < T; t++) staff[j(i, t)] = Math.max(get(teachers, j(i, t)), Math.round(get(teachers, j(i, t)) * Math.max(1.01, f + at(n, t))))
    }
    setRounded(out, staff)
  }
  staffFor('pri-staff', priTeachers, 1.1, 'pri_staff')
  staffFor('jun-staff', junTeachers, 1.13, 'jun_staff')

  const bachelorFor = (stream: string, teachers: Float64Array, key: TargetKey, out: string): void => {
    const r = rngs(stream)
    const beta = r.map((g, i) => 0.35 * clamp(prof(i).dev, -2, 2) + 0.5 * prof(i).urban - 0.4 * prof(i).remote + 0.3 * g.normal())
    const noise = r.map((g) => g.ar1(T, 0.08, 0.85))
    const res = new Float64Array(N * T)
    for (let t = 0; t < T; t++) {
      const share = (s: number, i: number): number => sigmoid(s + at(beta, i) + at(at(noise, i), t))
      const s = solveWeightedShare(share, (i) => get(teachers, j(i, t)), N, steer(key, t) / 100)
      for (let i = 0; i < N; i++) res[j(i, t)] = Math.min(get(teachers, j(i, t)), Math.round(share(s, i) * get(teachers, j(i, t))))
    }
    setRounded(out, res)
  }
  bachelorFor('pri-bachelor', priTeachers, 'pri_bachelor', 'pri_teachers_bachelor')
  bachelorFor('jun-bachelor', junTeachers, 'jun_bachelor', 'jun_teachers_bachelor')

  // ---------------------------------------------------------------- 班额
  simulateClasses()

  function simulateClasses(): void {
    const r = rngs('class-size')
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
      return 38 + 2.5 * (p.crowded ? 1 : 0) + 2 * (p.city ? 1 : 0) + 2 * p.urban - 6 * p.remote - 4 * (p.region === 'northeast' ? 1 : 0) - 1.5 * (p.size < -1 ? 1 : 0) + 2 * g.normal()
    })
    const OFFSET = { pri: -0.3, jun: 0.35 } as const

    const c56 = { pri: new Float64Array(N * T), jun: new Float64Array(N * T) }
    const c66 = { pri: new Float64Array(N * T), jun: new Float64Array(N * T) }
    const cls = { pri: new Float64Array(N * T), jun: new Float64Array(N * T) }
    const enrol = { pri: priEnrol, jun: junEnrol }

    const logK: number[] = new Array<number>(T).fill(0)
    const a56: number[] = new Array<number>(T).fill(-3)
    const a66: number[] = new Array<number>(T).fill(-2)

    // Shares and classes of one stage for given shifts; classes bulge where 大班额 are common.
    const stageAt = (stage: 'pri' | 'jun', t: number, i: number, sa56: number, sa66: number, lk: number) => {
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
      for (let i = 0; i < N; i++) {
        for (const stage of ['pri', 'jun'] as const) {
          const x = stageAt(stage, t, i, sa56, sa66, lk)
          cl += x.classes
          b56 += x.s56 * x.classes
          b66 += x.s66 * x.classes
        }
      }
      return { cl, b56, b66 }
    }

    // Years with both a share and a count fix the number of classes; solve those first and
    // carry their class-size level to the other years.
    const order = [1, 2, 3, 0, 4, 5, 6, 7, 8, 9]
    for (const t of order) {
      const y = at(YEARS, t)
      const share56 = steer('big56_share', t) / 100
      const share66 = Math.max(steer('big66_share', t), 0.003) / 100
      const count56 = targets.get('big56_count', y)
      if (t === 0) logK[0] = at(logK, 1)
      if (t >= 4) logK[t] = at(logK, 3)
      for (let it = 0; it < 6; it++) {
        a56[t] = solveShift((x) => {
          const s = totals(t, x, at(a66, t), at(logK, t))
          return s.b56 / s.cl
        }, share56, -25, 10)
        a66[t] = solveShift((x) => {
          const s = totals(t, at(a56, t), x, at(logK, t))
          return s.b66 / s.cl
        }, share66, -25, 15)
        if (count56) {
          const classesTarget = (count56.value * 1e4) / share56
          logK[t] = solveShift((x) => -totals(t, at(a56, t), at(a66, t), x).cl, -classesTarget, -1, 1)
        }
      }
      for (let i = 0; i < N; i++) {
        for (const stage of ['pri', 'jun'] as const) {
          const x = stageAt(stage, t, i, at(a56, t), at(a66, t), at(logK, t))
          const classes = Math.max(1, Math.round(x.classes))
          const big = Math.min(classes, Math.round(x.s56 * classes))
          cls[stage][j(i, t)] = classes
          c56[stage][j(i, t)] = big
          c66[stage][j(i, t)] = Math.min(big, Math.round(x.s66 * classes))
        }
      }
    }
    setRounded('pri_classes', cls.pri)
    setRounded('pri_classes_56', c56.pri)
    setRounded('pri_classes_66', c66.pri)
    setRounded('jun_classes', cls.jun)
    setRounded('jun_classes_56', c56.jun)
    setRounded('jun_classes_66', c66.jun)
  }

  // ---------------------------------------------------------------- 巩固率
  {
    const r = rngs('consolidation')
    const cohort = new Float64Array(N * T)
    const grads = new Float64Array(N * T)
    const delta: number[] = []
    const noise: number[][] = []
    for (let i = 0; i < N; i++) {
      const g = r[i] as Rng
      const p = prof(i)
      const entry = 1 + 0.02 * g.normal()
      for (let t = 0; t < T; t++) {
        const y = at(YEARS, t)
        // Pupils who entered grade 1 nine years before graduating, born in y − 15.
        const born = (counts[i] as Map<number, number>).get(y - 15) ?? 0
        cohort[j(i, t)] = Math.max(10, Math.round(born * Math.pow(1 + p.drift, y - 9 - 2020) * entry))
      }
      // In-migration districts gain pupils after grade 1 (rates above 100%); out-migration
      // and remote counties lose them; a few counties have a long tail of drop-outs.
      delta.push(0.03 * (p.coastalUrban ? 1 : 0) + 0.003 * (p.district ? 1 : 0) - 0.02 * p.remote + 0.005 * g.normal() + laggard(g, 0.1, 0.02, 0.08))
      noise.push(g.ar1(T, 0.004, 0.7))
    }
    for (let t = 0; t < T; t++) {
      const rate = (s: number, i: number): number => clamp(s + at(delta, i) + at(at(noise, i), t), 0.78, 1.05)
      const s = solveWeightedShare(rate, (i) => get(cohort, j(i, t)), N, steer('consol_rate', t) / 100, -1, 2)
      for (let i = 0; i < N; i++) grads[j(i, t)] = Math.round(rate(s, i) * get(cohort, j(i, t)))
    }
    setRounded('consol_cohort', cohort)
    setRounded('consol_grads', grads)
  }

  // ---------------------------------------------------------------- 随迁子女, 残疾儿童
  {
    const r = rngs('migrants')
    const mig = new Float64Array(N * T)
    const migPub = new Float64Array(N * T)
    const beta: number[] = []
    const noisePub: number[][] = []
    for (let i = 0; i < N; i++) {
      const g = r[i] as Rng
      const p = prof(i)
      const base = p.coastalUrban ? 0.26 : p.district ? 0.1 : p.city ? 0.06 : 0.03
      const m0 = base * (p.region === 'northeast' ? 0.5 : 1) * (1 - 0.6 * p.remote) * Math.exp(0.35 * g.normal())
      const n = g.ar1(T, 0.06, 0.85)
      for (let t = 0; t < T; t++) {
        const share = Math.min(0.6, m0 * (1 - 0.012 * t) * Math.exp(at(n, t)))
        mig[j(i, t)] = Math.round(share * (get(priEnrol, j(i, t)) + get(junEnrol, j(i, t))))
      }
      beta.push(-1.8 * (p.prov === '44' && (p.district || p.city) ? 1 : 0) - 0.9 * (p.coastalUrban && p.prov !== '44' ? 1 : 0) + 1.0 * (1 - p.urban) + 0.5 * g.normal())
      noisePub.push(g.ar1(T, 0.15, 0.8))
    }
    for (let t = 0; t < T; t++) {
      const share = (s: number, i: number): number => sigmoid(s + at(beta, i) + at(at(noisePub, i), t))
      const s = solveWeightedShare(share, (i) => get(mig, j(i, t)), N, at(OWN_SHAPE.migrant_public, t) / 100)
      for (let i = 0; i < N; i++) migPub[j(i, t)] = Math.min(get(mig, j(i, t)), Math.round(share(s, i) * get(mig, j(i, t))))
    }
    setRounded('migrant_children', mig)
    setRounded('migrant_children_public', migPub)
  }
  {
    const r = rngs('disabled')
    const dis = new Float64Array(N * T)
    const enr = new Float64Array(N * T)
    const beta: number[] = []
    const noise: number[][] = []
    for (let i = 0; i < N; i++) {
      const g = r[i] as Rng
      const p = prof(i)
      const rate = 0.0045 * (1 + 0.2 * p.remote) * Math.exp(0.25 * g.normal())
      const n = g.ar1(T, 0.05, 0.8)
      for (let t = 0; t < T; t++) dis[j(i, t)] = Math.max(1, Math.round(get(pop614, j(i, t)) * rate * Math.exp(at(n, t))))
      beta.push(-0.8 * p.remote - 0.3 * (1 - p.urban) + 0.6 * g.normal())
      noise.push(g.ar1(T, 0.25, 0.6))
    }
    for (let t = 0; t < T; t++) {
      const share = (s: number, i: number): number => sigmoid(s + at(beta, i) + at(at(noise, i), t))
      const s = solveWeightedShare(share, (i) => get(dis, j(i, t)), N, at(OWN_SHAPE.disabled_enrolled, t) / 100)
      for (let i = 0; i < N; i++) enr[j(i, t)] = Math.min(get(dis, j(i, t)), Math.round(share(s, i) * get(dis, j(i, t))))
    }
    setRounded('disabled_children', dis)
    setRounded('disabled_children_enrolled', enr)
  }

  // ---------------------------------------------------------------- 差异系数, 交流轮岗
  {
    const r = rngs('balance')
    const cvP = col('cv_primary')
    const cvJ = col('cv_junior')
    for (let i = 0; i < N; i++) {
      const g = r[i] as Rng
      const p = prof(i)
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
    }
  }
  {
    const r = rngs('rotation')
    const elig = col('rotation_eligible')
    const cnt = col('rotation_count')
    const bb = col('rotation_backbone')
    for (let i = 0; i < N; i++) {
      const g = r[i] as Rng
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
        const eligible = Math.round(e * (get(priTeachers, k) + get(junTeachers, k)))
        const rate = clamp(0.07 + (0.065 * t) / (T - 1) + dR + at(nR, t), 0.01, 0.35)
        const back = clamp(0.2 + (0.07 * t) / (T - 1) + dB + at(nB, t), 0.05, 0.6)
        const c = Math.min(eligible, Math.round(rate * eligible))
        elig[k] = eligible
        cnt[k] = c
        bb[k] = Math.min(c, Math.round(back * c))
      }
    }
  }

  // ---------------------------------------------------------------- 高中阶段
  const shEnrol = new Float64Array(N * T)
  const vsEnrol = new Float64Array(N * T)
  {
    const r = rngs('high-school')
    // Remote counties send fewer on; a minority of counties lag well behind.
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
      const s = solveShift((x) => {
        let e = 0
        for (let i = 0; i < N; i++) e += enrol(x, i)
        return e / pop
      }, steer('hs_rate', t) / 100, -3, 3)
      const vShare = (x: number, i: number): number => sigmoid(x + at(vBeta, i) + at(at(vNoise, i), t))
      const totalAt = (i: number): number => enrol(s, i)
      const sv = solveShift((x) => {
        let a = 0
        let b = 0
        for (let i = 0; i < N; i++) {
          a += vShare(x, i) * totalAt(i)
          b += totalAt(i)
        }
        return a / b
      }, at(OWN_SHAPE.vs_share, t) / 100)
      for (let i = 0; i < N; i++) {
        const tot = Math.round(totalAt(i))
        const vs = Math.max(30, Math.round(vShare(sv, i) * tot))
        vsEnrol[j(i, t)] = vs
        shEnrol[j(i, t)] = Math.max(50, tot - vs)
      }
    }
    setRounded('sh_enrol', shEnrol)
    setRounded('vs_enrol', vsEnrol)

    const shIntake = col('sh_intake')
    const vsIntake = col('vs_intake')
    const ri = rngs('intake')
    for (let i = 0; i < N; i++) {
      const g = ri[i] as Rng
      for (let t = 0; t < T; t++) {
        const k = j(i, t)
        shIntake[k] = Math.round(get(shEnrol, k) * (0.34 + 0.01 * g.normal()))
        vsIntake[k] = Math.round(get(vsEnrol, k) * (0.37 + 0.015 * g.normal()))
      }
    }
  }
  const shTeachers = teachersFor('sh-teachers', shEnrol, 'sh_ratio', (p) =>
    -0.12 * p.remote + 0.1 * (p.crowded ? 1 : 0) - 0.08 * (p.region === 'northeast' ? 1 : 0) - 0.05 * clamp(p.dev, -2, 2), 0.1)
  setRounded('sh_teachers', shTeachers)
  staffFor('sh-staff', shTeachers, 1.2, 'sh_staff')
  {
    const r = rngs('sh-classes')
    const b = r.map((g, i) => prof(i).crowding + 0.4 * g.normal())
    const s0 = r.map((g, i) => 49 + 2 * (prof(i).crowded ? 1 : 0) - 5 * prof(i).remote + 2 * g.normal())
    const noise = r.map((g) => g.ar1(T, 0.25, 0.8))
    const cls = new Float64Array(N * T)
    const big = new Float64Array(N * T)
    for (let t = 0; t < T; t++) {
      const share = (x: number, i: number): number => sigmoid(x + at(b, i) + at(at(noise, i), t))
      const classesAt = (x: number, i: number): number => Math.max(1, get(shEnrol, j(i, t)) / (at(s0, i) - 0.6 * t + 14 * share(x, i)))
      const a = solveShift((x) => {
        let c = 0
        let bg = 0
        for (let i = 0; i < N; i++) {
          const n = classesAt(x, i)
          c += n
          bg += share(x, i) * n
        }
        return bg / c
      }, at(OWN_SHAPE.sh_big56_share, t) / 100, -25, 10)
      for (let i = 0; i < N; i++) {
        const n = Math.max(1, Math.round(classesAt(a, i)))
        cls[j(i, t)] = n
        big[j(i, t)] = Math.min(n, Math.round(share(a, i) * n))
      }
    }
    setRounded('sh_classes', cls)
    setRounded('sh_classes_56', big)
  }

  // ---------------------------------------------------------------- 经费
  simulateMoney()

  function simulateMoney(): void {
    const r = rngs('spending')
    const gaps = new Map<string, readonly string[]>()
    for (const gap of DELIBERATE_GAPS) {
      const i = counties.findIndex((c) => c.code === gap.code)
      if (i < 0) throw new Error(`deliberate gap: ${gap.code} is not in the panel`)
      gaps.set(`${i}:${gap.year}`, gap.fields)
    }
    const isGap = (i: number, t: number, field: string): boolean => gaps.get(`${i}:${at(YEARS, t)}`)?.includes(field) ?? false

    // Remote and very small counties pay more per pupil (no economies of scale, allowances).
    const rel = r.map((g, i) => {
      const p = prof(i)
      return p.traits.spend * Math.exp(0.15 * (p.banner ? 1 : 0) + 0.25 * p.remote - 0.08 * clamp(p.size, -2.5, 2) + 0.05 * (p.district ? 1 : 0) + 0.1 * g.normal())
    })
    const stages = [
      { id: 'spend_kg', enrol: kgEnrol, key: 'ps_kg' as TargetKey | null, own: null as readonly number[] | null },
      { id: 'spend_pri', enrol: priEnrol, key: 'ps_pri' as TargetKey | null, own: null },
      { id: 'spend_jun', enrol: junEnrol, key: 'ps_jun' as TargetKey | null, own: null },
      { id: 'spend_sh', enrol: shEnrol, key: 'ps_sh' as TargetKey | null, own: null },
      { id: 'spend_vs', enrol: vsEnrol, key: null, own: OWN_SHAPE.ps_vs as readonly number[] },
    ]
    // A county-year of 压减: every line of the education budget is cut that year.
    const cut = r.map((g) => Array.from({ length: T }, (_, t) => (t > 0 && g.chance(0.035) ? 1 - g.uniform(0.02, 0.1) : 1)))
    // Public kindergartens are what the budget pays for: counties with more of them spend
    // more per child (their ten-year mean share, so yearly noise does not leak in).
    const publicShare = col('kg_public_enrol')
    const kgTiltOf = counties.map((_, i) => {
      let s = 0
      for (let t = 0; t < T; t++) s += get(publicShare, j(i, t)) / get(kgEnrol, j(i, t))
      return Math.sqrt(Math.max(0.05, s / T) / 0.5)
    })
    // A county's stages move together (one budget decides them all), plus a smaller
    // stage-specific wobble; only the county's own year-to-year path is noisy, its level
    // relative to the province is fixed.
    const common = r.map((g) => g.ar1(T, 0.015, 0.92))
    // Spending as incurred; the deliberate gaps only hide it from the published file.
    const stageSpend = stages.map(() => new Float64Array(N * T))
    stages.forEach((st, si) => {
      const rs = rngs(`spending-${st.id}`)
      const stageRel = rs.map((g) => Math.exp(0.08 * g.normal()))
      const noise = rs.map((g) => g.ar1(T, 0.005, 0.85))
      const out = stageSpend[si] as Float64Array
      for (let t = 0; t < T; t++) {
        const target = st.key ? steer(st.key, t) : at(st.own ?? [], t)
        const raw = (i: number): number => {
          const kgTilt = st.id === 'spend_kg' ? at(kgTiltOf, i) : 1
          return at(rel, i) * at(stageRel, i) * kgTilt * Math.exp(at(at(common, i), t) + at(at(noise, i), t)) * at(at(cut, i), t)
        }
        let num = 0
        let den = 0
        for (let i = 0; i < N; i++) {
          const e = get(st.enrol, j(i, t))
          den += e
          if (!isGap(i, t, st.id)) num += raw(i) * e
        }
        const k = (target * den) / num
        for (let i = 0; i < N; i++) out[j(i, t)] = Math.round((10 * k * raw(i) * get(st.enrol, j(i, t))) / 1e4) / 10
      }
      const published = panel.col(st.id)
      for (let i = 0; i < N; i++) for (let t = 0; t < T; t++) published[j(i, t)] = isGap(i, t, st.id) ? NaN : get(out, j(i, t))
    })

    // A county's budget grows with the national budget, bent a little towards its own
    // stage spending (shrinking enrolment slows it) and pulled back towards its usual
    // margin over stage spending (administration, projects, training …), with its own
    // noise and the 压减 years. Rescaled per year so the national total lands on target.
    const stageSum = (k: number): number => stageSpend.reduce((s, a) => s + get(a, k), 0)
    const stageTotals = Array.from({ length: T }, (_, t) => {
      let s = 0
      for (let i = 0; i < N; i++) s += stageSum(j(i, t))
      return s
    })
    const budgetTarget = (t: number): number => steer('edu_budget', t) * 1e4 * Math.exp(BUDGET_LEVEL_OFFSET[at(YEARS, t)] ?? 0)
    const margin = (t: number): number => budgetTarget(t) / at(stageTotals, t) - 1
    const path = new Float64Array(N * T)
    const rb = rngs('budget')
    for (let i = 0; i < N; i++) {
      const g = rb[i] as Rng
      const own = clamp(Math.exp(0.3 * g.normal()), 0.5, 2.2)
      const uncut = (t: number): number => stageSum(j(i, t)) / at(at(cut, i), t)
      const usual = (t: number): number => uncut(t) * (1 + margin(t) * own)
      path[j(i, 0)] = usual(0)
      for (let t = 1; t < T; t++) {
        const national = budgetTarget(t) / budgetTarget(t - 1)
        const local = uncut(t) / uncut(t - 1) / (at(stageTotals, t) / at(stageTotals, t - 1))
        const pull = usual(t - 1) / get(path, j(i, t - 1))
        path[j(i, t)] = get(path, j(i, t - 1)) * national * Math.pow(local, 0.1) * Math.pow(pull, 0.15) * Math.exp(0.008 * g.normal())
      }
    }
    const edu = col('edu_budget')
    for (let t = 0; t < T; t++) {
      const budgetAt = (x: number, i: number): number => {
        const k = j(i, t)
        return Math.max(1.01 * stageSum(k), get(path, k) * at(at(cut, i), t) * Math.exp(x))
      }
      const x = solveShift((v) => {
        let s = 0
        for (let i = 0; i < N; i++) if (!isGap(i, t, 'edu_budget')) s += budgetAt(v, i)
        return s
      }, budgetTarget(t), -3, 3)
      for (let i = 0; i < N; i++) edu[j(i, t)] = isGap(i, t, 'edu_budget') ? NaN : Math.round(10 * budgetAt(x, i)) / 10
    }

    // Education's share of all spending: higher in central and western counties.
    const shareBeta = r.map((g, i) => {
      const p = prof(i)
      return 0.15 * (p.region === 'central' ? 1 : 0) + 0.1 * (1 - p.urban) - 0.35 * (['11', '31'].includes(p.prov) ? 1 : 0) - 0.2 * p.remote + 0.15 * g.normal()
    })
    const shareNoise = r.map((g) => g.ar1(T, 0.05, 0.7))
    const tot = col('budget_total')
    for (let t = 0; t < T; t++) {
      const share = (x: number, i: number): number => sigmoid(x + at(shareBeta, i) + at(at(shareNoise, i), t))
      let eduSum = 0
      for (let i = 0; i < N; i++) if (!isGap(i, t, 'budget_total')) eduSum += get(edu, j(i, t))
      // Σ edu / Σ (edu / share) rises with the shift.
      const x = solveShift((s) => {
        let all = 0
        for (let i = 0; i < N; i++) if (!isGap(i, t, 'budget_total')) all += get(edu, j(i, t)) / share(s, i)
        return eduSum / all
      }, steer('edu_share', t) / 100, -5, 5)
      for (let i = 0; i < N; i++) {
        const k = j(i, t)
        tot[k] = isGap(i, t, 'budget_total') ? NaN : Math.round((10 * get(edu, k)) / share(x, i)) / 10
      }
    }

    // Salaries (元/年). Teachers trailed civil servants until the 2019–2021 push to close the gap.
    const rsal = rngs('salary')
    const civ = col('civil_salary')
    const tea = col('teacher_salary')
    for (let i = 0; i < N; i++) {
      const g = rsal[i] as Rng
      const p = prof(i)
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
    }
  }

  return { panel, profiles }
}

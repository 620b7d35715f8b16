// The panel in memory, national aggregation with the dashboard's semantics (a national
// figure is SUM(num) / SUM(den) over counties, SQL NULLs skipped per expression), the
// one-dimensional solver the per-year calibration uses, and the final check of every
// F/D national value.
import { YEARS, type NationalTargets, type TargetKey } from './targets.ts'

export class Panel {
  readonly cols = new Map<string, Float64Array>()
  readonly nYears = YEARS.length

  constructor(readonly codes: readonly string[]) {}

  /** Column of county-years, index `i * nYears + t`; NaN stands for NULL. */
  col(id: string): Float64Array {
    let c = this.cols.get(id)
    if (!c) {
      c = new Float64Array(this.codes.length * this.nYears)
      this.cols.set(id, c)
    }
    return c
  }

  has(id: string): boolean {
    return this.cols.has(id)
  }

  /** SUM(expr) over counties for year index t, skipping rows where expr is NULL. */
  sum(t: number, expr: (i: number) => number): number {
    let s = 0
    for (let i = 0; i < this.codes.length; i++) {
      const v = expr(i * this.nYears + t)
      if (!Number.isNaN(v)) s += v
    }
    return s
  }
}

/**
 * Root of an increasing function by bisection: f(lo) < target < f(hi) must hold. Used for
 * the per-year shift that moves every county's latent value so the national ratio of
 * sums lands on target while the spread between counties is kept.
 */
export function solveShift(f: (shift: number) => number, target: number, lo = -15, hi = 15): number {
  const flo = f(lo)
  const fhi = f(hi)
  if (!(flo <= target && target <= fhi)) {
    throw new Error(`solveShift: target ${target} outside [${flo}, ${fhi}]`)
  }
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2
    if (f(mid) < target) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/** The shift at which the weight-averaged county share, Σ share·w ÷ Σ w, meets the target. */
export function solveWeightedShare(
  share: (shift: number, i: number) => number,
  weight: (i: number) => number,
  n: number,
  target: number,
  lo?: number,
  hi?: number,
): number {
  return solveShift(
    (x) => {
      let a = 0
      let b = 0
      for (let i = 0; i < n; i++) {
        const w = weight(i)
        a += share(x, i) * w
        b += w
      }
      return a / b
    },
    target,
    lo,
    hi,
  )
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

type Tolerance = 'pp' | 'rel'

interface NationalFigure {
  key: TargetKey
  /** ±1 percentage point for rates, ±3 % for ratios, money and counts. */
  tolerance: Tolerance
  compute: (p: Panel, t: number) => number
}

const ratio =
  (
    num: (c: (id: string) => Float64Array, j: number) => number,
    den: (c: (id: string) => Float64Array, j: number) => number,
    scale: number,
  ) =>
  (p: Panel, t: number): number => {
    const c = (id: string) => p.col(id)
    return (scale * p.sum(t, (j) => num(c, j))) / p.sum(t, (j) => den(c, j))
  }
const one =
  (id: string) =>
  (c: (id: string) => Float64Array, j: number): number =>
    c(id)[j] as number
const total =
  (id: string, scale: number) =>
  (p: Panel, t: number): number =>
    p.sum(t, (j) => p.col(id)[j] as number) * scale

/** The dashboard's formulas, as given in the brief; calibrate and check against these. */
export const NATIONAL_FIGURES: readonly NationalFigure[] = [
  { key: 'kg_rate', tolerance: 'pp', compute: ratio(one('kg_enrol'), one('pop_3_5'), 100) },
  { key: 'kg_enrol', tolerance: 'rel', compute: total('kg_enrol', 1e-4) },
  { key: 'kg_count', tolerance: 'rel', compute: total('kg_count', 1e-4) },
  { key: 'kg_public_count', tolerance: 'rel', compute: total('kg_public_count', 1e-4) },
  {
    key: 'kg_coverage',
    tolerance: 'pp',
    compute: ratio(
      (c, j) => (c('kg_public_enrol')[j] as number) + (c('kg_inclusive_private_enrol')[j] as number),
      one('kg_enrol'),
      100,
    ),
  },
  { key: 'kg_public_share', tolerance: 'pp', compute: ratio(one('kg_public_enrol'), one('kg_enrol'), 100) },
  { key: 'kg_ratio', tolerance: 'rel', compute: ratio(one('kg_enrol'), one('kg_teachers'), 1) },
  { key: 'pri_ratio', tolerance: 'rel', compute: ratio(one('pri_enrol'), one('pri_teachers'), 1) },
  { key: 'jun_ratio', tolerance: 'rel', compute: ratio(one('jun_enrol'), one('jun_teachers'), 1) },
  { key: 'sh_ratio', tolerance: 'rel', compute: ratio(one('sh_enrol'), one('sh_teachers'), 1) },
  { key: 'pri_bachelor', tolerance: 'pp', compute: ratio(one('pri_teachers_bachelor'), one('pri_teachers'), 100) },
  { key: 'jun_bachelor', tolerance: 'pp', compute: ratio(one('jun_teachers_bachelor'), one('jun_teachers'), 100) },
  {
    key: 'big56_share',
    tolerance: 'pp',
    compute: ratio(
      (c, j) => (c('pri_classes_56')[j] as number) + (c('jun_classes_56')[j] as number),
      (c, j) => (c('pri_classes')[j] as number) + (c('jun_classes')[j] as number),
      100,
    ),
  },
  {
    key: 'big66_share',
    tolerance: 'pp',
    compute: ratio(
      (c, j) => (c('pri_classes_66')[j] as number) + (c('jun_classes_66')[j] as number),
      (c, j) => (c('pri_classes')[j] as number) + (c('jun_classes')[j] as number),
      100,
    ),
  },
  {
    key: 'big56_count',
    tolerance: 'rel',
    compute: (p, t) =>
      p.sum(t, (j) => (p.col('pri_classes_56')[j] as number) + (p.col('jun_classes_56')[j] as number)) * 1e-4,
  },
  {
    key: 'big66_count',
    tolerance: 'rel',
    compute: (p, t) =>
      p.sum(t, (j) => (p.col('pri_classes_66')[j] as number) + (p.col('jun_classes_66')[j] as number)) * 1e-4,
  },
  { key: 'consol_rate', tolerance: 'pp', compute: ratio(one('consol_grads'), one('consol_cohort'), 100) },
  {
    key: 'hs_rate',
    tolerance: 'pp',
    compute: ratio((c, j) => (c('sh_enrol')[j] as number) + (c('vs_enrol')[j] as number), one('pop_15_17'), 100),
  },
  { key: 'edu_budget', tolerance: 'rel', compute: total('edu_budget', 1e-4) },
  {
    key: 'edu_budget_growth',
    tolerance: 'pp',
    compute: (p, t) =>
      t === 0
        ? NaN
        : 100 *
          (p.sum(t, (j) => p.col('edu_budget')[j] as number) / p.sum(t - 1, (j) => p.col('edu_budget')[j] as number) -
            1),
  },
  { key: 'edu_share', tolerance: 'pp', compute: ratio(one('edu_budget'), one('budget_total'), 100) },
  { key: 'ps_kg', tolerance: 'rel', compute: ratio(one('spend_kg'), one('kg_enrol'), 1e4) },
  { key: 'ps_pri', tolerance: 'rel', compute: ratio(one('spend_pri'), one('pri_enrol'), 1e4) },
  { key: 'ps_jun', tolerance: 'rel', compute: ratio(one('spend_jun'), one('jun_enrol'), 1e4) },
  { key: 'ps_sh', tolerance: 'rel', compute: ratio(one('spend_sh'), one('sh_enrol'), 1e4) },
]

export interface CheckRow {
  year: number
  key: TargetKey
  status: string
  target: number
  simulated: number
  /** Percentage points for rates, percent of target otherwise. */
  diff: number
  unit: 'pp' | '%'
  ok: boolean
  /** true when the figure cannot be computed from a 2015–2024 panel (2015 growth). */
  notComputable: boolean
}

export function checkNational(panel: Panel, targets: NationalTargets): CheckRow[] {
  const rows: CheckRow[] = []
  for (const fig of NATIONAL_FIGURES) {
    for (const h of targets.hard(fig.key)) {
      const t = (YEARS as readonly number[]).indexOf(h.year)
      const sim = fig.compute(panel, t)
      const notComputable = Number.isNaN(sim)
      const diff = fig.tolerance === 'pp' ? sim - h.value : (100 * (sim - h.value)) / h.value
      const ok = notComputable || (fig.tolerance === 'pp' ? Math.abs(diff) <= 1 : Math.abs(diff) <= 3)
      rows.push({
        year: h.year,
        key: fig.key,
        status: h.status,
        target: h.value,
        simulated: sim,
        diff,
        unit: fig.tolerance === 'pp' ? 'pp' : '%',
        ok,
        notComputable,
      })
    }
  }
  return rows
}

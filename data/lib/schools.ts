// The simulated school layer (模拟数据): the schools of every county, one row per school and
// year, whose sums are exactly the county panel's counts for every field of
// SCHOOL_TO_COUNTY. Read from the panel files already written, so `npm run data` and
// `npm run data:schools` write the same bytes. Each county plans its schools once from its
// own random stream (sizes, 城乡, 民办, 教学点 that close), then each year's county totals are
// split over the schools open that year by `apportion`, within bounds that keep every
// school plausible (at least one pupil, class and teacher; 班额 bands its pupils can fill).
// The 优质均衡 inputs are then set so that the 综合差异系数 computed from the schools comes
// out near the county's reported one (equipSection).
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api'
import {
  CLASS_BANDS,
  SCHOOL_COLUMNS,
  SCHOOL_FIELDS,
  SCHOOL_STAGES,
  SCHOOL_TO_COUNTY,
  type Ownership,
  type SchoolStage,
  type Section,
  type UrbanRural,
} from '../../src/schools/fields.ts'
import { schoolAggregateQuery } from '../../src/queries/schools.ts'
import { CV_SECTIONS, SCHOOL_INDICATORS, type CvSection, type SchoolIndicatorId } from '../../src/schools/indicators.ts'
import { apportion, apportionSticky } from './apportion.ts'
import { countyRng, type Rng } from './random.ts'
import { YEARS } from './targets.ts'

export const SCHOOL_FOLDER = 'schools'
export const SCHOOL_TEMPLATE = 'school-template.csv'

const T = YEARS.length
/** How far (share of its proportional value) a school's classes, staff or 随迁子女 may lag before they move. */
const STICKY = 0.15
const SECTIONS: readonly Section[] = ['pri', 'jun', 'sh']
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x))
const at = <V>(xs: readonly V[], i: number): V => xs[i] as V
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0)

/** The county fields the schools are split from, per county, one value per year. */
type Totals = Record<string, number[]>

interface County {
  code: string
  name: string
  countyType: string
  totals: Totals
}

interface Plan {
  stage: SchoolStage
  sections: readonly Section[]
  urban: UrbanRural
  ownership: Ownership
  name: string
  /** Relative size, and its year-on-year path (log scale). */
  size: number
  path: number[]
  /** First year the school is closed (撤并), or Infinity. */
  closes: number
  /** Pupils per class it aims at, and how well qualified its teachers are (log scale). */
  classSize: number
  quality: number
  /** Year index of its one re-equipment round (2016–2022): new equipment and 多媒体教室. */
  refit: number
  /** Where it stands on each of the 7 优质均衡 indicators (SCHOOL_INDICATORS order), in standard units. */
  standing: number[]
}

/** One school-year: its numeric columns by id; a column it leaves empty is absent. */
type Row = Map<string, number>

const CN_DIGITS = '〇一二三四五六七八九'

/** 1–999 in Chinese numerals, as school names write them (第十二中学). */
function chineseNumber(n: number): string {
  const d = (k: number) => CN_DIGITS[k] as string
  if (n < 10) return d(n)
  if (n < 20) return `十${n % 10 ? d(n % 10) : ''}`
  if (n < 100) return `${d(Math.floor(n / 10))}十${n % 10 ? d(n % 10) : ''}`
  const rest = n % 100
  const tail =
    rest === 0 ? '' : rest < 10 ? `〇${d(rest)}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)
  return `${d(Math.floor(n / 100))}百${tail}`
}

const NAME_SUFFIX: Readonly<Record<SchoolStage, string>> = {
  小学: '小学',
  教学点: '小学教学点',
  初中: '初级中学',
  九年一贯制学校: '九年一贯制学校',
  完全中学: '中学',
  高级中学: '高级中学',
}

function planSchools(c: County, g: Rng): Plan[] {
  const typeUrban: Readonly<Record<string, number>> = { 市辖区: 0.8, 县级市: 0.5, 不设区的地级市: 0.7 }
  const u = clamp((typeUrban[c.countyType] ?? 0.3) + 0.15 * g.normal(), 0.05, 0.95)
  const least = (id: string) => Math.min(...(c.totals[id] ?? []))
  // No more schools teaching a section than its fewest classes (in any year) can go round.
  const room = (sec: Section, perSchool: number) => Math.max(1, Math.floor(least(`${sec}_classes`) / perSchool))
  // 民办: a few schools everywhere, and enough places for the 随迁子女 not in 公办 schools.
  const needPrivate = Math.max(...YEARS.map((_, t) => notPublicShare(c, t)))
  const perPri = 380 + 700 * u + 80 * g.normal()
  const perJun = 520 + 900 * u + 100 * g.normal()
  const privateWanted = needPrivate > 0 || g.chance(0.3 + 0.5 * u)
  const nPrivate = privateWanted
    ? clamp(Math.round((least('pri_enrol') / perPri) * (0.04 + needPrivate)), 1, Math.max(1, room('jun', 3) - 1))
    : 0
  const nPri = clamp(Math.round(least('pri_enrol') / perPri), 1, Math.max(1, room('pri', 2) - nPrivate))
  const nJun = clamp(Math.round(least('jun_enrol') / perJun), 1, Math.max(1, room('jun', 3) - nPrivate))
  const nSh = clamp(Math.round(least('sh_enrol') / (1400 + 1200 * u)), 1, room('sh', 3))
  const nNine = Math.min(nPri - 1, Math.floor(nJun * g.uniform(0.08, 0.3)))
  const nFull = Math.max(0, Math.min(nJun - nNine - 1, Math.floor(nSh * g.uniform(0.15, 0.5))))
  const points =
    u > 0.7 ? 0 : Math.min(room('pri', 2) - nPri - nPrivate, Math.round(nPri * (1 - u) * g.uniform(0.15, 0.9)))

  // Numbered per 学段 (第三小学), 民办 schools apart (民办第一学校).
  const counters = new Map<string, number>()
  const urbanOf = (rank: number): UrbanRural => (rank < u ? '城区' : rank < u + (1 - u) * 0.45 ? '镇区' : '乡村')
  const plan = (stage: SchoolStage, ownership: Ownership, size: number, urban: UrbanRural): Plan => {
    const series = ownership === '民办' ? ownership : stage
    const k = (counters.get(series) ?? 0) + 1
    counters.set(series, k)
    const sections = SCHOOL_STAGES.find((s) => s.id === stage)?.sections ?? []
    const rural = urban === '乡村' ? 1 : urban === '镇区' ? 0.5 : 0
    const drift = g.normal() * 0.02 - 0.01 * rural
    const noise = g.ar1(T, 0.04, 0.8)
    const name =
      ownership === '民办'
        ? `${c.name}民办第${chineseNumber(k)}学校`
        : `${c.name}第${chineseNumber(k)}${NAME_SUFFIX[stage]}`
    return {
      stage,
      sections,
      urban,
      ownership,
      name,
      size,
      path: noise.map((x, t) => x + drift * t),
      closes: stage === '教学点' && g.chance(0.45) ? (YEARS[Math.floor(g.uniform(1, T))] as number) : Infinity,
      classSize: stage === '教学点' ? g.uniform(6, 18) : 46 - 16 * rural + 3 * g.normal(),
      quality: 0.6 * (1 - rural) + 0.3 * g.normal(),
      refit: 1 + 2 * Math.floor(g.uniform(0, 4)),
      standing: [],
    }
  }
  const lognormal = (median: number, sd: number) => median * Math.exp(sd * g.normal())
  const schools: Plan[] = []
  for (let k = 0; k < nPri - nNine; k++) {
    const rank = g.next()
    schools.push(plan('小学', '公办', lognormal(rank < u ? 1.6 : 0.7, 0.45), urbanOf(rank)))
  }
  for (let k = 0; k < nJun - nNine - nFull; k++) {
    const rank = g.next()
    schools.push(plan('初中', '公办', lognormal(rank < u ? 1.4 : 0.8, 0.35), urbanOf(rank)))
  }
  for (let k = 0; k < nNine; k++) schools.push(plan('九年一贯制学校', '公办', lognormal(0.9, 0.4), urbanOf(g.next())))
  for (let k = 0; k < nFull; k++) schools.push(plan('完全中学', '公办', lognormal(1.2, 0.3), urbanOf(g.next() * u)))
  for (let k = 0; k < nSh - nFull; k++) schools.push(plan('高级中学', '公办', lognormal(1, 0.3), urbanOf(g.next() * u)))
  for (let k = 0; k < points; k++) schools.push(plan('教学点', '公办', lognormal(0.05, 0.5), '乡村'))
  // The first 民办 school teaches both parts, so 民办 places exist in each (privateShare).
  for (let k = 0; k < nPrivate; k++)
    schools.push(
      plan(k === 0 || g.chance(0.6) ? '九年一贯制学校' : '小学', '民办', lognormal(1.2, 0.5), urbanOf(g.next() * u)),
    )
  return schools
}

/** 随迁子女 not in 公办 schools, as a share of the county's compulsory pupils in year t. */
function notPublicShare(c: County, t: number): number {
  const m = at(c.totals['migrant_children'] ?? [], t) - at(c.totals['migrant_children_public'] ?? [], t)
  return m / (at(c.totals['pri_enrol'] ?? [], t) + at(c.totals['jun_enrol'] ?? [], t))
}

/** The share of a section's pupils in 民办 schools in year t: at least 1.3× the 随迁子女 they must take. */
function privateShare(c: County, t: number, base: number): number {
  return clamp(Math.max(base, 1.3 * notPublicShare(c, t) + 0.01), 0.01, 0.9)
}

const total = (c: County, id: string, t: number): number => {
  const v = at(c.totals[id] ?? [], t)
  if (!Number.isFinite(v)) throw new Error(`${c.code} ${YEARS[t]}: ${id} is empty`)
  return v
}

/** Splits one section's county totals of year t over the schools (`open`) that teach it. */
function splitSection(
  c: County,
  sec: Section,
  t: number,
  open: readonly Plan[],
  rows: readonly Row[],
  share: number,
  before: readonly (Row | null)[],
): boolean {
  const n = open.length
  const last = (id: string) => before.map((r) => r?.get(`${sec}_${id}`))
  const zeros = open.map(() => 0)
  const inf = open.map(() => Infinity)
  const weights = open.map((p) => p.size * Math.exp(at(p.path, t)))
  const priv = sum(weights.filter((_, i) => at(open, i).ownership === '民办'))
  const pub = sum(weights) - priv
  const w = weights.map((x, i) =>
    priv > 0 && at(open, i).ownership === '民办' ? (x * share * pub) / ((1 - share) * priv) : x,
  )
  const e = apportion(
    total(c, `${sec}_enrol`, t),
    w,
    open.map(() => 1),
    inf,
  )

  // 大班额 go to the larger schools of 城区 and 镇区 first, as many as their pupils can fill:
  // the 66+ classes, then the 56–65 ones beside them.
  const bigClasses = (value: number, room: readonly number[], perClass: readonly number[]) => {
    // Larger schools of 城区 and 镇区, then any school, then (a handful of county-years) one pupil a class.
    const caps = [perClass[0] as number, ...perClass, 1].map((size, k) =>
      open.map((p, i) =>
        k >= 2 || (p.stage !== '教学点' && p.urban !== '乡村') ? Math.max(0, Math.floor(at(room, i) / size)) : 0,
      ),
    )
    return apportion(value, e, zeros, caps.find((h) => sum(h) >= value) ?? at(caps, 3))
  }
  const c56 = total(c, `${sec}_classes_56`, t)
  const c66 = sec === 'sh' ? null : total(c, `${sec}_classes_66`, t)
  const n66Fixed = c66 === null ? zeros : bigClasses(c66, e, [70, 66])
  const n5665 = bigClasses(
    c56 - (c66 ?? 0),
    e.map((x, i) => x - 66 * at(n66Fixed, i)),
    [60, 56],
  )
  // 普通高中 has no 66+ count of its own: as many of its 56+ classes as its pupils need.
  const n66 =
    c66 === null ? n5665.map((k, i) => clamp(Math.ceil((at(e, i) - 65 * k) / 25), 0, Math.floor(k / 2))) : n66Fixed
  const n56 = n5665.map((k, i) => (c66 === null ? k : k + at(n66, i)))
  // Pupils the big classes hold at least and at most (a 66+ class up to 90).
  const bigMin = n56.map((k, i) => 56 * k + 10 * at(n66, i))
  const bigMax = n56.map((k, i) => 65 * k + 25 * at(n66, i))
  const strict = open.map((_, i) => Math.max(1, at(n56, i) + Math.max(0, Math.ceil((at(e, i) - at(bigMax, i)) / 55))))
  const classes = total(c, `${sec}_classes`, t)
  // A few simulated county-years have more pupils than their classes under 56 can seat
  // (e.g. 119 pupils, 2 classes, no 56+ class), or more 56+ classes than pupils to fill
  // them: their schools get the classes anyway.
  const loose = sum(strict) > classes || bigMin.some((x, i) => x > at(e, i))
  const lo = loose ? n56.map((k) => Math.max(1, k)) : strict
  const hi = open.map((_, i) => Math.max(at(lo, i), at(n56, i) + at(e, i) - at(bigMin, i)))
  const cls = apportionSticky(
    classes,
    e.map((x, i) => x / at(open, i).classSize),
    lo,
    hi,
    before.map((r) => (r ? sum(CLASS_BANDS.map((b) => r.get(`${sec}_${b.suffix}`) ?? 0)) : undefined)),
    STICKY,
  )

  // Staff counts hold from year to year unless the school has moved away from its share.
  const teachers = apportionSticky(
    total(c, `${sec}_teachers`, t),
    cls.map((k, i) => k * (at(open, i).stage === '教学点' ? 1.6 : 1) + 0.5),
    open.map(() => 1),
    inf,
    last('teachers'),
    STICKY,
  )
  const lastTeachers = last('teachers')
  const extra = apportionSticky(
    total(c, `${sec}_staff`, t) - total(c, `${sec}_teachers`, t),
    teachers,
    zeros,
    inf,
    last('staff').map((v, i) => (v === undefined ? v : v - (at(lastTeachers, i) ?? 0))),
    STICKY,
  )
  const bachelor =
    sec === 'sh'
      ? null
      : apportionSticky(
          total(c, `${sec}_teachers_bachelor`, t),
          teachers.map((k, i) => k * Math.exp(at(open, i).quality)),
          zeros,
          teachers,
          last('teachers_bachelor'),
          STICKY,
        )
  const intake = sec === 'sh' ? apportion(total(c, 'sh_intake', t), e, zeros, e) : null

  for (let i = 0; i < n; i++) {
    const row = at(rows, i)
    const k = at(cls, i)
    const k56 = at(n56, i)
    const k66 = at(n66, i)
    const r = k - k56
    const pupils = at(e, i)
    // Pupils left for the classes under 56, then as few 46–55 classes as they need (and some more where classes run large).
    const rest = clamp(pupils - (60 * (k56 - k66) + 70 * k66), r, 55 * r)
    const need = Math.max(0, Math.ceil((rest - 45 * r) / 10))
    const room = r > 0 ? Math.floor((rest - r) / 45) : 0
    const k46 = clamp(Math.round(r * clamp((rest / Math.max(r, 1) - 38) / 20, 0, 0.6)), need, Math.max(need, room))
    const set = (id: string, v: number) => row.set(`${sec}_${id}`, v)
    set('enrol', pupils)
    set('classes_45', r - k46)
    set('classes_46_55', k46)
    set('classes_56_65', k56 - k66)
    set('classes_66', k66)
    set('teachers', at(teachers, i))
    set('staff', at(teachers, i) + at(extra, i))
    if (intake) set('intake', at(intake, i))
    if (bachelor) set('teachers_bachelor', at(bachelor, i))
  }
  return loose
}

/** 随迁子女: the 公办 count over 公办 schools (city schools first), the rest over 民办 ones. */
function splitMigrants(
  c: County,
  t: number,
  open: readonly Plan[],
  rows: readonly Row[],
  before: readonly (Row | null)[],
) {
  const pupils = rows.map((r) => (r.get('pri_enrol') ?? 0) + (r.get('jun_enrol') ?? 0))
  const urbanWeight: Readonly<Record<UrbanRural, number>> = { 城区: 4, 镇区: 1.5, 乡村: 0.4 }
  const part = (own: Ownership, value: number) => {
    const w = open.map((p, i) => (p.ownership === own ? at(pupils, i) * urbanWeight[p.urban] : 0))
    const hi = open.map((p, i) => (p.ownership === own ? at(pupils, i) : 0))
    const last = before.map((r, i) => (at(open, i).ownership === own ? r?.get('migrant_children') : undefined))
    return apportionSticky(
      value,
      w,
      open.map(() => 0),
      hi,
      last,
      STICKY,
    )
  }
  const all = total(c, 'migrant_children', t)
  const pub = total(c, 'migrant_children_public', t)
  const a = part('公办', pub)
  const b = part('民办', all - pub)
  rows.forEach((r, i) => {
    if (at(open, i).sections.some((s) => s !== 'sh')) r.set('migrant_children', at(a, i) + at(b, i))
  })
}

/**
 * How far above its line the county's average school stands on each indicator, 2015 → 2024
 * (the 专科 teachers of 小学 are capped by the teachers there are; 初中's 本科 are county
 * counts). Floor space and sports ground are built once, at the first level; equipment and
 * 多媒体教室 are renewed once, to the last.
 */
const LEVEL: Readonly<Record<SchoolIndicatorId, readonly [number, number]>> = {
  qualified_teachers: [1.35, 1.5],
  backbone_teachers: [1.05, 1.7],
  pe_arts_teachers: [1.05, 1.6],
  building_area: [1.7, 1.7],
  sports_area: [1.6, 1.6],
  equipment_value: [0.95, 1.9],
  multimedia_rooms: [0.65, 1.8],
}
/** Rural schools' standing against urban ones: more room per pupil, fewer 骨干 and 音体美 teachers, less equipment. */
const RURAL_SHIFT: Readonly<Record<SchoolIndicatorId, number>> = {
  qualified_teachers: 0,
  backbone_teachers: -0.6,
  pe_arts_teachers: -0.5,
  building_area: 0.4,
  sports_area: 0.5,
  equipment_value: -0.4,
  multimedia_rooms: -0.3,
}
const RESOURCES = ['building_area', 'sports_area', 'equipment_value', 'multimedia_rooms'] as const
const CV_FIELD: Readonly<Record<CvSection, string>> = { pri: 'cv_primary', jun: 'cv_junior' }
/** Dispersion used where a county reports no coefficient in any year. */
const DEFAULT_CV: Readonly<Record<CvSection, number>> = { pri: 0.45, jun: 0.4 }

/** Each school's standing on the 7 indicators: a school-wide part, its own part, and where it is. */
function drawStandings(plans: readonly Plan[], g: Rng): number[] {
  for (const p of plans) {
    const rural = p.urban === '乡村' ? 1 : p.urban === '镇区' ? 0.5 : 0
    const common = g.normal()
    p.standing = SCHOOL_INDICATORS.map((ind) => 0.5 * common + 0.85 * g.normal() + RURAL_SHIFT[ind.id] * rural)
  }
  // The county's own standing on each indicator.
  return SCHOOL_INDICATORS.map(() => Math.exp(0.1 * g.normal()))
}

const pupilsOf = (row: Row): number => SECTIONS.reduce((s, sec) => s + (row.get(`${sec}_enrol`) ?? 0), 0)

const isWholeSchool = (id: string): boolean => SCHOOL_FIELDS.find((f) => f.id === id)?.section === 'school'

/**
 * The 综合差异系数 the app computes (docs/schools.md): the mean of the 7 CVs weighted by `weights`,
 * `values[k][i]` being school i's X on indicator k; null with fewer than 2 schools.
 */
function compositeCv(weights: readonly number[], values: readonly (readonly number[])[]): number | null {
  if (weights.length < 2) return null
  const w = sum(weights)
  let cvs = 0
  for (const x of values) {
    let wx = 0
    for (let i = 0; i < weights.length; i++) wx += at(weights, i) * at(x, i)
    const mean = wx / w
    if (!(mean > 0)) return null
    let ss = 0
    for (let i = 0; i < weights.length; i++) ss += at(weights, i) * (at(x, i) - mean) ** 2
    cvs += Math.sqrt(ss / w) / mean
  }
  return cvs / values.length
}

/** The reported coefficient of year t, else that of the nearest year reported. */
function reportedCv(c: County, sec: CvSection, t: number): number {
  const v = c.totals[CV_FIELD[sec]] ?? []
  const years = YEARS.map((_, k) => k).filter((k) => Number.isFinite(at(v, k)))
  if (years.length === 0) return DEFAULT_CV[sec]
  const nearest = years.reduce((a, k) => (Math.abs(k - t) < Math.abs(a - t) ? k : a))
  return at(v, nearest)
}

/** 教学仪器设备值 in 万元 as a 基表 gives it: to 0.1 万元 (1,000 元) under 100 万元, whole 万元 above. */
const equipmentValue = (wan: number): number => (wan < 100 ? Math.max(0.1, Math.round(wan * 10) / 10) : Math.round(wan))

interface Member {
  p: Plan
  row: Row
  before: Row | null
}

/** Teacher counts move only when the target has moved away (a school's 骨干 and 音体美 are not re-counted from scratch each year). */
const sticky = (target: number, before: number | undefined, lo: number, hi: number): number =>
  clamp(
    before !== undefined && Math.abs(before - target) <= Math.max(1, 0.2 * target) ? before : Math.round(target),
    lo,
    hi,
  )

/**
 * The 优质均衡 inputs of year t for the schools of one section: 专科 (小学), 骨干 and 音体美
 * teachers every year; equipment and 多媒体教室 in a school's re-equipment rounds, floor space and
 * sports ground once, for the schools whose resources the section decides (`owned`); otherwise
 * last year's, unchanged. A school's per-pupil figure is its line × the county's level ×
 * exp(spread × standing): `spread` is searched so that the composite CV the app computes comes
 * out at the county's reported 综合差异系数.
 */
function equipSection(
  c: County,
  sec: CvSection,
  t: number,
  members: readonly Member[],
  owned: readonly Member[],
  lift: readonly number[],
  noise: number,
): void {
  const levelIn = (k: number) =>
    SCHOOL_INDICATORS.map((ind, i) => {
      const [from, to] = LEVEL[ind.id]
      return ind.line[sec] * (from + (to - from) * k) * at(lift, i)
    })
  const level = levelIn(t / (T - 1))
  // A re-equipment round equips the school for the years ahead: to the level of 2024.
  const ahead = levelIn(1)
  const perPupil = (spread: number, p: Plan, i: number, lv: readonly number[] = level) =>
    at(lv, i) * Math.exp(spread * at(p.standing, i) - spread ** 2 / 2)
  const teacherIds = [sec === 'pri' ? 'pri_teachers_college' : null, `${sec}_backbone`, `${sec}_pe_arts`]
  const enrol = members.map(({ row }) => row.get(`${sec}_enrol`) ?? 0)
  const teachers = members.map(({ row }) => row.get(`${sec}_teachers`) ?? 0)
  const floor = members.map(({ row }) => (sec === 'pri' ? (row.get('pri_teachers_bachelor') ?? 0) : 0))
  const counts = (spread: number) =>
    teacherIds.map((id, i) =>
      members.map(({ p, before }, m) =>
        id === null
          ? 0
          : sticky(
              (at(enrol, m) * perPupil(spread, p, i)) / 100,
              before?.get(id),
              i === 0 ? at(floor, m) : 0,
              at(teachers, m),
            ),
      ),
    )
  const refits = owned.map(({ p, before }) => before === null || t === p.refit)
  const resources = (spread: number): number[][] =>
    owned.map(({ p, row, before }, m) => {
      const pupils = pupilsOf(row)
      const kept = (id: string) => before?.get(id) ?? 0
      const built = before === null
      const refit = at(refits, m)
      const lv = built ? level : ahead
      return [
        built ? Math.max(10, 10 * Math.round((pupils * perPupil(spread, p, 3)) / 10)) : kept('building_area'),
        built ? Math.max(10, 10 * Math.round((pupils * perPupil(spread, p, 4)) / 10)) : kept('sports_area'),
        refit ? equipmentValue((pupils * perPupil(spread, p, 5, lv)) / 10000) : kept('equipment_value'),
        refit ? Math.max(1, Math.round((pupils * perPupil(spread, p, 6, lv)) / 100)) : kept('multimedia_rooms'),
      ]
    })
  // The schools the coefficient counts, and where each one's whole-school resources are.
  const ownedAt = new Map(owned.map(({ row }, o) => [row, o]))
  const counted = members.flatMap(({ p, row }, m) =>
    p.stage !== '教学点' && at(enrol, m) > 0 ? [{ m, o: ownedAt.get(row) ?? -1, row, pupils: pupilsOf(row) }] : [],
  )
  const whole = SCHOOL_INDICATORS.map((ind) => isWholeSchool(ind.input[sec]))
  const weights = counted.map(({ m }) => at(enrol, m))
  const evaluate = (spread: number) => {
    const cnt = counts(spread)
    const res = resources(spread)
    const values = SCHOOL_INDICATORS.map((ind, i) =>
      counted.map(({ m, o, row, pupils }) => {
        if (i < 3) {
          const v = i === 0 && sec === 'jun' ? (row.get('jun_teachers_bachelor') ?? 0) : at(at(cnt, i), m)
          return (100 * v) / at(enrol, m)
        }
        const input = ind.input[sec]
        const v = o >= 0 ? at(at(res, o), i - 3) : (row.get(input) ?? 0)
        return (ind.scale * v) / (at(whole, i) ? pupils : at(enrol, m))
      }),
    )
    return { cnt, res, cv: compositeCv(weights, values) }
  }
  const target = reportedCv(c, sec, t) + noise
  // The composite grows with the spread: bisection.
  let lo = 0
  let hi = 1.5
  for (let it = 0; it < 12; it++) {
    const mid = (lo + hi) / 2
    const { cv } = evaluate(mid)
    if (cv === null) break
    if (cv < target) lo = mid
    else hi = mid
  }
  const { cnt, res } = evaluate((lo + hi) / 2)
  members.forEach(({ row }, m) => teacherIds.forEach((id, i) => id && row.set(id, at(at(cnt, i), m))))
  owned.forEach(({ row }, o) => RESOURCES.forEach((id, i) => row.set(id, at(at(res, o), i))))
}

/** The 优质均衡 inputs of every school-year, year by year, 小学 before 初中 (a 九年一贯制's resources follow its 小学). */
function equipCounty(c: County, plans: readonly Plan[], years: readonly (Row | null)[][], g: Rng): void {
  const lift = drawStandings(plans, g)
  YEARS.forEach((_, t) => {
    const open = plans.flatMap((p, i) => {
      const row = at(at(years, i), t)
      return row ? [{ p, row, before: t > 0 ? at(at(years, i), t - 1) : null }] : []
    })
    for (const sec of CV_SECTIONS) {
      const members = open.filter(({ p }) => p.sections.includes(sec))
      // 初中 decides the resources of every school without a 小学 part, 高级中学 included.
      const owned = open.filter(({ p }) => p.sections.includes('pri') === (sec === 'pri'))
      // The base table and the county's own report rarely agree to the last digit.
      equipSection(c, sec, t, members, owned, lift, 0.02 * g.normal())
    }
  })
}

/** Every school-year of one county, in plan order, year by year. */
function simulateCounty(c: County, seed: number): { schools: { plan: Plan; years: (Row | null)[] }[]; loose: number } {
  const g = countyRng(seed, c.code, 'schools')
  const plans = planSchools(c, g)
  const base = g.uniform(0.02, 0.1)
  const years = plans.map(() => YEARS.map((): Row | null => null))
  let loose = 0
  YEARS.forEach((y, t) => {
    const open = plans.map((p, i) => ({ p, i })).filter(({ p }) => y < p.closes)
    const rows = open.map(({ i }) => {
      const r: Row = new Map()
      at(years, i)[t] = r
      return r
    })
    const share = privateShare(c, t, base)
    const before = open.map(({ i }) => (t > 0 ? at(at(years, i), t - 1) : null))
    for (const sec of SECTIONS) {
      const teach = open
        .map((x, k) => ({ ...x, row: at(rows, k), before: at(before, k) }))
        .filter(({ p }) => p.sections.includes(sec))
      try {
        if (
          splitSection(
            c,
            sec,
            t,
            teach.map((x) => x.p),
            teach.map((x) => x.row),
            share,
            teach.map((x) => x.before),
          )
        )
          loose++
      } catch (err) {
        throw new Error(`${c.code} ${y} ${sec}: ${(err as Error).message}`, { cause: err })
      }
    }
    splitMigrants(
      c,
      t,
      open.map((x) => x.p),
      rows,
      before,
    )
  })
  equipCounty(c, plans, years, countyRng(seed, c.code, 'resources'))
  return { schools: plans.map((plan, i) => ({ plan, years: at(years, i) })), loose }
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`

async function readCounties(conn: DuckDBConnection, dataDir: string): Promise<County[]> {
  const fields = [...new Set(SCHOOL_TO_COUNTY.map((s) => s.county)), ...Object.values(CV_FIELD)]
  const reader = await conn.runAndReadAll(
    `SELECT p.code, c.name, c.county_type, ${fields.map((f) => `list(p.${f} ORDER BY p.year) AS ${f}`).join(', ')}
     FROM read_parquet(${sqlString(join(dataDir, 'panel', '*.parquet'))}) p JOIN read_parquet(${sqlString(join(dataDir, 'counties.parquet'))}) c USING (code)
     GROUP BY p.code, c.name, c.county_type ORDER BY p.code`,
  )
  return reader.getRowObjectsJS().map((r) => ({
    code: r['code'] as string,
    name: r['name'] as string,
    countyType: r['county_type'] as string,
    totals: Object.fromEntries(fields.map((f) => [f, (r[f] as (number | null)[]).map((v) => (v === null ? NaN : v))])),
  }))
}

function appendRow(app: DuckDBAppender, c: County, id: string, p: Plan, year: number, row: Row): void {
  const text: Readonly<Record<string, string>> = {
    school_id: id,
    school_name: p.name,
    code: c.code,
    stage: p.stage,
    urban_rural: p.urban,
    ownership: p.ownership,
  }
  for (const col of SCHOOL_COLUMNS) {
    if (col.id === 'year') app.appendInteger(year)
    else if (col.type === 'VARCHAR') app.appendVarchar(text[col.id] as string)
    else {
      const v = row.get(col.id)
      if (v === undefined) app.appendNull()
      else if (col.type === 'INTEGER') app.appendInteger(v)
      else app.appendDouble(v)
    }
  }
  app.endRow()
}

export interface SchoolFile {
  province: string
  file: string
  schools: number
  rows: number
  bytes: number
  /** County-year sections whose 班额 no split can seat (more pupils than classes under 56 hold). */
  loose: number
}

/**
 * Writes `schools/<province>.parquet` (ordered by code, school, year) and the school
 * template under dataDir, from the panel files there; aborts unless the aggregation SQL
 * of the app gives back every county row it was split from.
 */
export async function writeSchools(dataDir: string, seed: number): Promise<SchoolFile[]> {
  const dir = join(dataDir, SCHOOL_FOLDER)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    await conn.run('SET threads = 1')
    const counties = await readCounties(conn, dataDir)
    const columns = SCHOOL_COLUMNS.map((c) => `${c.id} ${c.type}`).join(', ')
    const provinces = [...new Set(counties.map((c) => c.code.slice(0, 2)))]
    const written: SchoolFile[] = []
    const examples: string[][] = []
    for (const prov of provinces) {
      await conn.run(`CREATE OR REPLACE TABLE schools (${columns})`)
      const app = await conn.createAppender('schools')
      let schools = 0
      let loose = 0
      for (const c of counties.filter((x) => x.code.startsWith(prov))) {
        const sim = simulateCounty(c, seed)
        loose += sim.loose
        sim.schools.forEach(({ plan, years }, k) => {
          const id = `${c.code}${String(k + 1).padStart(4, '0')}`
          schools++
          years.forEach((r, t) => r && appendRow(app, c, id, plan, at(YEARS, t), r))
          const last = at(years, T - 1)
          if (
            c.code === '430121' &&
            last &&
            examples.length < 2 &&
            plan.stage === (examples.length === 0 ? '小学' : '九年一贯制学校')
          )
            examples.push(templateRow(c, id, plan, at(YEARS, T - 1), last))
        })
      }
      app.closeSync()
      await checkSums(conn, dataDir, prov)
      const province = prov.padEnd(6, '0')
      const file = `${SCHOOL_FOLDER}/${province}.parquet`
      // One row group, and PLAIN beside dictionaries for the few-valued columns only: zstd packs
      // counts that differ school by school better than dictionary indices (data/README.md).
      await conn.run(
        `COPY (SELECT * FROM schools ORDER BY code, school_id, year) TO ${sqlString(join(dataDir, file))} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19, ROW_GROUP_SIZE 1000000, DICTIONARY_SIZE_LIMIT 30)`,
      )
      const rows = Number((await conn.runAndReadAll('SELECT count(*) AS n FROM schools')).getRowObjectsJS()[0]?.['n'])
      written.push({ province, file, schools, rows, loose, bytes: statSync(join(dataDir, file)).size })
    }
    writeSchoolTemplate(dataDir, examples)
    return written
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

/** The app's aggregation over the province's schools must give back its panel rows, field by field. */
async function checkSums(conn: DuckDBConnection, dataDir: string, prov: string): Promise<void> {
  const q = schoolAggregateQuery('schools', prov)
  const fields = [...new Set(SCHOOL_TO_COUNTY.map((s) => s.county))]
  const reader = await conn.runAndReadAll(
    `WITH agg AS (${q.sql}), panel AS (SELECT * FROM read_parquet(${sqlString(join(dataDir, 'panel', `${prov.padEnd(6, '0')}.parquet`))}))
     SELECT count(*) AS n FROM panel FULL JOIN agg USING (code, year)
     WHERE ${fields.map((f) => `panel.${f} IS DISTINCT FROM agg.${f}`).join(' OR ')}`,
    q.params as string[],
  )
  const bad = Number(reader.getRowObjectsJS()[0]?.['n'])
  if (bad > 0) throw new Error(`province ${prov}: ${bad} county-years whose schools do not sum to the panel`)
}

function templateRow(c: County, id: string, p: Plan, year: number, row: Row): string[] {
  const text: Readonly<Record<string, string>> = {
    school_id: id,
    school_name: p.name,
    code: c.code,
    year: String(year),
    stage: p.stage,
    urban_rural: p.urban,
    ownership: p.ownership,
  }
  return SCHOOL_COLUMNS.map((col) => text[col.id] ?? (row.has(col.id) ? String(row.get(col.id)) : ''))
}

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** school-template.csv: as the county template (UTF-8 with BOM, CRLF), one header row of Chinese labels, two example schools. */
function writeSchoolTemplate(dataDir: string, examples: readonly string[][]): void {
  const lines = [SCHOOL_COLUMNS.map((c) => c.label), ...examples].map((cells) => cells.map(csvCell).join(','))
  writeFileSync(join(dataDir, SCHOOL_TEMPLATE), '\uFEFF' + lines.join('\r\n') + '\r\n')
}

// 校际差异系数 from school rows (docs/schools.md, “差异系数（按学校计算）”): one statement for a
// whole province, the same portable SQL as schools.ts (CASE, COALESCE, CAST, sum, count, sqrt,
// window sums), identifiers only from the typed catalogs.
import { SCHOOL_FIELDS, SCHOOL_STAGES, type SchoolStage } from '../schools/fields.ts'
import {
  CV_SECTIONS,
  NEAR_LINE_SHARE,
  SCHOOL_INDICATORS,
  type CvSection,
  type SchoolIndicator,
  type SchoolIndicatorId,
} from '../schools/indicators.ts'
import { STORED_DECIMALS } from '../indicators/precision.ts'
import type { Query } from '../util/query.ts'
import { storedSql } from './indicatorSql.ts'
import { quoteString, tableName } from './schools.ts'

/** Why a coefficient is undefined: fewer than 2 schools, none at all, or X̄ = 0. */
export type CvReason = 'single' | 'no_data' | 'zero_mean'

export interface SchoolCvRow {
  code: string
  year: number
  section: CvSection
  indicator: SchoolIndicatorId | 'composite'
  /** Schools the coefficient counts (composite: the section's schools other than 教学点, with pupils). */
  schools: number
  /** The section's other rows: 教学点, no pupils, or (per indicator) the input left empty. */
  left_out: number
  enrol: number | null
  /** X̄, weighted by enrolment (NULL for the composite). */
  mean: number | null
  /** S, weighted by enrolment (NULL for the composite). */
  sd: number | null
  cv: number | null
  reason: CvReason | null
}

/** One school's part: its X_i, its share of each indicator's weighted variance, its lines. */
export type SchoolValuesRow = {
  school_id: string
  school_name: string | null
  stage: SchoolStage
  urban_rural: string | null
  ownership: string | null
  section: CvSection
  enrol: number | null
  /** False for 教学点 and parts without pupils: listed, not counted. */
  in_cv: boolean
  /** Of the 办法's 7 lines, how many X_i reaches, and how many of the rest it reaches 85 % of. */
  lines_met: number
  lines_near: number
} & Record<SchoolIndicatorId | `${SchoolIndicatorId}_share`, number | null>

const POINT: SchoolStage = '教学点'
const COMPOSITE = 'composite'

const stagesOf = (section: CvSection) =>
  SCHOOL_STAGES.filter((s) => (s.sections as readonly string[]).includes(section)).map((s) => s.id)

/** The whole school's pupils, over the parts its stage runs: whole-school resources are shared by them. */
const wholeEnrolSql = `CASE stage ${SCHOOL_STAGES.map(
  (s) => `WHEN ${quoteString(s.id)} THEN ${s.sections.map((p) => `COALESCE(${p}_enrol, 0)`).join(' + ')}`,
).join(' ')} END`

const isWholeSchool = (column: string) => SCHOOL_FIELDS.find((f) => f.id === column)?.section === 'school'

/**
 * X_i of one part. A whole-school input is shared between the parts in proportion to their
 * pupils, so its per-pupil figure is the whole school's: input ÷ the school's pupils.
 */
function valueSql(ind: SchoolIndicator, section: CvSection): string {
  const input = ind.input[section]
  const den = isWholeSchool(input) ? wholeEnrolSql : `${section}_enrol`
  return `CASE WHEN ${section}_enrol > 0 THEN ${ind.scale} * CAST(${input} AS DOUBLE) / (${den}) END`
}

/** One row per school and part of the section, 教学点 included but not `in_cv`. */
function sectionRowsSql(section: CvSection): string {
  const stages = stagesOf(section).map(quoteString).join(', ')
  const values = SCHOOL_INDICATORS.map((i) => `${valueSql(i, section)} AS ${i.id}`).join(',\n      ')
  return `SELECT code, year, school_id, school_name, stage, urban_rural, ownership, ${quoteString(section)} AS section,
      ${section}_enrol AS enrol,
      (stage <> ${quoteString(POINT)} AND COALESCE(${section}_enrol, 0) > 0) AS in_cv,
      ${values}
    FROM picked WHERE stage IN (${stages})`
}

const decimal = (n: number) => `CAST(${Number(n.toFixed(STORED_DECIMALS))} AS DOUBLE)`

/** The indicators in catalog order, with each section's line and 85 % of it. */
const indicatorsSql = SCHOOL_INDICATORS.map(
  (i, k) =>
    `SELECT ${quoteString(i.id)} AS indicator, ${k + 1} AS ord, ${CV_SECTIONS.map(
      (s) => `${decimal(i.line[s])} AS ${s}_line, ${decimal(NEAR_LINE_SHARE * i.line[s])} AS ${s}_near`,
    ).join(', ')}`,
).join(' UNION ALL ')

const sectionsSql = CV_SECTIONS.map((s, k) => `SELECT ${quoteString(s)} AS section, ${k + 1} AS sord`).join(
  ' UNION ALL ',
)

const bySection = (column: string) =>
  `CASE section ${CV_SECTIONS.map((s) => `WHEN ${quoteString(s)} THEN ${s}_${column}`).join(' ')} END`

const GROUP = 'code, year, section, indicator'
const sameGroup = (a: string, b: string) =>
  GROUP.split(', ')
    .map((c) => `${a}.${c} = ${b}.${c}`)
    .join(' AND ')

/**
 * The statements' shared steps, over the rows of `table` that `where` keeps: `vals` (one row
 * per school and part, X_i by indicator), `cells` (one row per school, part and indicator, `used`
 * where the coefficient counts it), `dev` (with X̄ of its group and its pull P_i (X_i − X̄)²)
 * and `stats` (one row per county, year, section and indicator). Deviations from X̄ rather
 * than Σ P X² − P X̄², so S never comes out of a cancellation. Grouped sums joined back
 * rather than window sums: DuckDB-wasm takes 2–3 times as long with windows over 410000.
 */
function stepsSql(table: string, where: string): string {
  return `picked AS (SELECT * FROM ${tableName(table)} WHERE ${where}),
  inds AS (${indicatorsSql}),
  sections AS (${sectionsSql}),
  vals AS (${CV_SECTIONS.map(sectionRowsSql).join('\n    UNION ALL ')}),
  cells AS (
    SELECT code, year, school_id, section, indicator, enrol, x, in_cv AND x IS NOT NULL AS used,
      ${bySection('line')} AS line, ${bySection('near')} AS near
    FROM (SELECT vals.*, inds.*,
        CASE inds.indicator ${SCHOOL_INDICATORS.map((i) => `WHEN ${quoteString(i.id)} THEN vals.${i.id}`).join(' ')} END AS x
      FROM vals CROSS JOIN inds) t
  ),
  means AS (
    SELECT ${GROUP}, sum(CASE WHEN used THEN enrol * x END) / sum(CASE WHEN used THEN enrol END) AS mean
    FROM cells GROUP BY ${GROUP}
  ),
  dev AS (
    SELECT c.*, m.mean, CASE WHEN c.used THEN c.enrol * (c.x - m.mean) * (c.x - m.mean) END AS pull
    FROM cells c JOIN means m ON ${sameGroup('m', 'c')}
  ),
  stats AS (
    SELECT ${GROUP},
      count(CASE WHEN used THEN 1 END) AS schools,
      count(*) - count(CASE WHEN used THEN 1 END) AS left_out,
      sum(CASE WHEN used THEN enrol END) AS enrol,
      max(mean) AS mean, sum(pull) AS ss
    FROM dev GROUP BY ${GROUP}
  )`
}

/**
 * One county-year's schools, part by part (小学 first): X_i by indicator, each one's share of
 * the indicator's weighted variance, P_i (X_i − X̄)² ÷ Σ P_j (X_j − X̄)² (NULL where it is not
 * counted or every school has the same X), and how many of the 办法's lines it reaches.
 */
export function schoolValuesQuery(table: string, code: string, year: number): Query {
  const pivot = SCHOOL_INDICATORS.map(
    (i) => `max(CASE WHEN d.indicator = ${quoteString(i.id)} AND s.ss > 0 THEN d.pull / s.ss END) AS ${i.id}_share`,
  ).join(',\n      ')
  const stored = `round(d.x, ${STORED_DECIMALS})`
  const sql = `WITH ${stepsSql(table, 'code = CAST(? AS STRING) AND year = CAST(? AS INTEGER)')},
  per_school AS (
    SELECT d.school_id, d.section,
      ${pivot},
      CAST(count(CASE WHEN ${stored} >= d.line THEN 1 END) AS INTEGER) AS lines_met,
      CAST(count(CASE WHEN ${stored} < d.line AND ${stored} >= d.near THEN 1 END) AS INTEGER) AS lines_near
    FROM dev d JOIN stats s ON ${sameGroup('s', 'd')}
    GROUP BY d.school_id, d.section
  )
  SELECT v.school_id, v.school_name, v.stage, v.urban_rural, v.ownership, v.section, v.enrol, v.in_cv,
    ${SCHOOL_INDICATORS.map((i) => `${storedSql(`v.${i.id}`)} AS ${i.id}`).join(', ')},
    ${SCHOOL_INDICATORS.map((i) => `${storedSql(`p.${i.id}_share`)} AS ${i.id}_share`).join(', ')},
    p.lines_met, p.lines_near
  FROM vals v
    JOIN per_school p ON p.school_id = v.school_id AND p.section = v.section
    JOIN sections s ON s.section = v.section
  ORDER BY s.sord, v.school_id`
  return { sql, params: [code, year] }
}

/**
 * Every coefficient of a province (its code, or the two-digit prefix) or of every row
 * (null), or of one county (`code`): one row per county, year, section and indicator, then
 * the section's 综合 coefficient (`composite`, the mean of the 7, defined when all 7 are).
 * Every county-year of the rows gets both sections; a section without schools is `no_data`.
 */
export function schoolCvQuery(table: string, province: string | null, code: string | null = null): Query {
  const where = `(CAST(? AS STRING) IS NULL OR substr(code, 1, 2) = substr(CAST(? AS STRING), 1, 2))
    AND (CAST(? AS STRING) IS NULL OR code = CAST(? AS STRING))`
  const flagged = (reason: CvReason) => `max(CASE WHEN j.reason = ${quoteString(reason)} THEN 1 ELSE 0 END) = 1`
  const sql = `WITH ${stepsSql(table, where)},
  grid AS (
    SELECT k.code, k.year, s.section, s.sord, i.indicator, i.ord
    FROM (SELECT DISTINCT code, year FROM picked) k CROSS JOIN sections s CROSS JOIN inds i
  ),
  judged AS (
    SELECT g.code, g.year, g.section, g.sord, g.indicator, g.ord,
      COALESCE(st.schools, 0) AS schools, COALESCE(st.left_out, 0) AS left_out, st.enrol, st.mean,
      sqrt(st.ss / st.enrol) AS sd,
      CASE WHEN st.schools >= 2 AND st.mean > 0 THEN sqrt(st.ss / st.enrol) / st.mean END AS cv,
      CASE WHEN COALESCE(st.schools, 0) = 0 THEN 'no_data' WHEN st.schools = 1 THEN 'single'
        WHEN NOT st.mean > 0 THEN 'zero_mean' END AS reason
    FROM grid g LEFT JOIN stats st
      ON ${sameGroup('st', 'g')}
  ),
  roster AS (
    SELECT code, year, section,
      count(CASE WHEN in_cv THEN 1 END) AS schools,
      count(*) - count(CASE WHEN in_cv THEN 1 END) AS left_out,
      sum(CASE WHEN in_cv THEN enrol END) AS enrol
    FROM vals GROUP BY code, year, section
  ),
  composite AS (
    SELECT j.code, j.year, j.section, j.sord, ${quoteString(COMPOSITE)} AS indicator, ${SCHOOL_INDICATORS.length + 1} AS ord,
      COALESCE(max(r.schools), 0) AS schools, COALESCE(max(r.left_out), 0) AS left_out, max(r.enrol) AS enrol,
      CAST(NULL AS DOUBLE) AS mean, CAST(NULL AS DOUBLE) AS sd,
      CASE WHEN count(j.cv) = ${SCHOOL_INDICATORS.length} THEN avg(j.cv) END AS cv,
      CASE WHEN count(j.cv) = ${SCHOOL_INDICATORS.length} THEN NULL
        WHEN ${flagged('single')} THEN 'single' WHEN ${flagged('no_data')} THEN 'no_data' ELSE 'zero_mean' END AS reason
    FROM judged j LEFT JOIN roster r ON r.code = j.code AND r.year = j.year AND r.section = j.section
    GROUP BY j.code, j.year, j.section, j.sord
  )
  SELECT code, year, section, indicator, CAST(schools AS INTEGER) AS schools, CAST(left_out AS INTEGER) AS left_out,
    CAST(enrol AS INTEGER) AS enrol, ${storedSql('mean')} AS mean, ${storedSql('sd')} AS sd, ${storedSql('cv')} AS cv, reason
  FROM (SELECT * FROM judged UNION ALL SELECT * FROM composite) t
  ORDER BY code, year, sord, ord`
  return { sql, params: [province, province, code, code] }
}

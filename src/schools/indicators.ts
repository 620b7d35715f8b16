// The 7 resource indicators of 县域义务教育优质均衡 (教督〔2017〕6号) that are judged school by
// school and whose 校际差异系数 a county must keep under the line (docs/schools.md,
// “差异系数（按学校计算）”). The SQL that computes them is queries/schoolCv.ts.
import { getIndicator, type Threshold } from '../indicators/catalog.ts'
import { verdictOf } from '../indicators/format.ts'
import type { ThresholdStatus } from '../queries/ranking.ts'
import { SECTION_NAME, type SchoolFieldId } from './fields.ts'

/** The 学段 part a coefficient is computed for. */
export type CvSection = 'pri' | 'jun'

export const CV_SECTIONS: readonly CvSection[] = ['pri', 'jun']

export const SECTION_LABEL: Readonly<Record<CvSection, string>> = { pri: SECTION_NAME.pri, jun: SECTION_NAME.jun }

export type SchoolIndicatorId =
  | 'qualified_teachers'
  | 'backbone_teachers'
  | 'pe_arts_teachers'
  | 'building_area'
  | 'sports_area'
  | 'equipment_value'
  | 'multimedia_rooms'

export interface SchoolIndicator {
  id: SchoolIndicatorId
  /** As the 办法 words it. */
  label: string
  /** For table headers. */
  short: string
  unit: '人' | '平方米' | '元' | '间'
  /** Decimals shown. */
  digits: number
  /** The 办法's line each school should reach (≥), per section. */
  line: Readonly<Record<CvSection, number>>
  /**
   * The school column counted, per section. A whole-school column (fields.ts, section
   * `school`) is shared between a school's parts by their enrolment.
   */
  input: Readonly<Record<CvSection, SchoolFieldId>>
  /** X = scale × input ÷ enrolment: 100 for 每百名学生, 10000 for 万元 → 元. */
  scale: number
}

const both = <T>(v: T): Readonly<Record<CvSection, T>> => ({ pri: v, jun: v })

export const SCHOOL_INDICATORS: readonly SchoolIndicator[] = [
  {
    id: 'qualified_teachers',
    label: '每百名学生拥有高于规定学历教师数',
    short: '高于规定学历教师',
    unit: '人',
    digits: 2,
    line: { pri: 4.2, jun: 5.3 },
    // 高于规定学历 (教师法's 规定学历: 小学 中专, 初中 专科): 专科及以上 for 小学, 本科及以上 for 初中.
    input: { pri: 'pri_teachers_college', jun: 'jun_teachers_bachelor' },
    scale: 100,
  },
  {
    id: 'backbone_teachers',
    label: '每百名学生拥有县级及以上骨干教师数',
    short: '县级及以上骨干教师',
    unit: '人',
    digits: 2,
    line: both(1.0),
    input: { pri: 'pri_backbone', jun: 'jun_backbone' },
    scale: 100,
  },
  {
    id: 'pe_arts_teachers',
    label: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
    short: '体育艺术专任教师',
    unit: '人',
    digits: 2,
    line: both(0.9),
    input: { pri: 'pri_pe_arts', jun: 'jun_pe_arts' },
    scale: 100,
  },
  {
    id: 'building_area',
    label: '生均教学及辅助用房面积',
    short: '教学及辅助用房',
    unit: '平方米',
    digits: 2,
    line: { pri: 4.5, jun: 5.8 },
    input: both('building_area'),
    scale: 1,
  },
  {
    id: 'sports_area',
    label: '生均体育运动场馆面积',
    short: '体育运动场馆',
    unit: '平方米',
    digits: 2,
    line: { pri: 7.5, jun: 10.2 },
    input: both('sports_area'),
    scale: 1,
  },
  {
    id: 'equipment_value',
    label: '生均教学仪器设备值',
    short: '教学仪器设备值',
    unit: '元',
    digits: 0,
    line: { pri: 2000, jun: 2500 },
    input: both('equipment_value'),
    scale: 10000,
  },
  {
    id: 'multimedia_rooms',
    label: '每百名学生拥有网络多媒体教室数',
    short: '网络多媒体教室',
    unit: '间',
    digits: 2,
    line: { pri: 2.3, jun: 2.4 },
    input: both('multimedia_rooms'),
    scale: 100,
  },
]

/** The 办法: each school reaches at least 6 of the 7 lines, and the others at least 85 % of theirs. */
export const LINES_REQUIRED = 6
export const NEAR_LINE_SHARE = 0.85

// The county's reported 综合差异系数 is judged by the catalog's lines; the school-level
// coefficients are judged by the same ones.
const CV_INDICATOR: Readonly<Record<CvSection, string>> = { pri: 'cv_primary', jun: 'cv_junior' }

function cvThreshold(section: CvSection): Threshold {
  return getIndicator(CV_INDICATOR[section]).thresholds.at(-1)!
}

/** 达标 at or under `met` (优质均衡), 基本达标 at or under `basic` (基本均衡): 0.50 / 0.65 小学, 0.45 / 0.55 初中. */
export const CV_LINES: Readonly<Record<CvSection, { met: number; basic: number }>> = {
  pri: { met: cvThreshold('pri').value, basic: cvThreshold('pri').basic!.value },
  jun: { met: cvThreshold('jun').value, basic: cvThreshold('jun').basic!.value },
}

/** The verdict on a coefficient; 无数据 where it is undefined (the query's `reason` says why). */
export function judgeCv(section: CvSection, cv: number | null): ThresholdStatus {
  return cv === null ? '无数据' : verdictOf(cv, getIndicator(CV_INDICATOR[section]), cvThreshold(section))
}

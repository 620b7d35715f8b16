// The policy rules the dashboard judges counties by. A threshold rule points at a catalog
// indicator, whose thresholds carry the lines, years and documents; a composite rule holds
// when every one of its parts does (两个只增不减, 学前三率 …).
import { DOC, INDICATORS, getIndicator, type Indicator } from './catalog.ts'

export type Stage = '学前' | '义务教育' | '高中阶段' | '经费' | '教师'

interface RuleBase {
  id: string
  title: string
  stage: Stage
  /** The requirement as the documents word it. */
  wording: string
}

export interface ThresholdRule extends RuleBase {
  kind: 'threshold'
  indicator: string
}

export interface CompositeRule extends RuleBase {
  kind: 'all'
  /** Indicators that must all meet their line; legs without a line in force or without a value are skipped. */
  parts: readonly string[]
  doc: string
}

export type Rule = ThresholdRule | CompositeRule

const WORDING: Record<string, string> = {
  edu_budget_growth: '一般公共预算教育支出逐年只增不减',
  per_student_kg_growth: '幼儿园生均一般公共预算教育支出逐年只增不减',
  per_student_pri_growth: '普通小学生均一般公共预算教育支出逐年只增不减',
  per_student_jun_growth: '普通初中生均一般公共预算教育支出逐年只增不减',
  per_student_sh_growth: '普通高中生均一般公共预算教育支出逐年只增不减',
  per_student_vs_growth: '中职生均一般公共预算教育支出逐年只增不减',
  salary_gap: '义务教育教师平均工资收入水平不低于当地公务员平均工资收入水平',
  kg_gross_enrol_rate: '学前三年毛入园率2020年达到85%，2025年达到90%以上',
  kg_inclusive_rate: '普惠性幼儿园覆盖率2020年达到80%，2025年达到85%以上',
  kg_public_share: '公办园在园幼儿占比原则上达到50%',
  kg_pupil_teacher: '全县幼儿园专任教师与幼儿比不低于1∶15',
  large_class_share: '2020年底基本消除56人及以上大班额（控制在5%以内），此后全面消除',
  huge_class_share: '2018年底基本消除66人及以上超大班额（控制在2%以内），此后全部消除',
  pri_pupil_staff: '小学教职工与学生比1∶19',
  jun_pupil_staff: '初中教职工与学生比1∶13.5',
  consolidation_rate: '九年义务教育巩固率2020年达到95%，2025年达到96%（2021—2024年仍按95%判断）',
  pri_high_edu_per100: '每百名学生拥有高于规定学历教师数，小学达到4.2人以上',
  jun_high_edu_per100: '每百名学生拥有高于规定学历教师数，初中达到5.3人以上',
  pri_class_size: '所有小学每个班级学生数不超过45人',
  jun_class_size: '所有初中每个班级学生数不超过50人',
  cv_primary: '小学校际差异系数不高于0.50（优质均衡）；不高于0.65为基本达标（基本均衡）',
  cv_junior: '初中校际差异系数不高于0.45（优质均衡）；不高于0.55为基本达标（基本均衡）',
  migrant_public_share: '符合条件的随迁子女在公办学校（含政府购买学位）就读的比例不低于85%',
  disabled_enrol_rate: '适龄残疾儿童少年入学率不低于95%',
  hs_gross_enrol_rate: '高中阶段毛入学率2020年达到90%，2025年达到92%以上',
  sh_pupil_staff: '普通高中教职工与学生比1∶12.5',
  sh_large_class_share: '2025年全面消除普通高中56人及以上大班额',
  vs_intake_share: '职普比例大体相当（中职招生不低于高中阶段招生的40%）',
  teacher_rotation_rate: '每年交流轮岗教师的比例不低于符合交流条件教师总数的10%',
  rotation_backbone_share: '交流轮岗教师中骨干教师不低于20%',
}

const STAGE: Record<Indicator['group'], Stage> = {
  经费: '经费',
  学前: '学前',
  义务教育: '义务教育',
  高中阶段: '高中阶段',
  教师: '教师',
}

const THRESHOLD_RULES: ThresholdRule[] = INDICATORS.filter((i) => i.thresholds.length > 0).map((i) => ({
  id: i.id,
  kind: 'threshold',
  indicator: i.id,
  title: i.label,
  stage: i.id === 'salary_gap' ? '教师' : STAGE[i.group],
  wording: WORDING[i.id] ?? i.definition,
}))

export const COMPOSITE_RULES: readonly CompositeRule[] = [
  {
    id: 'two_no_decrease',
    kind: 'all',
    title: '两个只增不减',
    stage: '经费',
    parts: [
      'edu_budget_growth',
      'per_student_kg_growth',
      'per_student_pri_growth',
      'per_student_jun_growth',
      'per_student_sh_growth',
      'per_student_vs_growth',
    ],
    doc: DOC.budget,
    wording: '确保一般公共预算教育支出逐年只增不减，确保按在校学生人数平均的一般公共预算教育支出逐年只增不减',
  },
  {
    id: 'preschool_three_rates',
    kind: 'all',
    title: '学前教育“三率”',
    stage: '学前',
    parts: ['kg_gross_enrol_rate', 'kg_inclusive_rate', 'kg_public_share'],
    doc: DOC.preschoolRatio,
    wording: '学前三年毛入园率、普惠性幼儿园覆盖率、公办园在园幼儿占比均达到规定要求',
  },
  {
    id: 'balanced_cv',
    kind: 'all',
    title: '优质均衡校际差异系数',
    stage: '义务教育',
    parts: ['cv_primary', 'cv_junior'],
    doc: DOC.quality,
    wording: '小学、初中校际差异系数分别不高于0.50和0.45；分别不高于0.65和0.55为基本达标（基本均衡）',
  },
]

export const RULES: readonly Rule[] = [...THRESHOLD_RULES, ...COMPOSITE_RULES]

export function partsOf(rule: Rule): Indicator[] {
  return (rule.kind === 'threshold' ? [rule.indicator] : rule.parts).map(getIndicator)
}

/**
 * Policy lines of the documents that the dashboard does not judge, because a county-year
 * carries no raw field to compute them from; listed so a reader sees they were considered.
 */
export interface UnjudgedLine {
  id: string
  title: string
  stage: Stage
  /** The requirement as the documents word it. */
  wording: string
  doc: string
  /** The data the line needs and the panel does not carry. */
  missing: string
}

export const NOT_EVALUATED: readonly UnjudgedLine[] = [
  {
    id: 'kg_care_staff_ratio',
    title: '幼儿园保教人员与幼儿比',
    stage: '学前',
    wording: '全日制幼儿园保教人员与幼儿比1∶7—1∶9',
    doc: '幼儿园教职工配备标准（暂行）（教师〔2013〕1号）',
    missing: '保教人员数（专任教师与保育员）：数据只有幼儿园专任教师数，已按“专任教师与幼儿比不低于1∶15”判断',
  },
  {
    id: 'kg_tenured_teacher_share',
    title: '在编幼儿教师比例',
    stage: '学前',
    wording: '在编幼儿教师比例不低于70%',
    doc: '地方督导评估问题清单所用标准（牡丹江市）；未查到规定该比例的国家文件',
    missing: '在编幼儿园教师数',
  },
  {
    id: 'teaching_space_per_student',
    title: '生均教学及辅助用房面积',
    stage: '义务教育',
    wording: '生均教学及辅助用房面积小学、初中分别达到4.5平方米、5.8平方米以上',
    doc: DOC.quality,
    missing: '小学、初中教学及辅助用房面积',
  },
  {
    id: 'sports_space_per_student',
    title: '生均体育运动场馆面积',
    stage: '义务教育',
    wording: '生均体育运动场馆面积小学、初中分别达到7.5平方米、10.2平方米以上',
    doc: DOC.quality,
    missing: '小学、初中体育运动场馆面积',
  },
  {
    id: 'equipment_per_student',
    title: '生均教学仪器设备值',
    stage: '义务教育',
    wording: '生均教学仪器设备值小学、初中分别达到2000元、2500元以上',
    doc: DOC.quality,
    missing: '小学、初中教学仪器设备资产值',
  },
  {
    id: 'junior_consolidation_rate',
    title: '初中三年巩固率',
    stage: '义务教育',
    wording: '全县初中三年巩固率达到95%以上',
    doc: DOC.quality,
    missing: '三年前初一入学学生数：数据的巩固率基数是小学一年级入学人数，只能算九年义务教育巩固率',
  },
  {
    id: 'edu_spending_gdp_share',
    title: '国家财政性教育经费占GDP比例',
    stage: '经费',
    wording: '国家财政性教育经费支出占国内生产总值比例一般不低于4%',
    doc: DOC.budget,
    missing: '地区生产总值（GDP）和国家财政性教育经费：数据只有其中的一般公共预算教育支出',
  },
  {
    id: 'per_student_funding_standard',
    title: '年生均拨款标准',
    stage: '经费',
    wording: '各学段年生均拨款不低于省定最低标准',
    doc: '各省（区、市）制定的生均拨款标准',
    missing: '各省分学段、分年份的省定标准：看板有各学段生均一般公共预算教育支出，但没有可比的省定标准',
  },
]

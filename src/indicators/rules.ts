// The policy rules the dashboard judges counties by. A threshold rule points at a catalog
// indicator, whose thresholds carry the lines, years and documents; a composite rule holds
// when every one of its parts does (两个只增不减, 学前三率 …).
import { INDICATORS, getIndicator, type Indicator } from './catalog.ts'

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
  consolidation_rate: '九年义务教育巩固率达到95%（2025年96%）',
  cv_primary: '小学校际差异系数不高于0.50',
  cv_junior: '初中校际差异系数不高于0.45',
  migrant_public_share: '符合条件的随迁子女在公办学校（含政府购买学位）就读的比例不低于85%',
  disabled_enrol_rate: '适龄残疾儿童少年入学率不低于95%',
  hs_gross_enrol_rate: '高中阶段毛入学率2020年达到90%，2025年达到92%以上',
  sh_pupil_staff: '普通高中教职工与学生比1∶12.5',
  sh_large_class_share: '2025年全面消除普通高中56人及以上大班额',
  vs_intake_share: '职普比例大体相当（中职招生不低于高中阶段招生的40%）',
  teacher_rotation_rate: '每年交流轮岗教师的比例不低于符合交流条件教师总数的10%',
  rotation_backbone_share: '交流轮岗教师中骨干教师不低于20%',
}

const STAGE: Record<Indicator['group'], Stage> = { 经费: '经费', 学前: '学前', 义务教育: '义务教育', 高中阶段: '高中阶段', 教师: '教师' }

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
    parts: ['edu_budget_growth', 'per_student_kg_growth', 'per_student_pri_growth', 'per_student_jun_growth', 'per_student_sh_growth', 'per_student_vs_growth'],
    doc: '国务院办公厅关于进一步调整优化结构提高教育经费使用效益的意见（国办发〔2018〕82号）',
    wording: '确保一般公共预算教育支出逐年只增不减，确保按在校学生人数平均的一般公共预算教育支出逐年只增不减',
  },
  {
    id: 'preschool_three_rates',
    kind: 'all',
    title: '学前教育“三率”',
    stage: '学前',
    parts: ['kg_gross_enrol_rate', 'kg_inclusive_rate', 'kg_public_share'],
    doc: '县域学前教育普及普惠督导评估办法（2020）',
    wording: '学前三年毛入园率、普惠性幼儿园覆盖率、公办园在园幼儿占比均达到规定要求',
  },
  {
    id: 'balanced_cv',
    kind: 'all',
    title: '优质均衡校际差异系数',
    stage: '义务教育',
    parts: ['cv_primary', 'cv_junior'],
    doc: '县域义务教育优质均衡发展督导评估办法（教督〔2017〕6号）',
    wording: '小学、初中校际差异系数分别不高于0.50和0.45',
  },
]

export const RULES: readonly Rule[] = [...THRESHOLD_RULES, ...COMPOSITE_RULES]

export function partsOf(rule: Rule): Indicator[] {
  return (rule.kind === 'threshold' ? [rule.indicator] : rule.parts).map(getIndicator)
}

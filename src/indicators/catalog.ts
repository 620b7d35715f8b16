// The indicator catalog: every figure on screen is one of these, computed in SQL from the
// raw fields (fields.ts). `num`/`den` are SQL expressions over raw columns only; a
// province or prefecture figure is SUM(num)/SUM(den) (ratio of sums, never a mean of
// county ratios), or SUM(num) when there is no denominator.
import type { RawFieldId } from './fields.ts'

export type IndicatorGroup = '经费' | '学前' | '义务教育' | '高中阶段' | '教师'
export const INDICATOR_GROUPS: readonly IndicatorGroup[] = ['经费', '学前', '义务教育', '高中阶段', '教师']

export type Unit = '%' | '元' | '万元' | '个' | '人' | ''

export interface Threshold {
  op: '>=' | '<='
  value: number
  /** First and last year the line is in force (inclusive); open-ended when absent. */
  from: number
  to?: number
  /** 基本达标 band: a value between `basic.value` and `value` is 基本达标 rather than 未达标; the band may come from another document than the line. */
  basic?: { value: number; doc: string }
  /** The document that sets the line. */
  doc: string
}

export interface Indicator {
  id: string
  label: string
  group: IndicatorGroup
  unit: Unit
  /** SQL over raw columns. */
  num: string
  /** SQL over raw columns; absent for levels, whose province figure is a sum. */
  den?: string
  /** Multiplier applied to num/den (100 for percentages, 10000 for 万元 → 元). */
  scale: number
  /** Value is the year-on-year growth (%) of num/den rather than num/den itself. */
  growth?: boolean
  digits: number
  good: 'up' | 'down'
  thresholds: readonly Threshold[]
  definition: string
  /** Raw fields the formula reads, for import checks and 无数据 explanations. */
  fields: readonly RawFieldId[]
}

export const DOC = {
  budget: '国务院办公厅关于进一步调整优化结构提高教育经费使用效益的意见（国办发〔2018〕82号）',
  teacherLaw: '中华人民共和国教师法 第二十五条',
  preschool3: '第三期学前教育行动计划（2017）；县域学前教育普及普惠督导评估办法（2020）',
  preschool14: '“十四五”学前教育发展提升行动计划（2021）',
  preschoolRatio: '县域学前教育普及普惠督导评估办法（2020）',
  publicShare:
    '中共中央 国务院关于学前教育深化改革规范发展的若干意见（2018）；县域学前教育普及普惠督导评估办法（2020）',
  classSize: '教育部关于消除义务教育大班额、超大班额的工作部署（2018–2020）',
  staffing: '中央编办 教育部 财政部关于统一城乡中小学教职工编制标准的通知（中央编办发〔2014〕72号）',
  quality: '县域义务教育优质均衡发展督导评估办法（教督〔2017〕6号）',
  basicBalance: '县域义务教育均衡发展督导评估暂行办法（2012）',
  plan13: '国家中长期教育改革和发展规划纲要（2010—2020年）；国家教育事业发展“十三五”规划（国发〔2017〕4号）',
  services14: '“十四五”公共服务规划（2021）',
  highSchool: '高中阶段教育普及攻坚计划（2017–2020）',
  highSchool14: '“十四五”县域普通高中发展提升行动计划（2021）',
  vocational: '国家职业教育改革实施方案（2019）：职普比例大体相当',
} as const

const perStudent = (stage: string, spend: RawFieldId, enrol: RawFieldId): Indicator => ({
  id: `per_student_${spend.slice(6)}`,
  label: `${stage}生均一般公共预算教育支出`,
  group: '经费',
  unit: '元',
  num: spend,
  den: enrol,
  scale: 10000,
  digits: 0,
  good: 'up',
  thresholds: [],
  definition: `${stage}一般公共预算教育支出（万元×10000）÷ ${stage}在校生（在园幼儿）数。`,
  fields: [spend, enrol],
})

const growthOf = (base: Indicator, doc: string): Indicator => ({
  ...base,
  id: `${base.id}_growth`,
  label: `${base.label}增长率`,
  unit: '%',
  growth: true,
  digits: 2,
  thresholds: [{ op: '>=', value: 0, from: 2015, doc }],
  definition: `${base.label}比上年增长的百分比：（本年 ÷ 上年 − 1）× 100%。“两个只增不减”要求不低于0。省、市增长率只比较两年都有数据的区县（同口径），缺其中一年的区县不计入，并注明个数。`,
})

const EDU_BUDGET: Indicator = {
  id: 'edu_budget',
  label: '一般公共预算教育支出',
  group: '经费',
  unit: '万元',
  num: 'edu_budget',
  scale: 1,
  digits: 0,
  good: 'up',
  thresholds: [],
  definition: '本级一般公共预算安排的教育支出；省、市合计为各县之和。',
  fields: ['edu_budget'],
}

const PER_STUDENT = [
  perStudent('幼儿园', 'spend_kg', 'kg_enrol'),
  perStudent('普通小学', 'spend_pri', 'pri_enrol'),
  perStudent('普通初中', 'spend_jun', 'jun_enrol'),
  perStudent('普通高中', 'spend_sh', 'sh_enrol'),
  perStudent('中职', 'spend_vs', 'vs_enrol'),
]

const teachers = '(pri_teachers + jun_teachers)'

/** 优质均衡: 每百名学生拥有高于规定学历教师数, with how 本科及以上 stands in for 高于规定学历. */
const highEducatedPer100 = (
  stage: '小学' | '初中',
  bachelor: RawFieldId,
  enrol: RawFieldId,
  line: number,
  measure: string,
): Indicator => ({
  id: `${enrol.slice(0, 3)}_high_edu_per100`,
  label: `${stage}每百名学生拥有高于规定学历教师数`,
  group: '义务教育',
  unit: '人',
  num: bachelor,
  den: enrol,
  scale: 100,
  digits: 2,
  good: 'up',
  thresholds: [{ op: '>=', value: line, from: 2017, doc: DOC.quality }],
  definition: `${stage}本科及以上学历专任教师数 ÷ ${stage}在校生数 × 100。以本科及以上学历作为“高于规定学历”的口径：教师法规定的${stage}教师学历为${measure}。`,
  fields: [bachelor, enrol],
})

/** 优质均衡 asks that every class stay within the line; the data has class counts only, so the county average is judged. */
const classSize = (stage: '小学' | '初中', enrol: RawFieldId, classes: RawFieldId, line: number): Indicator => ({
  id: `${enrol.slice(0, 3)}_class_size`,
  label: `${stage}平均班额`,
  group: '义务教育',
  unit: '人',
  num: enrol,
  den: classes,
  scale: 1,
  digits: 1,
  good: 'down',
  thresholds: [{ op: '<=', value: line, from: 2017, doc: DOC.quality }],
  definition: `${stage}在校生数 ÷ ${stage}班级数。文件要求每个班级不超过${line}人；数据只有班级数，看板判断全县平均班额，平均达标不等于每个班都不超过${line}人。`,
  fields: [enrol, classes],
})

export const INDICATORS: readonly Indicator[] = [
  EDU_BUDGET,
  growthOf(EDU_BUDGET, DOC.budget),
  {
    id: 'edu_budget_share',
    label: '教育支出占一般公共预算支出比例',
    group: '经费',
    unit: '%',
    num: 'edu_budget',
    den: 'budget_total',
    scale: 100,
    digits: 2,
    good: 'up',
    thresholds: [],
    definition: '一般公共预算教育支出 ÷ 一般公共预算支出。',
    fields: ['edu_budget', 'budget_total'],
  },
  ...PER_STUDENT,
  ...PER_STUDENT.map((p) => growthOf(p, DOC.budget)),
  {
    id: 'salary_gap',
    label: '义务教育教师与公务员年平均工资差额',
    group: '经费',
    unit: '元',
    num: `(teacher_salary - civil_salary) * ${teachers}`,
    den: teachers,
    scale: 1,
    digits: 0,
    good: 'up',
    thresholds: [{ op: '>=', value: 0, from: 2015, doc: DOC.teacherLaw }],
    definition:
      '义务教育教师年平均工资 − 当地公务员年平均工资；省、市合计按义务教育专任教师数加权。不低于0即“不低于当地公务员平均工资收入水平”。',
    fields: ['teacher_salary', 'civil_salary', 'pri_teachers', 'jun_teachers'],
  },

  {
    id: 'kg_gross_enrol_rate',
    label: '学前三年毛入园率',
    group: '学前',
    unit: '%',
    num: 'kg_enrol',
    den: 'pop_3_5',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [
      { op: '>=', value: 85, from: 2017, to: 2020, doc: DOC.preschool3 },
      { op: '>=', value: 90, from: 2021, doc: DOC.preschool14 },
    ],
    definition: '在园幼儿数 ÷ 3—5岁适龄人口。',
    fields: ['kg_enrol', 'pop_3_5'],
  },
  {
    id: 'kg_inclusive_rate',
    label: '普惠性幼儿园覆盖率',
    group: '学前',
    unit: '%',
    num: 'kg_public_enrol + kg_inclusive_private_enrol',
    den: 'kg_enrol',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [
      { op: '>=', value: 80, from: 2017, to: 2020, doc: DOC.preschool3 },
      { op: '>=', value: 85, from: 2021, doc: DOC.preschool14 },
    ],
    definition: '（公办园 + 普惠性民办园）在园幼儿数 ÷ 在园幼儿总数。',
    fields: ['kg_public_enrol', 'kg_inclusive_private_enrol', 'kg_enrol'],
  },
  {
    id: 'kg_public_share',
    label: '公办园在园幼儿占比',
    group: '学前',
    unit: '%',
    num: 'kg_public_enrol',
    den: 'kg_enrol',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [{ op: '>=', value: 50, from: 2018, doc: DOC.publicShare }],
    definition: '公办幼儿园在园幼儿数 ÷ 在园幼儿总数。',
    fields: ['kg_public_enrol', 'kg_enrol'],
  },
  {
    id: 'kg_pupil_teacher',
    label: '幼儿园生师比',
    group: '学前',
    unit: '',
    num: 'kg_enrol',
    den: 'kg_teachers',
    scale: 1,
    digits: 1,
    good: 'down',
    thresholds: [{ op: '<=', value: 15, from: 2020, doc: DOC.preschoolRatio }],
    definition: '在园幼儿数 ÷ 幼儿园专任教师数（即专任教师与幼儿之比 1∶x 中的 x）。',
    fields: ['kg_enrol', 'kg_teachers'],
  },

  {
    id: 'large_class_share',
    label: '义务教育大班额比例',
    group: '义务教育',
    unit: '%',
    num: 'pri_classes_56 + jun_classes_56',
    den: 'pri_classes + jun_classes',
    scale: 100,
    digits: 2,
    good: 'down',
    thresholds: [
      { op: '<=', value: 5, from: 2020, to: 2020, doc: DOC.classSize },
      { op: '<=', value: 0, from: 2021, doc: DOC.classSize },
    ],
    definition: '小学、初中56人及以上班级数 ÷ 班级总数。2020年底前控制在5%以内，此后全面消除。',
    fields: ['pri_classes_56', 'jun_classes_56', 'pri_classes', 'jun_classes'],
  },
  {
    id: 'large_class_count',
    label: '义务教育大班额班级数',
    group: '义务教育',
    unit: '个',
    num: 'pri_classes_56 + jun_classes_56',
    scale: 1,
    digits: 0,
    good: 'down',
    thresholds: [],
    definition: '小学、初中56人及以上班级数之和。',
    fields: ['pri_classes_56', 'jun_classes_56'],
  },
  {
    id: 'huge_class_share',
    label: '义务教育超大班额比例',
    group: '义务教育',
    unit: '%',
    num: 'pri_classes_66 + jun_classes_66',
    den: 'pri_classes + jun_classes',
    scale: 100,
    digits: 2,
    good: 'down',
    thresholds: [
      { op: '<=', value: 2, from: 2018, to: 2018, doc: DOC.classSize },
      { op: '<=', value: 0, from: 2019, doc: DOC.classSize },
    ],
    definition: '小学、初中66人及以上班级数 ÷ 班级总数。2018年底前基本消除（不超过2%），此后全部消除。',
    fields: ['pri_classes_66', 'jun_classes_66', 'pri_classes', 'jun_classes'],
  },
  {
    id: 'huge_class_count',
    label: '义务教育超大班额班级数',
    group: '义务教育',
    unit: '个',
    num: 'pri_classes_66 + jun_classes_66',
    scale: 1,
    digits: 0,
    good: 'down',
    thresholds: [],
    definition: '小学、初中66人及以上班级数之和。',
    fields: ['pri_classes_66', 'jun_classes_66'],
  },
  {
    id: 'pri_pupil_teacher',
    label: '小学生师比',
    group: '义务教育',
    unit: '',
    num: 'pri_enrol',
    den: 'pri_teachers',
    scale: 1,
    digits: 2,
    good: 'down',
    thresholds: [],
    definition: '小学在校生数 ÷ 小学专任教师数（全国统计公报口径）。',
    fields: ['pri_enrol', 'pri_teachers'],
  },
  {
    id: 'pri_pupil_staff',
    label: '小学生与教职工比',
    group: '义务教育',
    unit: '',
    num: 'pri_enrol',
    den: 'pri_staff',
    scale: 1,
    digits: 2,
    good: 'down',
    thresholds: [{ op: '<=', value: 19, from: 2015, doc: DOC.staffing }],
    definition: '小学在校生数 ÷ 小学教职工数；编制标准为教职工与学生 1∶19。',
    fields: ['pri_enrol', 'pri_staff'],
  },
  {
    id: 'jun_pupil_teacher',
    label: '初中生师比',
    group: '义务教育',
    unit: '',
    num: 'jun_enrol',
    den: 'jun_teachers',
    scale: 1,
    digits: 2,
    good: 'down',
    thresholds: [],
    definition: '初中在校生数 ÷ 初中专任教师数（全国统计公报口径）。',
    fields: ['jun_enrol', 'jun_teachers'],
  },
  {
    id: 'jun_pupil_staff',
    label: '初中生与教职工比',
    group: '义务教育',
    unit: '',
    num: 'jun_enrol',
    den: 'jun_staff',
    scale: 1,
    digits: 2,
    good: 'down',
    thresholds: [{ op: '<=', value: 13.5, from: 2015, doc: DOC.staffing }],
    definition: '初中在校生数 ÷ 初中教职工数；编制标准为教职工与学生 1∶13.5。',
    fields: ['jun_enrol', 'jun_staff'],
  },
  {
    id: 'pri_bachelor_share',
    label: '小学本科及以上学历专任教师比例',
    group: '义务教育',
    unit: '%',
    num: 'pri_teachers_bachelor',
    den: 'pri_teachers',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [],
    definition: '小学本科及以上学历专任教师数 ÷ 小学专任教师数。',
    fields: ['pri_teachers_bachelor', 'pri_teachers'],
  },
  {
    id: 'jun_bachelor_share',
    label: '初中本科及以上学历专任教师比例',
    group: '义务教育',
    unit: '%',
    num: 'jun_teachers_bachelor',
    den: 'jun_teachers',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [],
    definition: '初中本科及以上学历专任教师数 ÷ 初中专任教师数。',
    fields: ['jun_teachers_bachelor', 'jun_teachers'],
  },
  highEducatedPer100(
    '小学',
    'pri_teachers_bachelor',
    'pri_enrol',
    4.2,
    '中师，高于规定学历即专科及以上；数据只有本科及以上学历专任教师数，故按本科及以上计，比文件口径偏严',
  ),
  highEducatedPer100(
    '初中',
    'jun_teachers_bachelor',
    'jun_enrol',
    5.3,
    '专科，高于规定学历即本科及以上，与文件口径一致',
  ),
  classSize('小学', 'pri_enrol', 'pri_classes', 45),
  classSize('初中', 'jun_enrol', 'jun_classes', 50),
  {
    id: 'consolidation_rate',
    label: '九年义务教育巩固率',
    group: '义务教育',
    unit: '%',
    num: 'consol_grads',
    den: 'consol_cohort',
    scale: 100,
    digits: 1,
    good: 'up',
    // 95% is the 2020 target of the 纲要 and the 十三五 plan, kept as the floor until the 十四五
    // target of 96% falls due in 2025. 优质均衡's 95% is for 初中三年巩固率, a different cohort
    // the data does not carry (NOT_EVALUATED in rules.ts).
    thresholds: [
      { op: '>=', value: 95, from: 2017, to: 2024, doc: DOC.plan13 },
      { op: '>=', value: 96, from: 2025, doc: DOC.services14 },
    ],
    definition:
      '初中毕业班学生数 ÷ 该年级小学一年级入学时学生数（九年巩固率）。优质均衡要求的初中三年巩固率以初一入学人数为基数，不是本指标。',
    fields: ['consol_grads', 'consol_cohort'],
  },
  {
    id: 'cv_primary',
    label: '小学校际差异系数',
    group: '义务教育',
    unit: '',
    num: 'cv_primary * pri_enrol',
    den: 'pri_enrol',
    scale: 1,
    digits: 3,
    good: 'down',
    thresholds: [{ op: '<=', value: 0.5, from: 2017, doc: DOC.quality, basic: { value: 0.65, doc: DOC.basicBalance } }],
    definition:
      '县域内小学校际综合差异系数（按县上报值）；省、市合计按小学在校生数加权。不高于0.50为达标（优质均衡），高于0.50、不高于0.65为基本达标（基本均衡标准）。',
    fields: ['cv_primary', 'pri_enrol'],
  },
  {
    id: 'cv_junior',
    label: '初中校际差异系数',
    group: '义务教育',
    unit: '',
    num: 'cv_junior * jun_enrol',
    den: 'jun_enrol',
    scale: 1,
    digits: 3,
    good: 'down',
    thresholds: [
      { op: '<=', value: 0.45, from: 2017, doc: DOC.quality, basic: { value: 0.55, doc: DOC.basicBalance } },
    ],
    definition:
      '县域内初中校际综合差异系数（按县上报值）；省、市合计按初中在校生数加权。不高于0.45为达标（优质均衡），高于0.45、不高于0.55为基本达标（基本均衡标准）。',
    fields: ['cv_junior', 'jun_enrol'],
  },
  {
    id: 'migrant_public_share',
    label: '随迁子女在公办学校就读比例',
    group: '义务教育',
    unit: '%',
    num: 'migrant_children_public',
    den: 'migrant_children',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [{ op: '>=', value: 85, from: 2017, doc: DOC.quality }],
    definition: '在公办学校（含政府购买学位）就读的随迁子女数 ÷ 随迁子女在校生数。',
    fields: ['migrant_children_public', 'migrant_children'],
  },
  {
    id: 'disabled_enrol_rate',
    label: '残疾儿童少年入学率',
    group: '义务教育',
    unit: '%',
    num: 'disabled_children_enrolled',
    den: 'disabled_children',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [{ op: '>=', value: 95, from: 2017, doc: DOC.quality }],
    definition: '入学（含送教上门）的适龄残疾儿童少年数 ÷ 适龄残疾儿童少年数。',
    fields: ['disabled_children_enrolled', 'disabled_children'],
  },

  {
    id: 'hs_gross_enrol_rate',
    label: '高中阶段毛入学率',
    group: '高中阶段',
    unit: '%',
    num: 'sh_enrol + vs_enrol',
    den: 'pop_15_17',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [
      { op: '>=', value: 90, from: 2017, to: 2020, doc: DOC.highSchool },
      { op: '>=', value: 92, from: 2021, doc: DOC.services14 },
    ],
    definition: '（普通高中 + 中职）在校生数 ÷ 15—17岁适龄人口。',
    fields: ['sh_enrol', 'vs_enrol', 'pop_15_17'],
  },
  {
    id: 'sh_pupil_teacher',
    label: '普通高中生师比',
    group: '高中阶段',
    unit: '',
    num: 'sh_enrol',
    den: 'sh_teachers',
    scale: 1,
    digits: 2,
    good: 'down',
    thresholds: [],
    definition: '普通高中在校生数 ÷ 普通高中专任教师数（全国统计公报口径）。',
    fields: ['sh_enrol', 'sh_teachers'],
  },
  {
    id: 'sh_pupil_staff',
    label: '普通高中生与教职工比',
    group: '高中阶段',
    unit: '',
    num: 'sh_enrol',
    den: 'sh_staff',
    scale: 1,
    digits: 2,
    good: 'down',
    thresholds: [{ op: '<=', value: 12.5, from: 2015, doc: DOC.staffing }],
    definition: '普通高中在校生数 ÷ 普通高中教职工数；编制标准为教职工与学生 1∶12.5。',
    fields: ['sh_enrol', 'sh_staff'],
  },
  {
    id: 'sh_large_class_share',
    label: '普通高中大班额比例',
    group: '高中阶段',
    unit: '%',
    num: 'sh_classes_56',
    den: 'sh_classes',
    scale: 100,
    digits: 2,
    good: 'down',
    thresholds: [{ op: '<=', value: 0, from: 2025, doc: DOC.highSchool14 }],
    definition: '普通高中56人及以上班级数 ÷ 班级总数；2025年全面消除。',
    fields: ['sh_classes_56', 'sh_classes'],
  },
  {
    id: 'vs_intake_share',
    label: '中职招生占高中阶段招生比例',
    group: '高中阶段',
    unit: '%',
    num: 'vs_intake',
    den: 'vs_intake + sh_intake',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [{ op: '>=', value: 40, from: 2019, doc: DOC.vocational }],
    definition: '中职招生数 ÷（中职 + 普通高中）招生数；职普比 4∶6 及以上视为大体相当，低于40%提示关注。',
    fields: ['vs_intake', 'sh_intake'],
  },

  {
    id: 'teacher_rotation_rate',
    label: '教师交流轮岗比例',
    group: '教师',
    unit: '%',
    num: 'rotation_count',
    den: 'rotation_eligible',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [{ op: '>=', value: 10, from: 2017, doc: DOC.quality }],
    definition: '交流轮岗教师数 ÷ 符合交流条件教师数。',
    fields: ['rotation_count', 'rotation_eligible'],
  },
  {
    id: 'rotation_backbone_share',
    label: '交流轮岗教师中骨干教师比例',
    group: '教师',
    unit: '%',
    num: 'rotation_backbone',
    den: 'rotation_count',
    scale: 100,
    digits: 1,
    good: 'up',
    thresholds: [{ op: '>=', value: 20, from: 2017, doc: DOC.quality }],
    definition: '交流轮岗教师中的骨干教师数 ÷ 交流轮岗教师数。',
    fields: ['rotation_backbone', 'rotation_count'],
  },
]

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]))

export function findIndicator(id: string): Indicator | undefined {
  return BY_ID.get(id)
}

export function getIndicator(id: string): Indicator {
  const found = BY_ID.get(id)
  if (!found) throw new Error(`未知指标：${id}`)
  return found
}

/** The line in force in `year`, if any. */
export function thresholdFor(indicator: Indicator, year: number): Threshold | undefined {
  return indicator.thresholds.find((t) => year >= t.from && (t.to === undefined || year <= t.to))
}

export const DEFAULT_INDICATOR_ID = 'kg_public_share'

/** The figures a county's KPI cards lead with, in the order the evaluation reports use. */
export const HEADLINE_INDICATOR_IDS = [
  'edu_budget',
  'edu_budget_growth',
  'per_student_kg',
  'per_student_pri',
  'per_student_jun',
  'per_student_sh',
  'per_student_vs',
  'large_class_count',
  'large_class_share',
  'huge_class_count',
  'kg_public_share',
  'kg_inclusive_rate',
  'kg_gross_enrol_rate',
  'kg_pupil_teacher',
  'pri_pupil_teacher',
  'jun_pupil_teacher',
  'consolidation_rate',
  'hs_gross_enrol_rate',
  'salary_gap',
] as const

// The raw fields one county-year carries. Rates are never stored: every indicator is
// derived in SQL from these counts and sums (see catalog.ts), so province figures are
// ratios of sums and a user's file can be checked for consistency.

export type FieldGroup = '人口' | '学前' | '义务教育' | '高中阶段' | '经费' | '教师'

export interface RawField {
  /** Column name in DuckDB, Parquet and the CSV template. */
  id: string
  /** Chinese header used in the CSV template and the import mapping. */
  label: string
  unit: '人' | '所' | '个' | '万元' | '元' | ''
  group: FieldGroup
  /** true for counts that cannot be fractional. */
  integer: boolean
  /** Header variants users write, recognised on import. */
  aliases?: readonly string[]
}

/** Key columns, present on every row. */
export const KEY_FIELDS = [
  { id: 'code', label: '行政区划代码', aliases: ['县区代码', '区县代码', '代码', '区划代码'] },
  { id: 'year', label: '年份', aliases: ['年度'] },
] as const

export const RAW_FIELDS: readonly RawField[] = [
  {
    id: 'pop_3_5',
    label: '3-5岁适龄人口',
    unit: '人',
    group: '人口',
    integer: true,
    aliases: ['学前三年适龄人口', '3至5岁人口'],
  },
  {
    id: 'pop_15_17',
    label: '15-17岁适龄人口',
    unit: '人',
    group: '人口',
    integer: true,
    aliases: ['高中阶段适龄人口'],
  },

  { id: 'kg_count', label: '幼儿园数', unit: '所', group: '学前', integer: true },
  { id: 'kg_public_count', label: '公办幼儿园数', unit: '所', group: '学前', integer: true, aliases: ['公办园数'] },
  {
    id: 'kg_enrol',
    label: '在园幼儿数',
    unit: '人',
    group: '学前',
    integer: true,
    aliases: ['在园幼儿总数', '学前在园幼儿数'],
  },
  {
    id: 'kg_public_enrol',
    label: '公办园在园幼儿数',
    unit: '人',
    group: '学前',
    integer: true,
    aliases: ['公办幼儿园在园幼儿数'],
  },
  { id: 'kg_inclusive_private_enrol', label: '普惠性民办园在园幼儿数', unit: '人', group: '学前', integer: true },
  { id: 'kg_teachers', label: '幼儿园专任教师数', unit: '人', group: '学前', integer: true },

  { id: 'pri_enrol', label: '小学在校生数', unit: '人', group: '义务教育', integer: true },
  { id: 'pri_staff', label: '小学教职工数', unit: '人', group: '义务教育', integer: true },
  { id: 'pri_teachers', label: '小学专任教师数', unit: '人', group: '义务教育', integer: true },
  { id: 'pri_teachers_bachelor', label: '小学本科及以上学历专任教师数', unit: '人', group: '义务教育', integer: true },
  { id: 'pri_classes', label: '小学班级数', unit: '个', group: '义务教育', integer: true },
  { id: 'pri_classes_56', label: '小学56人及以上班级数', unit: '个', group: '义务教育', integer: true },
  { id: 'pri_classes_66', label: '小学66人及以上班级数', unit: '个', group: '义务教育', integer: true },
  { id: 'jun_enrol', label: '初中在校生数', unit: '人', group: '义务教育', integer: true },
  { id: 'jun_staff', label: '初中教职工数', unit: '人', group: '义务教育', integer: true },
  { id: 'jun_teachers', label: '初中专任教师数', unit: '人', group: '义务教育', integer: true },
  { id: 'jun_teachers_bachelor', label: '初中本科及以上学历专任教师数', unit: '人', group: '义务教育', integer: true },
  { id: 'jun_classes', label: '初中班级数', unit: '个', group: '义务教育', integer: true },
  { id: 'jun_classes_56', label: '初中56人及以上班级数', unit: '个', group: '义务教育', integer: true },
  { id: 'jun_classes_66', label: '初中66人及以上班级数', unit: '个', group: '义务教育', integer: true },
  { id: 'consol_grads', label: '初中毕业班学生数', unit: '人', group: '义务教育', integer: true },
  {
    id: 'consol_cohort',
    label: '该年级小学一年级入学时学生数',
    unit: '人',
    group: '义务教育',
    integer: true,
    aliases: ['该年级入学时学生数'],
  },
  { id: 'migrant_children', label: '随迁子女在校生数', unit: '人', group: '义务教育', integer: true },
  { id: 'migrant_children_public', label: '随迁子女在公办学校就读数', unit: '人', group: '义务教育', integer: true },
  { id: 'disabled_children', label: '适龄残疾儿童少年数', unit: '人', group: '义务教育', integer: true },
  { id: 'disabled_children_enrolled', label: '残疾儿童少年入学数', unit: '人', group: '义务教育', integer: true },
  {
    id: 'cv_primary',
    label: '小学校际差异系数',
    unit: '',
    group: '义务教育',
    integer: false,
    aliases: ['小学综合差异系数'],
  },
  {
    id: 'cv_junior',
    label: '初中校际差异系数',
    unit: '',
    group: '义务教育',
    integer: false,
    aliases: ['初中综合差异系数'],
  },

  { id: 'sh_enrol', label: '普通高中在校生数', unit: '人', group: '高中阶段', integer: true },
  { id: 'sh_intake', label: '普通高中招生数', unit: '人', group: '高中阶段', integer: true },
  { id: 'sh_staff', label: '普通高中教职工数', unit: '人', group: '高中阶段', integer: true },
  { id: 'sh_teachers', label: '普通高中专任教师数', unit: '人', group: '高中阶段', integer: true },
  { id: 'sh_classes', label: '普通高中班级数', unit: '个', group: '高中阶段', integer: true },
  { id: 'sh_classes_56', label: '普通高中56人及以上班级数', unit: '个', group: '高中阶段', integer: true },
  {
    id: 'vs_enrol',
    label: '中职在校生数',
    unit: '人',
    group: '高中阶段',
    integer: true,
    aliases: ['中等职业教育在校生数'],
  },
  {
    id: 'vs_intake',
    label: '中职招生数',
    unit: '人',
    group: '高中阶段',
    integer: true,
    aliases: ['中等职业教育招生数'],
  },

  {
    id: 'edu_budget',
    label: '一般公共预算教育支出',
    unit: '万元',
    group: '经费',
    integer: false,
    aliases: ['一般公共预算教育经费', '财政一般公共预算拨款', '一般公共预算教育支出(万元)'],
  },
  {
    id: 'budget_total',
    label: '一般公共预算支出',
    unit: '万元',
    group: '经费',
    integer: false,
    aliases: ['一般公共预算支出总额'],
  },
  { id: 'spend_kg', label: '幼儿园一般公共预算教育支出', unit: '万元', group: '经费', integer: false },
  { id: 'spend_pri', label: '普通小学一般公共预算教育支出', unit: '万元', group: '经费', integer: false },
  { id: 'spend_jun', label: '普通初中一般公共预算教育支出', unit: '万元', group: '经费', integer: false },
  { id: 'spend_sh', label: '普通高中一般公共预算教育支出', unit: '万元', group: '经费', integer: false },
  { id: 'spend_vs', label: '中职一般公共预算教育支出', unit: '万元', group: '经费', integer: false },
  {
    id: 'teacher_salary',
    label: '义务教育教师年平均工资',
    unit: '元',
    group: '经费',
    integer: false,
    aliases: ['义务教育教师平均工资收入'],
  },
  {
    id: 'civil_salary',
    label: '当地公务员年平均工资',
    unit: '元',
    group: '经费',
    integer: false,
    aliases: ['公务员平均工资收入'],
  },

  { id: 'rotation_eligible', label: '符合交流条件教师数', unit: '人', group: '教师', integer: true },
  { id: 'rotation_count', label: '交流轮岗教师数', unit: '人', group: '教师', integer: true },
  { id: 'rotation_backbone', label: '交流轮岗骨干教师数', unit: '人', group: '教师', integer: true },
]

export type RawFieldId = (typeof RAW_FIELDS)[number]['id']

/**
 * Counts and sums that are parts of another: their total may not exceed it. The import
 * check rejects a pair that breaks this rather than guess which of the two is wrong.
 */
export const PART_WHOLE: readonly { parts: readonly RawFieldId[]; whole: RawFieldId }[] = [
  { parts: ['kg_public_count'], whole: 'kg_count' },
  { parts: ['kg_public_enrol', 'kg_inclusive_private_enrol'], whole: 'kg_enrol' },
  { parts: ['pri_teachers'], whole: 'pri_staff' },
  { parts: ['pri_teachers_bachelor'], whole: 'pri_teachers' },
  { parts: ['pri_classes_56'], whole: 'pri_classes' },
  { parts: ['pri_classes_66'], whole: 'pri_classes_56' },
  { parts: ['jun_teachers'], whole: 'jun_staff' },
  { parts: ['jun_teachers_bachelor'], whole: 'jun_teachers' },
  { parts: ['jun_classes_56'], whole: 'jun_classes' },
  { parts: ['jun_classes_66'], whole: 'jun_classes_56' },
  { parts: ['migrant_children_public'], whole: 'migrant_children' },
  { parts: ['sh_teachers'], whole: 'sh_staff' },
  { parts: ['sh_classes_56'], whole: 'sh_classes' },
  { parts: ['spend_kg', 'spend_pri', 'spend_jun', 'spend_sh', 'spend_vs'], whole: 'edu_budget' },
  { parts: ['edu_budget'], whole: 'budget_total' },
  { parts: ['rotation_count'], whole: 'rotation_eligible' },
  { parts: ['rotation_backbone'], whole: 'rotation_count' },
]

/** Descriptive columns of a county (one row per code), shipped beside the panel. */
export const COUNTY_FIELDS = [
  { id: 'code', label: '行政区划代码' },
  { id: 'name', label: '区县' },
  { id: 'prefecture_code', label: '地市代码' },
  { id: 'prefecture', label: '地市' },
  { id: 'province_code', label: '省份代码' },
  { id: 'province', label: '省份' },
  { id: 'county_type', label: '区县类型' },
  { id: 'pop_2020', label: '2020年常住人口' },
  { id: 'initials', label: '拼音首字母' },
] as const

export const COUNTY_TYPES = [
  '市辖区',
  '县级市',
  '县',
  '自治县',
  '旗',
  '自治旗',
  '特区',
  '林区',
  '不设区的地级市',
] as const
export type CountyType = (typeof COUNTY_TYPES)[number]

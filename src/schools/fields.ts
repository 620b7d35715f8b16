// The school-level rows (教育事业统计 基表: one row per school and year) and how they sum to
// a county row. A school reports each 学段 it runs in its own columns (a 九年一贯制学校 fills
// both pri_* and jun_*), so a county field is a plain sum of school columns; only the
// 公办 share of 随迁子女 also filters on 办学性质.
import type { RawFieldId } from '../indicators/fields.ts'

/** 学段 of a school, with the sections (学段部分) it reports. */
export const SCHOOL_STAGES = [
  { id: '小学', sections: ['pri'] },
  { id: '教学点', sections: ['pri'] },
  { id: '初中', sections: ['jun'] },
  { id: '九年一贯制学校', sections: ['pri', 'jun'] },
  { id: '完全中学', sections: ['jun', 'sh'] },
  { id: '高级中学', sections: ['sh'] },
] as const
export type SchoolStage = (typeof SCHOOL_STAGES)[number]['id']

export const URBAN_RURAL = ['城区', '镇区', '乡村'] as const
export type UrbanRural = (typeof URBAN_RURAL)[number]

export const OWNERSHIP = ['公办', '民办'] as const
export type Ownership = (typeof OWNERSHIP)[number]

/** Descriptive columns, present on every school row. */
export const SCHOOL_KEY_FIELDS = [
  { id: 'school_id', label: '学校标识码' },
  { id: 'school_name', label: '学校名称' },
  { id: 'code', label: '行政区划代码' },
  { id: 'year', label: '年份' },
  { id: 'stage', label: '学段' },
  { id: 'urban_rural', label: '城乡' },
  { id: 'ownership', label: '办学性质' },
] as const
export type SchoolKeyId = (typeof SCHOOL_KEY_FIELDS)[number]['id']

export type Section = 'pri' | 'jun' | 'sh'
export const SECTION_NAME: Readonly<Record<Section, string>> = { pri: '小学', jun: '初中', sh: '普通高中' }

export interface SchoolField {
  /** Column name in DuckDB, Parquet and the template. */
  id: string
  /** Chinese header of the template. */
  label: string
  unit: '人' | '个' | '间' | '平方米' | '万元'
  integer: boolean
  /** The 学段 part the figure belongs to; `school` for the whole school. */
  section: Section | 'school'
}

/** 班额 bands of the 基表: ≤45, 46–55, 56–65, ≥66. */
export const CLASS_BANDS = [
  { suffix: 'classes_45', label: '45人及以下班级数' },
  { suffix: 'classes_46_55', label: '46-55人班级数' },
  { suffix: 'classes_56_65', label: '56-65人班级数' },
  { suffix: 'classes_66', label: '66人及以上班级数' },
] as const

const count = (section: Section, suffix: string, label: string, unit: SchoolField['unit'] = '人'): SchoolField => ({
  id: `${section}_${suffix}`,
  label: `${SECTION_NAME[section]}${label}`,
  unit,
  integer: true,
  section,
})

const classBands = (section: Section): SchoolField[] => CLASS_BANDS.map((b) => count(section, b.suffix, b.label, '个'))

/** Teachers of a compulsory section: by qualification, 骨干, 音体美 (blank where unknown). */
const compulsoryTeachers = (section: 'pri' | 'jun'): SchoolField[] => [
  count(section, 'staff', '教职工数'),
  count(section, 'teachers', '专任教师数'),
  // 规定学历 (教师法): 小学 中专, 初中 专科 — so 高于规定学历 is 专科及以上 for 小学 and 本科及以上 for 初中.
  ...(section === 'pri' ? [count(section, 'teachers_college', '专科及以上学历专任教师数')] : []),
  count(section, 'teachers_bachelor', '本科及以上学历专任教师数'),
  count(section, 'backbone', '县级及以上骨干教师数'),
  count(section, 'pe_arts', '体育艺术(音乐、美术)专任教师数'),
]

export const SCHOOL_FIELDS: readonly SchoolField[] = [
  count('pri', 'enrol', '在校生数'),
  ...classBands('pri'),
  ...compulsoryTeachers('pri'),
  count('jun', 'enrol', '在校生数'),
  ...classBands('jun'),
  ...compulsoryTeachers('jun'),
  count('sh', 'enrol', '在校生数'),
  count('sh', 'intake', '招生数'),
  ...classBands('sh'),
  count('sh', 'staff', '教职工数'),
  count('sh', 'teachers', '专任教师数'),
  { id: 'migrant_children', label: '义务教育随迁子女在校生数', unit: '人', integer: true, section: 'school' },
  // The 优质均衡 resource inputs (教督〔2017〕6号): whole-school figures, as the 基表 reports them.
  { id: 'building_area', label: '教学及辅助用房面积', unit: '平方米', integer: false, section: 'school' },
  { id: 'sports_area', label: '体育运动场馆面积', unit: '平方米', integer: false, section: 'school' },
  { id: 'equipment_value', label: '教学仪器设备值', unit: '万元', integer: false, section: 'school' },
  { id: 'multimedia_rooms', label: '网络多媒体教室数', unit: '间', integer: true, section: 'school' },
]

export type SchoolFieldId = (typeof SCHOOL_FIELDS)[number]['id']

/** One county field as a sum of school columns, over every school or only the 公办 ones. */
export interface SchoolSum {
  county: RawFieldId
  schools: readonly SchoolFieldId[]
  ownership?: Ownership
}

const bands = (section: Section, from: number): SchoolFieldId[] =>
  CLASS_BANDS.slice(from).map((b) => `${section}_${b.suffix}`)

const sectionSums = (section: Section, same: readonly string[]): SchoolSum[] => [
  ...same.map((f) => ({ county: `${section}_${f}`, schools: [`${section}_${f}`] })),
  { county: `${section}_classes`, schools: bands(section, 0) },
  { county: `${section}_classes_56`, schools: bands(section, 2) },
]

/**
 * Which school columns sum to which county field. County fields not listed (population,
 * 学前, 中职, spending, pay, 巩固率, 差异系数 …) are not school-level and stay empty in an
 * aggregated panel.
 */
export const SCHOOL_TO_COUNTY: readonly SchoolSum[] = [
  ...sectionSums('pri', ['enrol', 'staff', 'teachers', 'teachers_bachelor']),
  { county: 'pri_classes_66', schools: bands('pri', 3) },
  ...sectionSums('jun', ['enrol', 'staff', 'teachers', 'teachers_bachelor']),
  { county: 'jun_classes_66', schools: bands('jun', 3) },
  ...sectionSums('sh', ['enrol', 'intake', 'staff', 'teachers']),
  { county: 'migrant_children', schools: ['migrant_children'] },
  { county: 'migrant_children_public', schools: ['migrant_children'], ownership: '公办' },
]

/** Template header of a field: label with its unit in brackets, as in the county template. */
export const schoolHeader = (f: SchoolField): string => `${f.label}(${f.unit})`

/** Every column of a school row: the keys, then the figures. */
export const SCHOOL_COLUMNS: readonly { id: string; label: string; type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' }[] = [
  ...SCHOOL_KEY_FIELDS.map(
    (f) => ({ id: f.id, label: f.label, type: f.id === 'year' ? 'INTEGER' : 'VARCHAR' }) as const,
  ),
  ...SCHOOL_FIELDS.map((f) => ({ id: f.id, label: schoolHeader(f), type: f.integer ? 'INTEGER' : 'DOUBLE' }) as const),
]

/** The column a file's header names: its id, its Chinese label, or the label with the unit. */
export function schoolColumnOf(header: string): string | undefined {
  const h = header.trim()
  const key = SCHOOL_KEY_FIELDS.find((f) => f.id === h || f.label === h)
  if (key) return key.id
  return SCHOOL_FIELDS.find((f) => f.id === h || f.label === h || schoolHeader(f) === h)?.id
}

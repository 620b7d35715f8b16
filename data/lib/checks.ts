// Invariants every county-year of the shipped panel must satisfy, and a summary of how
// many counties fail each policy line (so the dashboard has true 未达标 cases to show).
import { RAW_FIELDS } from '../../src/indicators/fields.ts'
import type { Panel } from './calibrate.ts'
import { YEARS } from './targets.ts'

type Getter = (id: string) => number

const PARTS: readonly { name: string; ok: (g: Getter) => boolean }[] = [
  {
    name: '公办 + 普惠民办 ≤ 在园',
    ok: (g) => g('kg_public_enrol') + g('kg_inclusive_private_enrol') <= g('kg_enrol'),
  },
  { name: '公办园数 ≤ 幼儿园数', ok: (g) => g('kg_public_count') <= g('kg_count') },
  {
    name: '66+ ≤ 56+ ≤ 班级 (小学)',
    ok: (g) => g('pri_classes_66') <= g('pri_classes_56') && g('pri_classes_56') <= g('pri_classes'),
  },
  {
    name: '66+ ≤ 56+ ≤ 班级 (初中)',
    ok: (g) => g('jun_classes_66') <= g('jun_classes_56') && g('jun_classes_56') <= g('jun_classes'),
  },
  { name: '56+ ≤ 班级 (高中)', ok: (g) => g('sh_classes_56') <= g('sh_classes') },
  {
    name: '本科 ≤ 专任 ≤ 教职工 (小学)',
    ok: (g) => g('pri_teachers_bachelor') <= g('pri_teachers') && g('pri_teachers') <= g('pri_staff'),
  },
  {
    name: '本科 ≤ 专任 ≤ 教职工 (初中)',
    ok: (g) => g('jun_teachers_bachelor') <= g('jun_teachers') && g('jun_teachers') <= g('jun_staff'),
  },
  { name: '专任 ≤ 教职工 (高中)', ok: (g) => g('sh_teachers') <= g('sh_staff') },
  { name: '随迁公办 ≤ 随迁', ok: (g) => g('migrant_children_public') <= g('migrant_children') },
  { name: '残疾入学 ≤ 残疾', ok: (g) => g('disabled_children_enrolled') <= g('disabled_children') },
  {
    name: '骨干 ≤ 轮岗 ≤ 符合条件',
    ok: (g) =>
      Number.isNaN(g('rotation_count')) ||
      (g('rotation_backbone') <= g('rotation_count') && g('rotation_count') <= g('rotation_eligible')),
  },
  { name: '巩固率 ≤ 105%', ok: (g) => g('consol_grads') <= 1.05 * g('consol_cohort') + 1 },
  {
    name: '学段经费之和 ≤ 教育支出 ≤ 预算支出',
    ok: (g) => {
      const stages = ['spend_kg', 'spend_pri', 'spend_jun', 'spend_sh', 'spend_vs'].map(g)
      if (stages.some(Number.isNaN) || Number.isNaN(g('edu_budget'))) return true
      return stages.reduce((s, x) => s + x, 0) <= g('edu_budget') && g('edu_budget') <= g('budget_total')
    },
  },
]

export function checkInvariants(panel: Panel): string[] {
  const errors: string[] = []
  const T = YEARS.length
  // Panel.col creates missing columns as zeros, so a field the simulation forgot would
  // otherwise ship silently.
  const ids = new Set(RAW_FIELDS.map((f) => f.id))
  for (const id of ids) if (!panel.has(id)) errors.push(`column ${id} was never simulated`)
  for (const id of panel.cols.keys()) if (!ids.has(id)) errors.push(`column ${id} is not a RAW_FIELDS id`)
  if (errors.length > 0) return errors
  for (let i = 0; i < panel.codes.length; i++) {
    for (let t = 0; t < T; t++) {
      const k = i * T + t
      const g: Getter = (id) => panel.col(id)[k] as number
      for (const f of RAW_FIELDS) {
        const v = g(f.id)
        if (v < 0 || (f.integer && !Number.isNaN(v) && !Number.isInteger(v)) || v === Infinity)
          errors.push(`${panel.codes[i]} ${YEARS[t]} ${f.id}=${v}`)
      }
      for (const p of PARTS) if (!p.ok(g)) errors.push(`${panel.codes[i]} ${YEARS[t]}: ${p.name}`)
    }
  }
  return errors
}

export function nullCells(panel: Panel): { cells: number; nulls: number; byField: Record<string, number> } {
  let nulls = 0
  const byField: Record<string, number> = {}
  for (const f of RAW_FIELDS) {
    const c = panel.col(f.id)
    let n = 0
    for (const v of c) if (Number.isNaN(v)) n++
    if (n > 0) byField[f.id] = n
    nulls += n
  }
  return { cells: panel.codes.length * YEARS.length * RAW_FIELDS.length, nulls, byField }
}

interface Rule {
  name: string
  /** Whether a county-year meets the line, or null when it cannot be judged. */
  pass: (g: Getter, prev: Getter | null, year: number) => boolean | null
}

const ratio = (a: number, b: number): number => (Number.isNaN(a) || Number.isNaN(b) || b === 0 ? NaN : a / b)
const judge = (x: number, ok: (x: number) => boolean): boolean | null => (Number.isNaN(x) ? null : ok(x))

/** The policy lines of indicators.md, as the dashboard will test them. */
const RULES: readonly Rule[] = [
  {
    name: '毛入园率 ≥85/90',
    pass: (g, _, y) => judge(ratio(g('kg_enrol'), g('pop_3_5')), (x) => x >= (y <= 2020 ? 0.85 : 0.9)),
  },
  {
    name: '普惠覆盖率 ≥80/85',
    pass: (g, _, y) =>
      judge(
        ratio(g('kg_public_enrol') + g('kg_inclusive_private_enrol'), g('kg_enrol')),
        (x) => x >= (y <= 2020 ? 0.8 : 0.85),
      ),
  },
  { name: '公办园占比 ≥50', pass: (g) => judge(ratio(g('kg_public_enrol'), g('kg_enrol')), (x) => x >= 0.5) },
  { name: '幼儿园生师比 ≤15', pass: (g) => judge(ratio(g('kg_enrol'), g('kg_teachers')), (x) => x <= 15) },
  {
    name: '大班额 ≤5% (2020) / 0',
    pass: (g, _, y) =>
      y < 2020
        ? null
        : judge(ratio(g('pri_classes_56') + g('jun_classes_56'), g('pri_classes') + g('jun_classes')), (x) =>
            y === 2020 ? x <= 0.05 : x === 0,
          ),
  },
  {
    name: '超大班额 ≤2% (2018) / 0',
    pass: (g, _, y) =>
      y < 2018
        ? null
        : judge(ratio(g('pri_classes_66') + g('jun_classes_66'), g('pri_classes') + g('jun_classes')), (x) =>
            y === 2018 ? x <= 0.02 : x === 0,
          ),
  },
  { name: '小学生/教职工 ≤19', pass: (g) => judge(ratio(g('pri_enrol'), g('pri_staff')), (x) => x <= 19) },
  { name: '初中生/教职工 ≤13.5', pass: (g) => judge(ratio(g('jun_enrol'), g('jun_staff')), (x) => x <= 13.5) },
  { name: '高中生/教职工 ≤12.5', pass: (g) => judge(ratio(g('sh_enrol'), g('sh_staff')), (x) => x <= 12.5) },
  { name: '巩固率 ≥95', pass: (g) => judge(ratio(g('consol_grads'), g('consol_cohort')), (x) => x >= 0.95) },
  { name: '小学差异系数 ≤0.50', pass: (g) => judge(g('cv_primary'), (x) => x <= 0.5) },
  { name: '初中差异系数 ≤0.45', pass: (g) => judge(g('cv_junior'), (x) => x <= 0.45) },
  { name: '小学差异系数 ≤0.65', pass: (g) => judge(g('cv_primary'), (x) => x <= 0.65) },
  { name: '初中差异系数 ≤0.55', pass: (g) => judge(g('cv_junior'), (x) => x <= 0.55) },
  { name: '小学平均班额 ≤45', pass: (g) => judge(ratio(g('pri_enrol'), g('pri_classes')), (x) => x <= 45) },
  { name: '初中平均班额 ≤50', pass: (g) => judge(ratio(g('jun_enrol'), g('jun_classes')), (x) => x <= 50) },
  {
    name: '小学每百生高学历 ≥4.2',
    pass: (g) => judge(ratio(g('pri_teachers_bachelor'), g('pri_enrol')), (x) => x * 100 >= 4.2),
  },
  {
    name: '初中每百生高学历 ≥5.3',
    pass: (g) => judge(ratio(g('jun_teachers_bachelor'), g('jun_enrol')), (x) => x * 100 >= 5.3),
  },
  {
    name: '随迁公办 ≥85',
    pass: (g) => judge(ratio(g('migrant_children_public'), g('migrant_children')), (x) => x >= 0.85),
  },
  {
    name: '残疾入学率 ≥95',
    pass: (g) => judge(ratio(g('disabled_children_enrolled'), g('disabled_children')), (x) => x >= 0.95),
  },
  {
    name: '高中毛入学率 ≥90/92',
    pass: (g, _, y) =>
      judge(ratio(g('sh_enrol') + g('vs_enrol'), g('pop_15_17')), (x) => x >= (y <= 2020 ? 0.9 : 0.92)),
  },
  { name: '教师工资 ≥ 公务员', pass: (g) => judge(g('teacher_salary') - g('civil_salary'), (x) => x >= 0) },
  { name: '轮岗 ≥10%', pass: (g) => judge(ratio(g('rotation_count'), g('rotation_eligible')), (x) => x >= 0.1) },
  { name: '骨干 ≥20%', pass: (g) => judge(ratio(g('rotation_backbone'), g('rotation_count')), (x) => x >= 0.2) },
  { name: '教育支出不减', pass: (g, p) => (p ? judge(g('edu_budget') - p('edu_budget'), (x) => x >= 0) : null) },
  {
    name: '两个只增不减',
    pass: (g, p) => {
      if (!p) return null
      const stages: [string, string][] = [
        ['spend_kg', 'kg_enrol'],
        ['spend_pri', 'pri_enrol'],
        ['spend_jun', 'jun_enrol'],
        ['spend_sh', 'sh_enrol'],
        ['spend_vs', 'vs_enrol'],
      ]
      const parts = [
        g('edu_budget') - p('edu_budget'),
        ...stages.map(([s, e]) => ratio(g(s), g(e)) - ratio(p(s), p(e))),
      ]
      return parts.some(Number.isNaN) ? null : parts.every((x) => x >= 0)
    },
  },
]

/** Share of judged counties failing each rule, per year. */
export function ruleFailures(
  panel: Panel,
  years: readonly number[],
): { rule: string; byYear: Record<number, string> }[] {
  const T = YEARS.length
  return RULES.map((rule) => {
    const byYear: Record<number, string> = {}
    for (const y of years) {
      const t = (YEARS as readonly number[]).indexOf(y)
      let judged = 0
      let failed = 0
      for (let i = 0; i < panel.codes.length; i++) {
        const g: Getter = (id) => panel.col(id)[i * T + t] as number
        const p: Getter | null = t > 0 ? (id) => panel.col(id)[i * T + t - 1] as number : null
        const r = rule.pass(g, p, y)
        if (r === null) continue
        judged++
        if (!r) failed++
      }
      byYear[y] = `${failed}/${judged}`
    }
    return { rule: rule.name, byYear }
  })
}

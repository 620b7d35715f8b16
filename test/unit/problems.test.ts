import { describe, expect, it } from 'vitest'
import { getIndicator, thresholdFor } from '../../src/indicators/catalog.ts'
import { countyProblems } from '../../src/indicators/problems.ts'
import { RULES } from '../../src/indicators/rules.ts'
import type { RuleStatusRow } from '../../src/queries/rules.ts'

const row = (
  rule: string,
  year: number,
  status: RuleStatusRow['status'],
  value: number | null,
  extra: Partial<RuleStatusRow> = {},
): RuleStatusRow => {
  const rl = RULES.find((r) => r.id === rule)!
  const threshold = rl.kind === 'threshold' ? (thresholdFor(getIndicator(rl.indicator), year)?.value ?? null) : null
  const ind = rl.kind === 'threshold' ? getIndicator(rl.indicator) : null
  const gap =
    value === null || threshold === null || !ind
      ? null
      : Math.max(ind.good === 'up' ? threshold - value : value - threshold, 0)
  return { rule, code: '990101', year, value, threshold, status, gap, failing: null, streak: 1, ...extra }
}

describe('存在问题 sentences', () => {
  it('writes the seeds’ style for a rate below its line, with the gap in 个百分点 and the streak', () => {
    const [p] = countyProblems([row('kg_public_share', 2023, '未达标', 42.3, { streak: 3 })], 2023)
    expect(p!.sentence).toBe('2023年公办园在园幼儿占比为42.3%，低于50%的要求，差距7.70个百分点，已连续3年未达标')
    expect(p!.indicator).toBe('kg_public_share')
  })

  it('tells 两个只增不减 in one sentence naming each leg that fell', () => {
    const rows = [
      row('two_no_decrease', 2022, '未达标', null, { failing: 'edu_budget_growth,per_student_sh_growth' }),
      row('edu_budget_growth', 2022, '未达标', -3.2),
      row('per_student_sh_growth', 2022, '未达标', -1.15),
      row('per_student_pri_growth', 2022, '达标', 2.1),
    ]
    const problems = countyProblems(rows, 2022)
    expect(problems.map((p) => p.sentence)).toEqual([
      '2022年一般公共预算教育支出比上年下降3.20%，普通高中生均一般公共预算教育支出比上年下降1.15%，未实现“两个只增不减”',
    ])
  })

  it('phrases the pay gap and the lines that demand elimination', () => {
    const problems = countyProblems(
      [
        row('salary_gap', 2024, '未达标', -3000),
        row('large_class_share', 2024, '未达标', 1.2),
        row('pri_pupil_staff', 2024, '未达标', 20.5),
      ],
      2024,
    ).map((p) => p.sentence)
    expect(problems).toContain(
      '2024年义务教育教师年平均工资比当地公务员年平均工资低3,000元，未达到“不低于当地公务员平均工资收入水平”的要求',
    )
    expect(problems).toContain('2024年义务教育大班额比例为1.20%，未达到全面消除的要求')
    expect(problems).toContain('2024年小学生与教职工比为20.50，高于19的要求，差距1.50')
  })

  it('has a sentence for every threshold rule, naming the indicator and its value', () => {
    const year = 2024
    const failing = RULES.filter(
      (r) =>
        r.kind === 'threshold' && thresholdFor(getIndicator(r.indicator), year) && !r.indicator.endsWith('_growth'),
    ).map((r) => {
      const ind = getIndicator(r.kind === 'threshold' ? r.indicator : '')
      const t = thresholdFor(ind, year)!.value
      return row(r.id, year, '未达标', ind.good === 'up' ? t - 1 : t + 1)
    })
    const problems = countyProblems(failing, year)
    expect(problems).toHaveLength(failing.length)
    for (const p of problems) {
      const ind = getIndicator(p.indicator)
      expect(p.sentence, p.rule).toMatch(new RegExp(`^${year}年`))
      expect(p.sentence.includes(ind.label) || p.rule === 'salary_gap', p.rule).toBe(true)
    }
  })

  it('orders persistent and larger shortfalls first', () => {
    const problems = countyProblems(
      [
        row('kg_public_share', 2024, '未达标', 49, { streak: 1 }),
        row('kg_gross_enrol_rate', 2024, '未达标', 70, { streak: 1 }),
        row('consolidation_rate', 2024, '未达标', 94.9, { streak: 4 }),
      ],
      2024,
    )
    expect(problems.map((p) => p.rule)).toEqual(['consolidation_rate', 'kg_gross_enrol_rate', 'kg_public_share'])
  })

  it('reports nothing for a county that meets every line or lacks data', () => {
    const rows = [
      row('kg_public_share', 2024, '达标', 60),
      row('cv_primary', 2024, '无数据', null),
      row('kg_public_share', 2023, '未达标', 40),
    ]
    expect(countyProblems(rows, 2024)).toEqual([])
  })
})

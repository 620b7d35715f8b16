// The 指标说明 panel's formula in the field names users know from the CSV template, never
// the database's column names.
import { describe, expect, it } from 'vitest'
import { getIndicator, INDICATORS } from '../../src/indicators/catalog.ts'
import { RAW_FIELDS } from '../../src/indicators/fields.ts'
import { aggregateText, formulaText } from '../../src/indicators/formula.ts'

const LABEL = new Map(RAW_FIELDS.map((f) => [f.id, f.label]))

describe('indicator formulas in Chinese', () => {
  it('writes every indicator of the catalog with its fields’ Chinese labels and no column name', () => {
    for (const ind of INDICATORS) {
      const text = formulaText(ind)
      expect(text, ind.id).not.toMatch(/[a-z_]+/i)
      for (const field of ind.fields) expect(text, `${ind.id}: ${field}`).toContain(LABEL.get(field))
      expect(aggregateText(ind), ind.id).not.toMatch(/[a-z_]+/i)
    }
  })

  it('reads as the reports write a formula', () => {
    expect(formulaText(getIndicator('kg_public_share'))).toBe('公办园在园幼儿数 ÷ 在园幼儿数 × 100')
    expect(formulaText(getIndicator('kg_inclusive_rate'))).toBe(
      '（公办园在园幼儿数 + 普惠性民办园在园幼儿数）÷ 在园幼儿数 × 100',
    )
    expect(formulaText(getIndicator('vs_intake_share'))).toBe('中职招生数 ÷（中职招生数 + 普通高中招生数）× 100')
    expect(formulaText(getIndicator('large_class_count'))).toBe('小学56人及以上班级数 + 初中56人及以上班级数')
    expect(formulaText(getIndicator('per_student_kg_growth'))).toBe(
      '幼儿园一般公共预算教育支出 ÷ 在园幼儿数 × 10000（万元换算为元），再计算比上年增长率',
    )
    expect(formulaText(getIndicator('salary_gap'))).toBe(
      '（义务教育教师年平均工资 − 当地公务员年平均工资）×（小学专任教师数 + 初中专任教师数）÷（小学专任教师数 + 初中专任教师数）',
    )
  })

  it('says a province figure is the ratio of the counties’ totals, a level the sum', () => {
    expect(aggregateText(getIndicator('kg_public_share'))).toBe(
      '省、市数值按合计数计算：分子、分母分别取各区县合计后相除，不是各区县数值的平均数。',
    )
    expect(aggregateText(getIndicator('edu_budget'))).toBe('省、市数值为各区县合计。')
  })

  it('refuses a column it has no label for', () => {
    expect(() => formulaText({ ...getIndicator('kg_public_share'), num: 'kg_nope' })).toThrow(/kg_nope/)
  })
})

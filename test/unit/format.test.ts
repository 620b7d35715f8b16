import { describe, expect, it } from 'vitest'
import { getIndicator } from '../../src/indicators/catalog.ts'
import {
  formatChange,
  formatNumber,
  formatRankChange,
  formatThreshold,
  formatValue,
  growthPct,
  verdictDigits,
} from '../../src/indicators/format.ts'

describe('Chinese number formats', () => {
  it('formats rates, money and ratios with their units', () => {
    expect(formatValue((5054 / 10086) * 100, getIndicator('kg_public_share'))).toBe('50.1%')
    expect(formatValue(57926.18, getIndicator('edu_budget'))).toBe('5.79亿元')
    expect(formatValue(9876.4, getIndicator('edu_budget'))).toBe('9,876万元')
    expect(formatValue(11046, getIndicator('salary_gap'))).toBe('11,046元')
    expect(formatValue(16.666, getIndicator('pri_pupil_teacher'))).toBe('16.67')
    expect(formatValue(null, getIndicator('kg_public_share'))).toBe('—')
  })

  it('writes rate changes in 个百分点, amounts with their growth in %, ratios by how much', () => {
    expect(formatChange(52.79, 52.65, getIndicator('kg_public_share'))).toBe('+0.14个百分点')
    expect(formatChange(57926.18, 57314.66, getIndicator('edu_budget'))).toBe('+612万元（+1.07%）')
    expect(formatChange(29000, 30000, getIndicator('edu_budget'))).toBe('-1,000万元（-3.33%）')
    expect(formatChange(77938, 76000, getIndicator('salary_gap'))).toBe('+1,938元（+2.55%）')
    expect(formatChange(14.75, 15, getIndicator('kg_pupil_teacher'))).toBe('-0.3')
    expect(formatChange(null, 15, getIndicator('kg_pupil_teacher'))).toBe('—')
  })

  it('rounds halves away from zero on the decimal value, and never prints a negative zero', () => {
    // The doubles nearest 0.3985 and 0.4785 lie below them: rounding the binary value gave 0.398 and 0.478.
    expect(formatValue(0.3985, getIndicator('cv_primary'))).toBe('0.399')
    expect(formatValue(0.4785, getIndicator('cv_primary'))).toBe('0.479')
    expect(formatValue(-0.4785, getIndicator('cv_primary'))).toBe('-0.479')
    expect(formatNumber(2.5, 0)).toBe('3')
    expect(formatValue(-0.004, getIndicator('edu_budget_growth'))).toBe('0.00%')
    expect(formatValue(-0.4, getIndicator('salary_gap'))).toBe('0元')
    expect(formatChange(50.001, 50.003, getIndicator('kg_public_share'))).toBe('0.00个百分点')
    expect(formatChange(0.354, 0.354, getIndicator('cv_primary'))).toBe('0.000')
    expect(formatChange(0.354, 0.353, getIndicator('cv_primary'))).toBe('+0.001')
  })

  it('writes every number as zh-CN Intl.NumberFormat does, rounding halves away from zero', () => {
    // formatNumber is written by hand (Intl's first use costs the first paint); Intl is the reference.
    const intl = [0, 1, 2, 3, 4, 5, 6].map(
      (digits) =>
        new Intl.NumberFormat('zh-CN', {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          roundingMode: 'halfExpand',
          signDisplay: 'negative',
        }),
    )
    let seed = 7
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1
    const values = [0, -0, 0.5, 1.5, 2.5, -2.5, 9.995, 99.95, 999999.5, 0.0000005, 1234567.891, 0.3985, -0.4785]
    for (let i = 0; i < 4000; i++) {
      const magnitude = 10 ** Math.floor(random() * 9)
      const value = random() * magnitude
      values.push(value, Math.round(value * 1000) / 1000, Math.round(value * 100 + 0.5) / 100 - 0.005)
    }
    for (const value of values)
      for (let digits = 0; digits <= 6; digits++)
        expect(formatNumber(value, digits), `${value} at ${digits}`).toBe(intl[digits]!.format(value))
  })

  it('shows the change in 元 only when a % of the base means nothing', () => {
    // 工资差额 from −4元 to 1,556元: no −39,000%.
    expect(formatChange(1556, -4, getIndicator('salary_gap'))).toBe('+1,560元')
    expect(formatChange(-200, 1000, getIndicator('salary_gap'))).toBe('-1,200元')
    expect(formatChange(500, 0, getIndicator('salary_gap'))).toBe('+500元')
    expect(formatChange(0, 1000, getIndicator('salary_gap'))).toBe('-1,000元（-100.00%）')
    expect(growthPct(1556, -4)).toBeNull()
  })

  it('shows a judged value with the digits its verdict needs', () => {
    const rate = getIndicator('kg_gross_enrol_rate')
    // 祁阳市 2018: 84.957% against ≥85% is 未达标, so it must not read 85.0%.
    expect(formatValue(84.957, rate, 2018)).toBe('84.96%')
    expect(formatValue(84.9996, rate, 2018)).toBe('84.9996%')
    expect(formatValue(85, rate, 2018)).toBe('85.0%')
    expect(formatValue(85.04, rate, 2018)).toBe('85.0%')
    expect(formatValue(84.957, rate)).toBe('85.0%')
    // Against the 基本达标 band too: 0.6504 is beyond ≤0.65 and must not read 0.650.
    expect(formatValue(0.6504, getIndicator('cv_primary'), 2024)).toBe('0.6504')
    expect(formatValue(0.5004, getIndicator('cv_primary'), 2024)).toBe('0.5004')
    expect(formatValue(0.4996, getIndicator('cv_primary'), 2024)).toBe('0.500')
    // A growth of −0.001% fails “not below 0”: it shows its sign.
    expect(formatValue(-0.001, getIndicator('edu_budget_growth'), 2020)).toBe('-0.001%')
    expect(verdictDigits(-0.000001, getIndicator('edu_budget_growth'), 2020)).toBe(6)
  })

  it('shows rank movement and thresholds', () => {
    expect(formatRankChange(2, 5)).toBe('↑3')
    expect(formatRankChange(7, 5)).toBe('↓2')
    expect(formatRankChange(5, 5)).toBe('持平')
    expect(formatRankChange(null, 5)).toBe('—')
    expect(formatThreshold(getIndicator('kg_public_share'), 50)).toBe('≥50%')
    expect(formatThreshold(getIndicator('jun_pupil_staff'), 13.5)).toBe('≤13.5')
    expect(formatThreshold(getIndicator('kg_public_share'), null)).toBe('无标准')
  })
})

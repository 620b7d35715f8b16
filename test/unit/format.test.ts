import { describe, expect, it } from 'vitest'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { formatChange, formatRankChange, formatThreshold, formatValue } from '../../src/indicators/format.ts'

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
    expect(formatChange(0.14, 2.9, getIndicator('kg_public_share'))).toBe('+0.14个百分点')
    expect(formatChange(57926.18 - 57314.66, (57926.18 / 57314.66 - 1) * 100, getIndicator('edu_budget'))).toBe('+612万元（+1.07%）')
    expect(formatChange(-1000, -3.33, getIndicator('edu_budget'))).toBe('-1,000万元（-3.33%）')
    expect(formatChange(77938 - 76000, 2.55, getIndicator('salary_gap'))).toBe('+1,938元（+2.55%）')
    expect(formatChange(-0.25, -1.5, getIndicator('kg_pupil_teacher'))).toBe('-0.3')
    expect(formatChange(null, null, getIndicator('kg_pupil_teacher'))).toBe('—')
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

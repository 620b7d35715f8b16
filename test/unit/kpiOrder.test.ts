// The county page's KPI cards, 问题优先: this year's 未达标 indicators first, the furthest from
// their line (relative to it) first, headline or not, then the other headline figures.
import { describe, expect, it } from 'vitest'
import { HEADLINE_INDICATOR_IDS, getIndicator, thresholdFor } from '../../src/indicators/catalog.ts'
import { failingIndicators, kpiIndicatorIds, relativeGap } from '../../src/indicators/kpiOrder.ts'
import type { SeriesRow } from '../../src/queries/series.ts'

/** A series row as countySeriesQuery gives it: the line of the year from the catalog. */
const row = (indicator: string, year: number, value: number | null, status: SeriesRow['status']): SeriesRow => ({
  indicator,
  year,
  value,
  rank: 1,
  rank_prefecture: 1,
  threshold: thresholdFor(getIndicator(indicator), year)?.value ?? null,
  status,
  doubt: null,
})

describe('relative gap to the line', () => {
  it('measures the shortfall in the indicator’s direction, as a share of the line', () => {
    // 毛入园率 ≥90% (2021 on): 81% is 9 points short, a tenth of the line.
    expect(relativeGap(getIndicator('kg_gross_enrol_rate'), 81, 90)).toBeCloseTo(0.1)
    // 小学生师比 ≤19: 20.9 is 1.9 over, a tenth.
    expect(relativeGap(getIndicator('pri_pupil_staff'), 20.9, 19)).toBeCloseTo(0.1)
    // On the right side of the line: no gap.
    expect(relativeGap(getIndicator('kg_gross_enrol_rate'), 95, 90)).toBe(0)
    expect(relativeGap(getIndicator('pri_pupil_staff'), 15, 19)).toBe(0)
  })

  it('measures a shortfall from a line of 0 against the whole: percentages against 100, pay against 10万元', () => {
    // 大班额 全面消除: 3% of classes.
    expect(relativeGap(getIndicator('large_class_share'), 3, 0)).toBeCloseTo(0.03)
    // 只增不减: a fall of 4% is 4% of last year's level.
    expect(relativeGap(getIndicator('edu_budget_growth'), -4, 0)).toBeCloseTo(0.04)
    // Teachers paid 5,000元 less than civil servants.
    expect(relativeGap(getIndicator('salary_gap'), -5000, 0)).toBeCloseTo(0.05)
  })
})

describe('KPI card order', () => {
  const rows: SeriesRow[] = [
    // 2024: four 未达标, one 基本达标, one 达标; two of the failing are not headline figures.
    row('kg_gross_enrol_rate', 2024, 85.5, '未达标'), // 4.5 / 90 = 0.05
    row('large_class_share', 2024, 2, '未达标'), // 2 / 100 = 0.02
    row('pri_class_size', 2024, 54, '未达标'), // 9 / 45 = 0.2 — not a headline figure
    row('disabled_enrol_rate', 2024, 85.5, '未达标'), // 9.5 / 95 = 0.1 — not a headline figure
    row('cv_primary', 2024, 0.6, '基本达标'),
    row('kg_public_share', 2024, 60, '达标'),
    // Another year's failure is not this year's.
    row('hs_gross_enrol_rate', 2023, 70, '未达标'),
    // No value: 无数据, not a failure.
    row('consolidation_rate', 2024, null, '无数据'),
  ]

  it('默认: the headline figures in the reports’ order, whatever fails', () => {
    expect(kpiIndicatorIds(rows, 2024, 'default')).toEqual([...HEADLINE_INDICATOR_IDS])
  })

  it('问题优先: the year’s 未达标 first, largest relative gap first, then the other headline figures in order', () => {
    expect(failingIndicators(rows, 2024)).toEqual([
      { indicator: 'pri_class_size', gap: expect.closeTo(0.2) },
      { indicator: 'disabled_enrol_rate', gap: expect.closeTo(0.1) },
      { indicator: 'kg_gross_enrol_rate', gap: expect.closeTo(0.05) },
      { indicator: 'large_class_share', gap: expect.closeTo(0.02) },
    ])
    const ids = kpiIndicatorIds(rows, 2024, 'problems')
    expect(ids.slice(0, 4)).toEqual([
      'pri_class_size',
      'disabled_enrol_rate',
      'kg_gross_enrol_rate',
      'large_class_share',
    ])
    expect(ids.slice(4)).toEqual(
      HEADLINE_INDICATOR_IDS.filter((id) => id !== 'kg_gross_enrol_rate' && id !== 'large_class_share'),
    )
    // Every headline figure is still there, once.
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of HEADLINE_INDICATOR_IDS) expect(ids).toContain(id)
  })

  it('问题优先 in a year without failures is the default order', () => {
    expect(kpiIndicatorIds(rows, 2022, 'problems')).toEqual([...HEADLINE_INDICATOR_IDS])
  })

  it('breaks a tie by the headline order, then the catalog’s', () => {
    const tied = [
      row('pri_class_size', 2024, 49.5, '未达标'), // 4.5 / 45 = 0.1
      row('kg_gross_enrol_rate', 2024, 81, '未达标'), // 9 / 90 = 0.1
      row('jun_class_size', 2024, 55, '未达标'), // 5 / 50 = 0.1
    ]
    expect(failingIndicators(tied, 2024).map((f) => f.indicator)).toEqual([
      'kg_gross_enrol_rate',
      'pri_class_size',
      'jun_class_size',
    ])
  })
})

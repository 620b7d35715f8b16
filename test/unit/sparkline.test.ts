import { describe, expect, it } from 'vitest'
import { sparklineGeometry, sparklineLabel } from '../../src/charts/sparkline.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'

const years = [2015, 2016, 2017, 2018]
const enrol = getIndicator('kg_gross_enrol_rate')

describe('sparkline', () => {
  it('labels the line with its first and last year and their values, as the ranking writes them', () => {
    expect(sparklineLabel([62.14, 63, 64, 65.2], years, enrol)).toBe('2015年 62.1% → 2018年 65.2%')
    expect(sparklineLabel([57926.18, null, 9876.4, null], years, getIndicator('edu_budget'))).toBe(
      '2015年 5.79亿元 → 2017年 9,876万元',
    )
  })

  it('skips the years without a value; one year alone reads alone; nothing known is no label', () => {
    expect(sparklineLabel([null, 70, 71.5, null], years, enrol)).toBe('2016年 70.0% → 2017年 71.5%')
    expect(sparklineLabel([null, null, 71.5, null], years, enrol)).toBe('2017年 71.5%')
    expect(sparklineLabel([null, null, null, null], years, enrol)).toBeNull()
    expect(sparklineLabel([], [], enrol)).toBeNull()
  })

  it('shows the digits the verdict of each year needs (a value short of its year’s line is not rounded onto it)', () => {
    // 毛入园率: ≥85% until 2020, ≥90% from 2021.
    expect(sparklineLabel([84.957, 89.96], [2019, 2021], enrol)).toBe('2019年 84.96% → 2021年 89.96%')
  })

  it('gives no label when the years do not match the values (a caller passing another series)', () => {
    expect(sparklineLabel([62, 63], years, enrol)).toBeNull()
  })

  it('draws missing years as a break in the line, not as zero', () => {
    const g = sparklineGeometry([1, null, 3], 64, 20)!
    expect(g.path.match(/M/g)).toHaveLength(2)
    expect(g.last).toEqual({ x: 62, y: 2 })
  })
})

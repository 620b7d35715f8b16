// The county page's distribution of one indicator over a section's schools: a dot per school
// with a value, sized by enrolment and coloured by the school's line (85 % band apart), the
// line and the county's mean drawn and labelled inside the chart, names escaped in the tooltip.
import { describe, expect, it } from 'vitest'
import { LINE_COLOR, pointColor, schoolDistributionOption } from '../../src/charts/schoolDistribution.ts'
import { FAIL_COLORS, PASS_COLORS } from '../../src/charts/palette.ts'
import { COUNTY_COLOR } from '../../src/charts/trend.ts'
import { SCHOOL_INDICATORS } from '../../src/schools/indicators.ts'
import { layoutChart } from '../support/chartText.ts'

const building = SCHOOL_INDICATORS.find((i) => i.id === 'building_area')!
/** 小学 line 4.5 m²; 85 % of it is 3.825. */
const schools = [
  { name: '甲小学', enrol: 900, value: 6.2 },
  { name: '乙小学', enrol: 100, value: 4.5 },
  { name: '丙小学', enrol: 400, value: 4.0 },
  { name: '丁<教学点>', enrol: 25, value: 3.0 },
  { name: '戊小学', enrol: 300, value: null },
]
const option = schoolDistributionOption({ indicator: building, section: 'pri', schools, mean: 5.41 })

type Point = { value: [number, number]; symbolSize: number; itemStyle: { color: string } }
type Mark = { name: string; yAxis: number; lineStyle: { color: string }; label: { formatter: string } }
type Scatter = { data: Point[]; markLine: { data: Mark[] } }
const series = (o: typeof option) => (o.series as Scatter[])[0]!

describe('schoolDistributionOption', () => {
  it('draws each school with a value at its enrolment and value, larger dots for more pupils', () => {
    const points = series(option).data
    expect(points.map((p) => p.value)).toEqual([
      [900, 6.2],
      [100, 4.5],
      [400, 4.0],
      [25, 3.0],
    ])
    const sizes = points.map((p) => p.symbolSize)
    expect(sizes[0]).toBe(22)
    expect([...sizes].sort((a, b) => b - a)).toEqual([sizes[0], sizes[2], sizes[1], sizes[3]])
    // By area: a quarter of the pupils, half the extra diameter.
    expect(sizes[1]! - 4).toBeCloseTo((sizes[0]! - 4) / 3, 6)
  })

  it('colours a school by its line: at or above it passes, within 85 % of it is near, below that fails', () => {
    expect(series(option).data.map((p) => p.itemStyle.color)).toEqual([
      PASS_COLORS[1],
      PASS_COLORS[1],
      FAIL_COLORS[1],
      FAIL_COLORS[0],
    ])
    expect(pointColor(3.825, 4.5)).toBe(FAIL_COLORS[1])
    expect(pointColor(3.824, 4.5)).toBe(FAIL_COLORS[0])
  })

  it('draws the section’s line and the county mean, labelled with their values, and no mean when it is undefined', () => {
    const marks = series(option).markLine.data
    expect(marks.map((m) => [m.name, m.yAxis, m.lineStyle.color, m.label.formatter])).toEqual([
      ['标准', 4.5, LINE_COLOR, '标准 4.50平方米'],
      ['县均值', 5.41, COUNTY_COLOR, '县均值 5.41平方米'],
    ])
    const junior = schoolDistributionOption({ indicator: building, section: 'jun', schools, mean: null })
    expect(series(junior).markLine.data.map((m) => m.label.formatter)).toEqual(['标准 5.80平方米'])
    // The axis reaches past the highest dot and the line, to a round figure.
    expect((option.yAxis as { max: number }).max).toBe(7)
    expect((junior.yAxis as { max: number }).max).toBe(7)
    const equipment = SCHOOL_INDICATORS.find((i) => i.id === 'equipment_value')!
    const yuan = schoolDistributionOption({ indicator: equipment, section: 'pri', schools: [], mean: 1234.4 })
    expect(series(yuan).markLine.data.map((m) => m.label.formatter)).toEqual(['标准 2,000元', '县均值 1,234元'])
  })

  it('lays both labels out inside the chart, above a line that is the highest thing drawn', () => {
    const low = schools.map((s) => ({ ...s, value: s.value === null ? null : s.value / 3 }))
    const { texts } = layoutChart(
      schoolDistributionOption({ indicator: building, section: 'pri', schools: low, mean: 1.8 }),
      420,
      200,
    )
    for (const label of ['标准 4.50平方米', '县均值 1.80平方米']) {
      const t = texts.find((x) => x.text === label)
      expect(t, label).toBeDefined()
      expect(t!.y).toBeGreaterThanOrEqual(0)
      expect(t!.x + t!.width).toBeLessThanOrEqual(420)
    }
  })

  it('escapes school names in the tooltip', () => {
    const formatter = (option.tooltip as { formatter: (p: { dataIndex: number }) => string }).formatter
    expect(formatter({ dataIndex: 3 })).toBe('丁&lt;教学点&gt;<br/>在校生 25人<br/>教学及辅助用房：3.00平方米')
  })
})

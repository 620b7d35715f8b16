// The county page's trend small multiple with a base year (对比基年) carried from the province
// page: a dotted line at that year, labelled 基年 above the plot, legible when printed.
import { describe, expect, it } from 'vitest'
import { BASE_YEAR_LABEL, trendOption, type TrendInput } from '../../src/charts/trend.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { layoutChart, layoutProblems } from '../support/chartText.ts'

const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
/** A county's values from `from` by `step` a year, the province's around them. */
const input = (baseYear: number | null, id = 'kg_gross_enrol_rate', from = 80, step = 1): TrendInput => ({
  indicator: getIndicator(id),
  years: YEARS,
  county: YEARS.map((_, i) => from + i * step),
  countyName: '长沙县',
  figure: YEARS.map((_, i) => from + (i + 1) * step),
  q1: YEARS.map((_, i) => from + (i - 2) * step),
  median: YEARS.map((_, i) => from + (i + 1) * step),
  q3: YEARS.map((_, i) => from + (i + 3) * step),
  baseYear,
})
/** Axis labels of every kind: a rate, 元 in the tens of thousands, a coefficient, a negative gap in 元. */
const KINDS: readonly [string, number, number][] = [
  ['kg_gross_enrol_rate', 80, 1],
  ['per_student_kg', 12_000, 2_000],
  ['cv_primary', 0.3, 0.04],
  ['salary_gap', -8_000, 1_000],
]
type Series = { name: string; markLine?: { data: { xAxis: string }[]; label: { formatter: string } } }
const marks = (option: ReturnType<typeof trendOption>) =>
  (option.series as Series[]).flatMap((s) => s.markLine?.data.map((d) => `${s.name}:${d.xAxis}`) ?? [])
const top = (option: ReturnType<typeof trendOption>) => (option.grid as { top: number }).top

describe('trend: the base year', () => {
  it('draws one line at the base year, on the county’s series, and room above the plot for its label', () => {
    const option = trendOption(input(2020))
    expect(marks(option)).toEqual(['长沙县:2020'])
    const line = (option.series as Series[]).find((s) => s.markLine)!.markLine!
    expect(line.label.formatter).toBe(BASE_YEAR_LABEL)
    expect(top(option)).toBeGreaterThan(top(trendOption(input(null))))
  })

  it('draws none without a base year, or for a year the chart does not show', () => {
    expect(marks(trendOption(input(null)))).toEqual([])
    expect(marks(trendOption({ ...input(2020), baseYear: undefined }))).toEqual([])
    expect(marks(trendOption(input(2010)))).toEqual([])
    expect(top(trendOption(input(2010)))).toBe(top(trendOption(input(null))))
  })

  it('names the base year in the tooltip', () => {
    const option = trendOption(input(2020))
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter
    const at = (year: string) => formatter([{ name: year, seriesName: '长沙县', value: 85 }])
    expect(at('2020')).toMatch(/^2020年（对比基年）<br\/>/)
    expect(at('2021')).toMatch(/^2021年<br\/>/)
  })

  it('prints legibly: 基年 clear of every other label, at the first, a middle and the last year', () => {
    // The trends print three to a row (226 px) and, the lead one, two columns wide.
    const found = KINDS.flatMap(([id, from, step]) =>
      [2015, 2020, 2024].flatMap((base) =>
        [226, 290, 470].flatMap((w) => {
          const layout = layoutChart(trendOption(input(base, id, from, step)), w, 150)
          expect(layout.texts.filter((t) => t.text === BASE_YEAR_LABEL)).toHaveLength(1)
          return layoutProblems(layout, w, 150, 7 / 0.75).map((p) => `${id} ${base} ${w}: ${p}`)
        }),
      ),
    )
    expect(found).toEqual([])
  })
})

// The charts as they print: drawn by ECharts at the width they have on paper (an A4 page's
// printable width, or its share of it) and printed at that width (test/e2e/export.test.ts
// checks the images' resolution), so a label of n px prints at 0.75·n pt. Laid out here by
// ECharts itself in Node, every chart of the county report and the province brief, for every
// indicator: no text under 7 pt, none beyond the image, over other text or over a bar.
import type { EChartsCoreOption } from 'echarts/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { barChartOption } from '../../src/charts/barChartOption.ts'
import { distributionBars } from '../../src/charts/distribution.ts'
import { mapClasses } from '../../src/charts/mapClasses.ts'
import { rankHistoryOption } from '../../src/charts/rankHistory.ts'
import { rankingBars } from '../../src/charts/rankingBar.ts'
import { trendOption } from '../../src/charts/trend.ts'
import { PRINT_PAGE_WIDTH } from '../../src/composables/usePrintImage.ts'
import type { Database } from '../../src/db/types.ts'
import { INDICATORS, thresholdFor, type Indicator } from '../../src/indicators/catalog.ts'
import {
  countySeriesQuery,
  countyTrendBandsQuery,
  rankingQuery,
  type AggregateRow,
  type RankingRow,
  type SeriesRow,
} from '../../src/queries/index.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { layoutChart, layoutProblems } from '../support/chartText.ts'

/** 7 pt at 0.75 pt per CSS px. */
const MIN_FONT = 7 / 0.75
const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
const COUNTY = '430121'

let db: Database
const rankings = new Map<string, RankingRow[]>()
let series: SeriesRow[]
let bands: AggregateRow[]

beforeAll(async () => {
  db = (await bundledDatabase(['430000'])).db
  for (const ind of INDICATORS)
    for (const year of [2020, 2024])
      rankings.set(`${ind.id}/${year}`, await db.query<RankingRow>(rankingQuery(ind, { province: '430000', year })))
  series = await db.query<SeriesRow>(countySeriesQuery(COUNTY))
  bands = await db.query<AggregateRow>(countyTrendBandsQuery('430000'))
})

/** Every problem of `option` drawn at each of `widths` × `height`, prefixed with what was drawn. */
function problems(what: string, option: EChartsCoreOption, widths: readonly number[], height: number): string[] {
  return widths.flatMap((w) =>
    layoutProblems(layoutChart(option, w, height), w, height, MIN_FONT).map((p) => `${what} ${w}×${height}: ${p}`),
  )
}

// Printed widths: the county report's rank and comparison charts span the page, its trends
// three to a row; the province brief's bars and histogram share a row 1.4 : 1. Exports are
// at least 560 px wide.
const FULL = [404, 560, PRINT_PAGE_WIDTH]
/** Five counties of long names to compare with (the most the page allows). */
const COMPARED = ['城步苗族自治县', '通道侗族自治县', '江华瑶族自治县', '麻阳苗族自治县', '新晃侗族自治县']
const THIRD = Math.floor((PRINT_PAGE_WIDTH - 2 * 12) / 3)
const SHARED = [Math.floor(((PRINT_PAGE_WIDTH - 10) * 1) / 2.4), Math.floor(((PRINT_PAGE_WIDTH - 10) * 1.4) / 2.4), 560]

const valuesOf = (ind: Indicator, code: string) =>
  YEARS.map((y) => series.find((r) => r.indicator === ind.id && r.year === y && code === COUNTY)?.value ?? null)

describe('printed charts', () => {
  it('prints the page width A4 leaves between the 12 mm side margins of styles.css', async () => {
    const css = (await import('node:fs')).readFileSync('src/styles.css', 'utf8')
    expect(css).toMatch(/@page\s*{\s*size:\s*A4;\s*margin:\s*12mm 12mm/)
    expect(PRINT_PAGE_WIDTH).toBe(702)
  })

  it('the rank history: 名次 above the axis, clear of the first year and of a first place', () => {
    const ranks = [1, 2, 118, 122, null, 60, 3, 1, 45, 122]
    const found = problems('排名变化', rankHistoryOption(YEARS, ranks, 122), FULL, 230)
    expect(found).toEqual([])
    const { texts } = layoutChart(rankHistoryOption(YEARS, ranks, 122), PRINT_PAGE_WIDTH, 230)
    const name = texts.find((t) => t.text === '名次')!
    // Above the plot, over the first place.
    expect(name.y + name.height).toBeLessThanOrEqual(texts.find((t) => t.text === '1' && t.x < 44)!.y)
  })

  it('the comparison and the trends: every label legible and apart, for every indicator', () => {
    const found = INDICATORS.flatMap((ind) => {
      const county = valuesOf(ind, COUNTY)
      const agg = (key: 'figure' | 'q1' | 'median' | 'q3') =>
        YEARS.map((y) => bands.find((a) => a.indicator === ind.id && a.year === y)?.[key] ?? null)
      const trend = trendOption({
        indicator: ind,
        years: YEARS,
        county,
        countyName: '长沙县',
        figure: ind.den ? agg('figure') : [],
        q1: agg('q1'),
        median: agg('median'),
        q3: agg('q3'),
      })
      const others = COMPARED.map((name, i) => ({
        name,
        values: county.map((v) => (v === null ? null : v * (0.9 + i / 20))),
      }))
      const compare = trendOption({
        indicator: ind,
        years: YEARS,
        county,
        countyName: '长沙县',
        figure: [],
        q1: [],
        median: [],
        q3: [],
        others,
      })
      return [
        ...problems(`${ind.label}趋势`, trend, [THIRD, 290], 150),
        ...problems(`${ind.label}对比`, compare, [560, PRINT_PAGE_WIDTH], 240),
      ]
    })
    expect(found).toEqual([])
  })

  it('the comparison: its legend of names, in as many rows as it takes, above the plot', () => {
    const county = valuesOf(INDICATORS[0]!, COUNTY)
    for (const n of [1, 3, 5]) {
      const others = COMPARED.slice(0, n).map((name) => ({ name, values: county }))
      const option = trendOption({
        indicator: INDICATORS[0]!,
        years: YEARS,
        county,
        countyName: '长沙县',
        figure: [],
        q1: [],
        median: [],
        q3: [],
        others,
      })
      const top = (option.grid as { top: number }).top
      for (const width of [560, PRINT_PAGE_WIDTH]) {
        const names = layoutChart(option, width, 240).texts.filter(
          (t) => t.text === '长沙县' || COMPARED.includes(t.text),
        )
        expect(names.map((t) => t.text).sort()).toEqual(['长沙县', ...COMPARED.slice(0, n)].sort())
        for (const t of names) expect(t.y + t.height, `${n}个 ${width}px ${t.text}`).toBeLessThanOrEqual(top)
      }
    }
  })

  it('the province brief’s bars and histogram: labels off the bars, ticks inside the image, for every indicator and year', () => {
    const found = [...rankings].flatMap(([key, rows]) => {
      const [id, year] = key.split('/')
      const ind = INDICATORS.find((i) => i.id === id)!
      const threshold = thresholdFor(ind, Number(year))?.value ?? null
      const ranked = rows.filter((r) => r.value !== null)
      if (!ranked.length) return []
      const figure = ranked.reduce((s, r) => s + r.value!, 0) / ranked.length
      const bars = barChartOption(
        rankingBars({
          rows,
          indicator: ind,
          classes: mapClasses(rows, ind, threshold),
          threshold,
          provinceFigure: figure,
        }),
      )
      const hist = barChartOption(distributionBars({ rows, indicator: ind, threshold }))
      return [...problems(`${key} 排序`, bars, SHARED, 220), ...problems(`${key} 分布`, hist, SHARED, 220)]
    })
    expect(found).toEqual([])
  })
})

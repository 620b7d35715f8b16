import { beforeAll, describe, expect, it } from 'vitest'
import { barChartOption, barLayout, valueAxis, type BarChartModel } from '../../src/charts/barChart.ts'
import { distributionBars } from '../../src/charts/distribution.ts'
import { classOf, mapClasses } from '../../src/charts/mapClasses.ts'
import { HIGHLIGHT_COLOR } from '../../src/charts/palette.ts'
import { rankingBars } from '../../src/charts/rankingBar.ts'
import type { Database } from '../../src/db/types.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { formatValue } from '../../src/indicators/format.ts'
import { rankingQuery, type RankingRow } from '../../src/queries/index.ts'
import { bundledDatabase } from '../support/bundled.ts'

const share = getIndicator('kg_public_share')
let db: Database
let rows: RankingRow[]

beforeAll(async () => {
  db = (await bundledDatabase(['430000'])).db
  rows = await db.query<RankingRow>(rankingQuery(share, { province: '430000', year: 2024 }))
})

describe('value axis', () => {
  it('starts at zero, with nice ticks covering every value', () => {
    const axis = valueAxis([26.9, 62.9, 92.7], String)
    expect(axis.min).toBe(0)
    expect(axis.max).toBe(100)
    expect(axis.ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100])
  })

  it('starts near the values when all sit in the upper half, where bars from zero would look alike', () => {
    const axis = valueAxis([95.2, 97.8, 99.6], String)
    expect(axis.min).toBeGreaterThan(90)
    expect(axis.min).toBeLessThanOrEqual(95.2)
    expect(axis.max).toBeGreaterThanOrEqual(99.6)
  })

  it('keeps zero inside a range that crosses it, and gives whole ticks for counts', () => {
    expect(valueAxis([-12.5, 8], String).ticks.map((t) => t.value)).toContain(0)
    const counts = valueAxis([0, 1, 3], String, { integer: true, count: 4 })
    expect(counts.ticks.every((t) => Number.isInteger(t.value))).toBe(true)
    expect(valueAxis([], String)).toMatchObject({ min: 0, max: 1 })
  })
})

describe('bar layout', () => {
  const model: BarChartModel = {
    bars: [
      { value: 50, color: '#111', tip: { head: '甲', label: '值', value: '50' } },
      { value: -25, color: '#222', tip: { head: '乙', label: '值', value: '-25' } },
    ],
    axis: { min: -50, max: 100, ticks: [] },
    lines: [
      { at: { value: 75 }, label: '标准', color: '#b3261e', dashed: true, labelAt: 'end' },
      { at: { bar: 1 }, label: '标准', color: '#b3261e', dashed: true, labelAt: 'end' },
    ],
    grid: { left: 10, right: 10, top: 10, bottom: 10 },
    gap: 0.2,
  }
  // To the thousandth of a pixel: the scale's arithmetic leaves float noise.
  const g = JSON.parse(JSON.stringify(barLayout(model, 220, 170), (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v))) as ReturnType<typeof barLayout>

  it('grows bars up and down from zero, in equal slots', () => {
    // 150 px for 150 units: zero is 100 px below the top of the plot.
    expect(g.baseline).toBe(110)
    expect(g.bars[0]).toMatchObject({ y: 60, height: 50, slot: { x: 10, width: 100 } })
    expect(g.bars[1]).toMatchObject({ y: 110, height: 25, x: 120, width: 80 })
  })

  it('writes every category label while there is room for it, else every second or third', () => {
    expect(g.categoryEvery).toBe(1)
    const narrow = barLayout({ ...model, bars: Array.from({ length: 8 }, () => model.bars[0]!) }, 140, 170)
    // 120 px for 8 bars: 15 px each, two per label.
    expect(narrow.categoryEvery).toBe(2)
  })

  it('draws a value line across the plot, a bar line through the middle of its bar', () => {
    expect(g.lines[0]).toMatchObject({ x1: 10, x2: 210, y1: 35, y2: 35 })
    expect(g.lines[1]).toMatchObject({ x1: 160, x2: 160, y1: 10, y2: 160 })
  })
})

describe('the province page’s bars, from the ranking query', () => {
  it('has one bar per county with a value, in ranking order, coloured by its class, the hovered one marked', () => {
    const classes = mapClasses(rows, share, 50)
    const ranked = rows.filter((r) => r.value !== null)
    const model = rankingBars({ rows, indicator: share, classes, threshold: 50, provinceFigure: 62.9, highlight: ranked[3]!.code })
    expect(model.bars.map((b) => b.value)).toEqual(ranked.map((r) => r.value))
    expect(model.bars[0]!.color).toBe(classOf(ranked[0]!, classes).color)
    expect(model.bars[3]).toMatchObject({ color: HIGHLIGHT_COLOR, outline: '#000000' })
    expect(model.bars[3]!.tip).toEqual({ head: `${ranked[3]!.name}（${ranked[3]!.prefecture}）`, label: `第${ranked[3]!.rank}名`, value: formatValue(ranked[3]!.value, share) })
    expect(model.lines.map((l) => l.label)).toEqual(['标准 ≥50%', '全省 62.9%'])
    expect(model.axis.min).toBeLessThanOrEqual(Math.min(...ranked.map((r) => r.value!)))
    expect(model.axis.max).toBeGreaterThanOrEqual(Math.max(...ranked.map((r) => r.value!)))
  })

  it('counts every county with a value in one bin, and names the hovered one above its bin', () => {
    const model = distributionBars({ rows, indicator: share, threshold: 50, highlight: rows[0]!.code })
    expect(model.bars.reduce((n, b) => n + b.value, 0)).toBe(rows.filter((r) => r.value !== null).length)
    expect(model.bars.filter((b) => b.label)).toEqual([expect.objectContaining({ label: rows[0]!.name, color: HIGHLIGHT_COLOR })])
    expect(model.lines).toEqual([expect.objectContaining({ label: '标准', at: { bar: expect.any(Number) } })])
    expect(model.axis.name).toBe('区县数')
  })

  it('exports and prints as the same chart: the same bars, colours, axis and lines in the ECharts option', () => {
    const model = rankingBars({ rows, indicator: share, classes: mapClasses(rows, share, 50), threshold: 50, provinceFigure: 62.9 })
    const option = barChartOption(model)
    const series = (option.series as { data: { value: number; itemStyle: { color: string } }[]; markLine: { data: { yAxis?: number }[] } }[])[0]!
    expect(series.data.map((d) => [d.value, d.itemStyle.color])).toEqual(model.bars.map((b) => [b.value, b.color]))
    expect(series.markLine.data.map((d) => d.yAxis)).toEqual([50, 62.9])
    expect(option.yAxis).toMatchObject({ min: model.axis.min, max: model.axis.max, interval: model.axis.ticks[1]!.value - model.axis.ticks[0]!.value })
  })
})

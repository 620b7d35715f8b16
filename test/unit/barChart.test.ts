import { beforeAll, describe, expect, it } from 'vitest'
import { barLayout, keyLayout, textWidth, valueAxis, KEY_ROW, type BarChartModel } from '../../src/charts/barChart.ts'
import { barChartOption } from '../../src/charts/barChartOption.ts'
import { distributionBars, histogram } from '../../src/charts/distribution.ts'
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
      { at: { value: 75 }, label: '标准', color: '#b3261e', dashed: true },
      { at: { slot: 1.5 }, label: '标准', color: '#b3261e', dashed: true },
    ],
    grid: { left: 10, right: 10, top: 10, bottom: 10 },
    gap: 0.2,
  }
  // To the thousandth of a pixel: the scale's arithmetic leaves float noise.
  const g = JSON.parse(
    JSON.stringify(barLayout(model, 220, 170), (_, v: unknown) =>
      typeof v === 'number' ? Math.round(v * 1000) / 1000 : v,
    ),
  ) as ReturnType<typeof barLayout>

  it('grows bars up and down from zero, in equal slots', () => {
    // 150 px for 150 units: zero is 100 px below the top of the plot.
    expect(g.baseline).toBe(110)
    expect(g.bars[0]).toMatchObject({ y: 60, height: 50, slot: { x: 10, width: 100 } })
    expect(g.bars[1]).toMatchObject({ y: 110, height: 25, x: 120, width: 80 })
  })

  it('writes the edge labels at the slots’ edges: every one while there is room for it, else every second, fifth …', () => {
    const edges = ['0%', '10%', '20%']
    expect(barLayout({ ...model, edges }, 220, 170).edges).toEqual([
      { x: 10, label: '0%' },
      { x: 110, label: '10%' },
      { x: 210, label: '20%' },
    ])
    const many = {
      ...model,
      bars: Array.from({ length: 8 }, () => model.bars[0]!),
      edges: Array.from({ length: 9 }, (_, i) => `${i * 2}%`),
    }
    // 120 px for 8 bins: 15 px each; a label of three characters needs two.
    expect(barLayout(many, 140, 170).edges.map((e) => e.label)).toEqual(['0%', '4%', '8%', '12%', '16%'])
  })

  it('draws a value line across the plot, a slot line at its slot position (here through the middle of the second bar)', () => {
    expect(g.lines[0]).toMatchObject({ x1: 10, x2: 210, y1: 35, y2: 35 })
    expect(g.lines[1]).toMatchObject({ x1: 160, x2: 160, y1: 10, y2: 160 })
  })

  it('names the lines in a key above the plot, right-aligned, entries apart, clear of the axis name', () => {
    const keyed: BarChartModel = {
      ...model,
      axis: { ...model.axis, name: '区县数' },
      lines: [model.lines[0]!, { ...model.lines[0]!, label: '全省 62.9%' }],
      grid: { left: 36, right: 12, top: 28, bottom: 24 },
    }
    const { entries, rows } = keyLayout(keyed, 400)
    expect(rows).toBe(1)
    expect(entries.every((e) => e.y + 7 <= keyed.grid.top)).toBe(true)
    const last = entries.at(-1)!
    expect(last.textX + textWidth(last.line.label, 11)).toBeCloseTo(400 - 12)
    expect(entries[0]!.textX + textWidth('标准', 11)).toBeLessThan(last.x)
    expect(entries[0]!.x).toBeGreaterThan(36 + textWidth('区县数', 10) / 2)
    // Too narrow for both on one row: a second row, and the plot starts lower by one.
    const narrow = keyLayout(keyed, 150)
    expect(narrow.rows).toBe(2)
    expect(barLayout(keyed, 150, 200).plot.y).toBe(28 + KEY_ROW)
  })
})

describe('the province page’s bars, from the ranking query', () => {
  it('has one bar per county with a value, in ranking order, coloured by its class, the hovered one marked', () => {
    const classes = mapClasses(rows, share, 50)
    const ranked = rows.filter((r) => r.value !== null)
    const model = rankingBars({
      rows,
      indicator: share,
      classes,
      threshold: 50,
      provinceFigure: 62.9,
      highlight: ranked[3]!.code,
    })
    expect(model.bars.map((b) => b.value)).toEqual(ranked.map((r) => r.value))
    expect(model.bars[0]!.color).toBe(classOf(ranked[0]!, classes).color)
    expect(model.bars[3]).toMatchObject({ color: HIGHLIGHT_COLOR, outline: '#000000' })
    expect(model.bars[3]!.tip).toEqual({
      head: `${ranked[3]!.name}（${ranked[3]!.prefecture}）`,
      label: `第${ranked[3]!.rank}名`,
      value: formatValue(ranked[3]!.value, share),
    })
    expect(model.lines.map((l) => l.label)).toEqual(['标准 ≥50%', '全省 62.9%'])
    expect(model.axis.min).toBeLessThanOrEqual(Math.min(...ranked.map((r) => r.value!)))
    expect(model.axis.max).toBeGreaterThanOrEqual(Math.max(...ranked.map((r) => r.value!)))
  })

  it('counts every county with a value in one bin, and names the hovered one above its bin', () => {
    const model = distributionBars({ rows, indicator: share, threshold: 50, highlight: rows[0]!.code })
    expect(model.bars.reduce((n, b) => n + b.value, 0)).toBe(rows.filter((r) => r.value !== null).length)
    expect(model.bars.filter((b) => b.label)).toEqual([
      expect.objectContaining({ label: rows[0]!.name, color: HIGHLIGHT_COLOR }),
    ])
    expect(model.axis.name).toBe('区县数')
  })

  it('bins the values between round edges and draws the policy line where its value falls', () => {
    // Values 26.9% … 92.7%: bins of 10 points from 20% to 100%, the 50% line on the edge between the third and the fourth.
    const model = distributionBars({ rows, indicator: share, threshold: 50 })
    expect(model.edges).toEqual(['20%', '30%', '40%', '50%', '60%', '70%', '80%', '90%', '100%'])
    expect(model.lines).toEqual([expect.objectContaining({ label: '标准 ≥50%', at: { slot: 3 } })])
    expect(model.bars[0]!.tip).toEqual({ head: '20% ～ 30%', label: '区县数', value: `${model.bars[0]!.value}个` })
  })

  it('makes nice bins of any spread, at least five, each value counted once (the last bin holds its upper edge)', () => {
    const cases = [
      [0, 0.4, 2.7, 5.4, 18.91],
      [0.03, 0.031, 0.032],
      [7, 7, 7],
      [10, 20],
      Array.from({ length: 122 }, (_, i) => 1000 + i * 397.3),
    ]
    for (const values of cases) {
      const bins = histogram(values)
      expect(bins.length, String(values)).toBeGreaterThanOrEqual(5)
      expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length)
      const step = bins[0]!.to - bins[0]!.from
      expect(step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toSatisfy((m: number) =>
        [1, 2, 5].some((k) => Math.abs(m - k) < 1e-6),
      )
      for (const b of bins) expect(Math.abs(b.from / step - Math.round(b.from / step))).toBeLessThan(1e-6)
      expect(bins[0]!.from).toBeLessThanOrEqual(Math.min(...values))
      expect(bins.at(-1)!.to).toBeGreaterThanOrEqual(Math.max(...values))
    }
    // 0 … 18.91%: 0%, 2%, 4% … 20%, not 2.70% / 5.40% / 18.91%.
    expect(histogram(cases[0]!).map((b) => b.from)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18])
  })

  it('exports and prints as the same chart: the same bars, colours, axis and lines in the ECharts option', () => {
    const model = rankingBars({
      rows,
      indicator: share,
      classes: mapClasses(rows, share, 50),
      threshold: 50,
      provinceFigure: 62.9,
    })
    const option = barChartOption(model)
    const series = (
      option.series as {
        data: { value: number; itemStyle: { color: string } }[]
        markLine: { data: { yAxis?: number }[] }
      }[]
    )[0]!
    expect(series.data.map((d) => [d.value, d.itemStyle.color])).toEqual(model.bars.map((b) => [b.value, b.color]))
    expect(series.markLine.data.map((d) => d.yAxis)).toEqual([50, 62.9])
    // The lines' labels: a legend above the plot, as the SVG's key, not labels on the lines.
    expect(option.legend).toMatchObject({ data: ['标准 ≥50%', '全省 62.9%'] })
    expect(series.markLine).toMatchObject({ label: { show: false } })
    expect(option.yAxis).toMatchObject({
      min: model.axis.min,
      max: model.axis.max,
      interval: model.axis.ticks[1]!.value - model.axis.ticks[0]!.value,
    })
  })

  it('prints a histogram with its edges under the bins’ edges and the policy line where its value is', () => {
    const model = distributionBars({ rows, indicator: share, threshold: 50 })
    const option = barChartOption(model)
    const x = option.xAxis as {
      type: string
      min: number
      max: number
      axisLabel: { formatter: (v: number) => string }
    }
    expect(x).toMatchObject({ type: 'value', min: 0, max: model.bars.length })
    // Every second edge, from the first: evenly spaced wherever the image is drawn, apart on an A4 page.
    expect(Array.from({ length: model.bars.length + 1 }, (_, i) => x.axisLabel.formatter(i))).toEqual([
      '20%',
      '',
      '40%',
      '',
      '60%',
      '',
      '80%',
      '',
      '100%',
    ])
    const series = (option.series as { data: { value: number[] }[]; markLine: { data: { xAxis?: number }[] } }[])[0]!
    expect(series.data.map((d) => d.value)).toEqual(model.bars.map((b, i) => [i + 0.5, b.value]))
    expect(series.markLine.data[0]!.xAxis).toBe(3)
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { geoPath, geoTransform } from 'd3-geo'
import type { FeatureCollection, Geometry } from 'geojson'
import { rankingRow } from '../support/rankingRow.ts'
import { describe, expect, it } from 'vitest'
import * as echarts from 'echarts'
import { choroplethOption, mapTooltip } from '../../src/charts/choropleth.ts'
import { mapGeometry, mercator } from '../../src/charts/mapGeometry.ts'
import { BETWEEN_COLOR, classesNote, classOf, mapClasses, mapClassesOverYears } from '../../src/charts/mapClasses.ts'
import { FAIL_COLORS, NO_DATA_COLOR, PASS_COLORS, SEQUENTIAL } from '../../src/charts/palette.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import type { RankingRow } from '../../src/queries/ranking.ts'
import { parseChinaTopology, parseProvinceTopology, type BoundaryProperties } from '../../src/geo/boundaries.ts'

const share = getIndicator('kg_public_share')

function row(
  code: string,
  name: string,
  value: number | null,
  status: RankingRow['status'],
  rank: number | null,
): RankingRow {
  return rankingRow({ code, name, value, status, rank, rank_prefecture: rank })
}

const rows = [
  row('990101', '甲区', 62, '达标', 2),
  row('990102', '乙县', 41, '未达标', 5),
  row('990103', '丙县', 50, '达标', 3),
  row('990104', '丁县', 70, '达标', 1),
  row('990105', '戊县', 30, '未达标', 6),
  row('990106', '己县', 55, '达标', 4),
  row('990107', '庚县', 45, '未达标', 6),
  row('990108', '辛县', 35, '未达标', 7),
  row('990109', '壬县', null, '无数据', null),
]

describe('mapClasses', () => {
  const classes = mapClasses(rows, share, 50)

  it('splits at the policy line into two colour families and a 无数据 class', () => {
    const pass = classes.filter((c) => c.side === 'pass')
    const fail = classes.filter((c) => c.side === 'fail')
    expect(pass.every((c) => (PASS_COLORS as readonly string[]).includes(c.color))).toBe(true)
    expect(fail.every((c) => (FAIL_COLORS as readonly string[]).includes(c.color))).toBe(true)
    expect(Math.min(...pass.map((c) => c.min!))).toBe(50)
    expect(Math.max(...fail.map((c) => c.max!))).toBeLessThan(50)
    expect(classes.at(-1)).toMatchObject({ label: '无数据', color: NO_DATA_COLOR })
  })

  it('deepens colours away from the line', () => {
    expect(classOf(rows[3]!, classes).color).toBe(PASS_COLORS[1]) // 70%, far above
    expect(classOf(rows[2]!, classes).color).toBe(PASS_COLORS[0]) // exactly 50%
    expect(classOf(rows[4]!, classes).color).toBe(FAIL_COLORS[0]) // 30%, far below
    expect(classOf(rows[6]!, classes).color).toBe(FAIL_COLORS[1]) // 45%, just below
    expect(classOf(rows[8]!, classes).color).toBe(NO_DATA_COLOR)
  })

  it('uses quantile classes, darker = better, where no line is in force', () => {
    const ratio = getIndicator('kg_pupil_teacher')
    const c = mapClasses(
      rows.map((r) => ({ ...r, status: null })),
      ratio,
      null,
    )
    expect(c.every((k) => k.side === 'none' || k.side === 'missing')).toBe(true)
    // Lower is better for 生师比: the lowest class is the darkest.
    expect(classOf({ value: 30, status: null }, c).color).toBe('#08519c')
  })
})

describe('mapClassesOverYears', () => {
  const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]
  const enrol = getIndicator('kg_gross_enrol_rate') // ≥85% 2017–2020, ≥90% from 2021
  const series = new Map<string, (number | null)[]>([
    ['990101', [70, 72, 80, 84, 86, 87, 88, 89]],
    ['990102', [75, 80, 86, 88, 90, 91, 93, 95]],
    ['990103', [60, 65, 70, 75, 80, 83, 86, 92]],
    ['990104', [null, 88, 89, 90, 92, 94, 96, 98]],
  ])
  const classes = mapClassesOverYears(series, years, enrol)
  const colour = (value: number | null, status: RankingRow['status'] = null) =>
    classOf({ value, status }, classes).color
  const bounded = classes.filter((c) => c.side !== 'missing')

  it('is one set for every year, from all years’ values', () => {
    expect(Math.min(...bounded.map((c) => c.min!))).toBe(60)
    expect(Math.max(...bounded.map((c) => c.max!))).toBe(98)
    expect(classes.at(-1)).toMatchObject({ label: '无数据', color: NO_DATA_COLOR })
  })

  it('splits at the lines: failing under both, passing under both, and a class between the old and the new line', () => {
    const side = (s: string) => bounded.filter((c) => c.side === s)
    expect(side('fail').every((c) => c.max! < 85 && (FAIL_COLORS as readonly string[]).includes(c.color))).toBe(true)
    expect(side('pass').every((c) => c.min! >= 90 && (PASS_COLORS as readonly string[]).includes(c.color))).toBe(true)
    expect(side('between')).toEqual([
      {
        label: '86.0%～89.0%（达2017年—2020年标准）',
        color: BETWEEN_COLOR,
        min: 86,
        max: 89,
        side: 'between',
        byValue: true,
      },
    ])
  })

  it('colours a value alike in every year, whatever its status that year', () => {
    expect(colour(87, '达标')).toBe(BETWEEN_COLOR)
    expect(colour(87, '未达标')).toBe(BETWEEN_COLOR)
    expect(colour(98, null)).toBe(PASS_COLORS[1])
    expect(colour(60, null)).toBe(FAIL_COLORS[0])
    expect(colour(null)).toBe(NO_DATA_COLOR)
  })

  it('writes a bound beside a line with the digits that keep it on its side of the line', () => {
    const near = mapClassesOverYears(new Map([['1', [84.97, 89.96, 90]]]), [2019, 2020, 2021], enrol)
    expect(near.map((c) => c.label)).toEqual([
      '84.97%（未达标）',
      '89.96%（达2017年—2020年标准）',
      '90.0%（达标）',
      '无数据',
    ])
  })

  it('equals the one-year classes when the shown years share one line', () => {
    const one = new Map(rows.map((r) => [r.code, [r.value]]))
    const fixed = mapClassesOverYears(one, [2024], share)
    expect(fixed.map(({ label, color }) => ({ label, color }))).toEqual(
      mapClasses(rows, share, 50).map(({ label, color }) => ({ label, color })),
    )
    for (const r of rows)
      expect(classOf({ value: r.value, status: null }, fixed).color).toBe(classOf(r, mapClasses(rows, share, 50)).color)
  })

  it('colours years before a line by the same classes, and keeps 基本达标 on the passing side', () => {
    const before = mapClassesOverYears(
      new Map([
        ['1', [40, 45, 55]],
        ['2', [30, 60, 70]],
      ]),
      [2016, 2017, 2018],
      share,
    )
    expect(classOf({ value: 55, status: null }, before).side).toBe('pass')
    const cv = mapClassesOverYears(
      new Map([
        ['1', [0.3, 0.4]],
        ['2', [0.6, 0.7]],
      ]),
      [2017, 2018],
      getIndicator('cv_primary'),
    )
    expect(classOf({ value: 0.6, status: '基本达标' }, cv).side).toBe('pass')
    expect(classOf({ value: 0.7, status: '未达标' }, cv).side).toBe('fail')
  })

  it('turns the classes round for a lower-is-better line that tightened: 大班额 ≤5% in 2020, none after', () => {
    const large = mapClassesOverYears(
      new Map([
        ['1', [8, 4, 0]],
        ['2', [12, 3, 1]],
        ['3', [6, 0, 0]],
      ]),
      [2019, 2020, 2021],
      getIndicator('large_class_share'),
    )
    expect(classOf({ value: 0, status: null }, large).side).toBe('pass')
    expect(classOf({ value: 3, status: null }, large)).toMatchObject({
      side: 'between',
      label: '1.00%～4.00%（达2020年标准）',
    })
    expect(classOf({ value: 8, status: null }, large).side).toBe('fail')
  })

  it('uses quantile classes of all years where no year has a line', () => {
    const budget = getIndicator('edu_budget')
    const q = mapClassesOverYears(
      new Map([
        ['1', [1, 2, 3, 4, 5]],
        ['2', [6, 7, 8, 9, 10]],
      ]),
      [2015, 2016, 2017, 2018, 2019],
      budget,
    )
    expect(q.every((c) => c.side === 'none' || c.side === 'missing')).toBe(true)
    expect(classOf({ value: 10, status: null }, q).color).toBe(SEQUENTIAL[4])
    expect(classesNote(budget, years)).toBeNull()
  })

  it('says on the legend when the line changed or was not yet in force', () => {
    expect(classesNote(enrol, years)).toBe(
      '各年同一分级配色。标准：2017年—2020年≥85%，2021年起≥90%；2015年—2016年无标准。',
    )
    expect(classesNote(share, [2016, 2017, 2018, 2019])).toBe(
      '各年同一分级配色。标准：2018年起≥50%；2016年—2017年无标准。',
    )
    expect(classesNote(share, [2018, 2019])).toBeNull()
  })
})

describe('choropleth tooltip', () => {
  it('says value, rank, change and status, and keeps names from a file as text', () => {
    const evil = {
      ...row('990110', '<img src=x onerror=alert(1)>', 60, '达标', 1),
      prev_value: 56,
      prev_rank: 3,
      change: 4,
      change_pct: null,
    }
    const tip = mapTooltip(evil, {
      indicator: share,
      year: 2024,
      series: new Map([['990110', [50, null, 60]]]),
      years: [2022, 2023, 2024],
    })
    expect(tip.name).toBe('<img src=x onerror=alert(1)>')
    expect(tip.lines).toEqual([
      { label: `${share.label}（2024年）`, value: '60.0%' },
      { label: '全省排名', value: '第1名（↑2）' },
      { label: '较上年', value: '+4.00个百分点' },
      { label: '达标情况', value: '达标' },
    ])
    expect(tip.spark).toEqual({ values: [50, null, 60], span: '2022–2024年' })
    expect(tip.doubts).toEqual([])
    const doubtful = mapTooltip({ ...evil, doubt: 'kg_enrol:2024:up:3.5' }, { indicator: share, year: 2024 })
    expect(doubtful.lines[0]).toEqual({ label: `${share.label}（2024年）`, value: '⚠ 60.0%' })
    expect(doubtful.doubts).toEqual(['在园幼儿数2024年骤增，是上年的3.5倍'])
    expect(mapTooltip(row('990111', '甲', null, null, null), { indicator: share, year: 2024 }).lines.at(-1)).toEqual({
      label: '达标情况',
      value: '无标准',
    })
  })
})

const square = (code: string, x: number, y: number, extra: Record<string, unknown> = {}) => ({
  type: 'Feature' as const,
  properties: { code, name: code, ...extra },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  },
})

describe('mapGeometry', () => {
  const counties = {
    type: 'FeatureCollection' as const,
    features: [square('990101', 110, 30), square('990102', 111, 30), square('990103', 110, 31, { panel: false })],
  }
  const outlines = {
    type: 'FeatureCollection' as const,
    features: [
      {
        ...square('990100', 110, 30),
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [110, 30],
              [112, 30],
              [112, 32],
              [110, 32],
              [110, 30],
            ],
          ],
        },
      },
    ],
  }
  const g = mapGeometry(counties, outlines, 800)

  it('fits the counties into the viewBox with a margin, north up and taller than wide where the shape is', () => {
    expect(g.width).toBe(800)
    const numbers = (d: string) => d.match(/-?\d+(\.\d+)?/g)!.map(Number)
    const xs = g.regions.flatMap((s) => numbers(s.d).filter((_, i) => i % 2 === 0))
    expect(Math.min(...xs)).toBeCloseTo(16, 0)
    expect(Math.max(...xs)).toBeCloseTo(784, 0)
    // Two squares side by side and one above: 2° wide, 2° high, and Mercator stretches latitude.
    expect(g.height).toBeGreaterThan(800)
    const [, y0] = numbers(g.regions[0]!.d)
    const [, yTop] = numbers(g.fillers[0]!.d)
    expect(yTop!).toBeLessThan(y0!)
  })

  it('keeps the shape kept only to close a hole apart, drawn without data', () => {
    expect(g.regions.map((s) => s.code)).toEqual(['990101', '990102'])
    expect(g.fillers.map((s) => s.code)).toEqual(['990103'])
    expect(g.outlines.map((s) => s.code)).toEqual(['990100'])
  })

  it('writes for every bundled boundary file the path data of d3-geo geoPath', () => {
    // The reference: planar Mercator through d3-geo, fitted as mapGeometry fits, digits(1).
    const reference = (features: FeatureCollection<Geometry, BoundaryProperties>, fit: typeof features) => {
      const planar = (k: number, dx: number, dy: number) =>
        geoTransform({
          point(lon, lat) {
            const [x, y] = mercator.project([lon, lat])
            this.stream.point(x! * k + dx, y! * k + dy)
          },
        })
      const [[x0, y0], [x1]] = geoPath(planar(1, 0, 0)).bounds(fit)
      const k = (800 - 32) / (x1 - x0)
      const path = geoPath(planar(k, 16 - x0 * k, 16 - y0 * k)).digits(1)
      return features.features.map((f) => path(f) ?? '')
    }
    const dir = 'public/geo'
    for (const file of readdirSync(dir).filter((f) => /^\d{6}\.json$/.test(f))) {
      const b = parseProvinceTopology(readFileSync(join(dir, file), 'utf8'), file)
      const ours = mapGeometry(b.counties, b.prefectures)
      const drawn = [...ours.regions, ...ours.fillers].map((s) => s.d)
      const counties = {
        ...b.counties,
        features: [...b.counties.features].sort(
          (x, y) => Number(x.properties.panel === false) - Number(y.properties.panel === false),
        ),
      }
      expect(drawn, file).toEqual(reference(counties, b.counties))
      expect(
        ours.outlines.map((s) => s.d),
        file,
      ).toEqual(reference(b.prefectures, b.counties))
    }
    const china = parseChinaTopology(readFileSync(join(dir, 'china.json'), 'utf8'), 'china.json')
    expect(mapGeometry(china.provinces, { type: 'FeatureCollection', features: [] }).regions.map((s) => s.d)).toEqual(
      reference(china.provinces, china.provinces),
    )
  })

  it('projects and unprojects with the same Mercator ECharts is given', () => {
    const [lon, lat] = mercator.unproject(mercator.project([112.9, 28.2]))
    expect(lon).toBeCloseTo(112.9, 9)
    expect(lat).toBeCloseTo(28.2, 9)
    const option = choroplethOption({
      countiesMap: 'c',
      prefecturesMap: 'p',
      rows,
      indicator: share,
      year: 2024,
      classes: mapClasses(rows, share, 50),
    })
    expect((option.series as { projection: unknown }[])[0]!.projection).toBe(mercator)
    expect((option.geo as { projection: unknown }).projection).toBe(mercator)
  })
})

describe('choroplethOption', () => {
  it('renders every county as a region in ECharts SSR', () => {
    const counties = {
      type: 'FeatureCollection' as const,
      features: rows.map((r, i) => square(r.code, 110 + (i % 3), 30 + Math.floor(i / 3))),
    }
    const prefectures = {
      type: 'FeatureCollection' as const,
      features: [
        {
          ...square('990100', 110, 30),
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [110, 30],
                [113, 30],
                [113, 33],
                [110, 33],
                [110, 30],
              ],
            ],
          },
        },
      ],
    }
    echarts.registerMap('test-counties', counties as never)
    echarts.registerMap('test-prefectures', prefectures as never)
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 400 })
    try {
      chart.setOption(
        choroplethOption({
          countiesMap: 'test-counties',
          prefecturesMap: 'test-prefectures',
          rows,
          indicator: share,
          year: 2024,
          classes: mapClasses(rows, share, 50),
        }),
      )
      const svg = chart.renderToSVGString()
      for (const color of [PASS_COLORS[1], FAIL_COLORS[0], NO_DATA_COLOR]) expect(svg.toLowerCase()).toContain(color)
      expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(rows.length + 1)
    } finally {
      chart.dispose()
    }
  })
})

describe('trend small multiple', () => {
  it('draws missing years as gaps, the policy line as a step that changes with the policy, and names compared counties', async () => {
    const { trendOption, missingYears } = await import('../../src/charts/trend.ts')
    const years = [2019, 2020, 2021, 2022]
    const county = [80, null, 88, 91]
    const option = trendOption({
      indicator: getIndicator('kg_gross_enrol_rate'),
      years,
      county,
      countyName: '甲区',
      figure: [81, 85, 88, 89],
      q1: [78, 82, 86, 87],
      median: [80, 84, 87, 88],
      q3: [83, 86, 89, 90],
      others: [{ name: '乙县', values: [70, 72, 75, 80] }],
    })
    const series = option.series as { name: string; data: (number | null)[] }[]
    expect(series.find((s) => s.name === '甲区')!.data).toEqual([80, null, 88, 91])
    expect(series.find((s) => s.name === '标准')!.data).toEqual([85, 85, 90, 90])
    expect(series.find((s) => s.name === '全省四分位区间')!.data).toEqual([5, 4, 3, 3])
    expect(missingYears(years, county)).toEqual([2020])
    expect((option.legend as { data: string[] }).data).toEqual(['甲区', '乙县'])
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 300, height: 160 })
    try {
      chart.setOption(option)
      expect(chart.renderToSVGString()).toContain('乙县')
    } finally {
      chart.dispose()
    }
  })
})

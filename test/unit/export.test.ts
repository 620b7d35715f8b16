import { beforeAll, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import readXlsxFile, { readSheet } from 'read-excel-file/universal'
import { choroplethOption } from '../../src/charts/choropleth.ts'
import { mapClasses } from '../../src/charts/mapClasses.ts'
import { barChartOption } from '../../src/charts/barChartOption.ts'
import { rankingBars } from '../../src/charts/rankingBar.ts'
import { tableRows } from '../../src/composables/useRankingTable.ts'
import type { Database } from '../../src/db/types.ts'
import {
  decorateChart,
  exportSize,
  FOOTER_BAND,
  HEADER_BAND,
  LEGEND_LINE,
  type ChartMeta,
} from '../../src/export/chartDecor.ts'
import { chartSvg } from '../../src/export/chartImage.ts'
import {
  RULE_COLUMNS,
  rankingColumns,
  rollupLines,
  ROLLUP_COLUMNS,
  ruleLines,
  twoNoDecreaseColumns,
} from '../../src/export/columns.ts'
import { exportFileName } from '../../src/export/fileName.ts'
import { BOM } from '../../src/export/csv.ts'
import { csvText, xlsxBlob, type ExportColumn } from '../../src/export/table.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { aggregateText, formulaText } from '../../src/indicators/formula.ts'
import { provinceRollup } from '../../src/indicators/rollup.ts'
import { RULES } from '../../src/indicators/rules.ts'
import { rankingQuery, ruleStatusQuery, type RankingRow, type RuleStatusRow } from '../../src/queries/index.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { rankingRow } from '../support/rankingRow.ts'

const share = getIndicator('kg_public_share')
const filters = {
  prefecture: '',
  countyType: '',
  search: '',
  sort: 'rank',
  descending: false,
  rankScope: 'province',
} as const

/** Reads CSV back as Excel would, with papaparse (BOM already stripped). */
const parseCsv = (text: string): string[][] => Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data

describe('csvText', () => {
  const columns: ExportColumn<{ name: string; v: number | null }>[] = [
    { header: '名称', value: (r) => r.name },
    { header: '数值（%）', value: (r) => r.v, digits: 2 },
  ]

  it('starts with the BOM, quotes what needs quoting and rounds to the shown digits', () => {
    const text = csvText(columns, [
      { name: '甲县,乙县', v: 12.3456 },
      { name: '说"明"', v: null },
      { name: '多\n行', v: -0.004 },
    ])
    expect(text.startsWith(BOM)).toBe(true)
    expect(text.slice(1).split('\r\n')[0]).toBe('名称,数值（%）')
    expect(parseCsv(text.slice(1))).toEqual([
      ['名称', '数值（%）'],
      ['甲县,乙县', '12.35'],
      ['说"明"', ''],
      ['多\n行', '0'],
    ])
  })

  it('writes a value at the line with the digits its verdict needs, and a change in % only from a positive base', () => {
    const rate = getIndicator('kg_gross_enrol_rate')
    const row = rankingRow({
      code: '431181',
      name: '祁阳市',
      value: 84.956951,
      rank: 90,
      prev_value: 84.5,
      threshold: 85,
      status: '未达标',
      gap: 0.043049,
    })
    const records = parseCsv(csvText(rankingColumns(rate, '全省排名', 2018), tableRows([row], filters)).slice(1))
    expect(records[1]!.slice(5, 7)).toEqual(['84.96', '0.46'])
    const gap = getIndicator('salary_gap')
    const pay = { ...row, value: 1556, prev_value: -4, threshold: 0, status: '达标' as const, gap: 0 }
    const [header, values] = parseCsv(
      csvText(rankingColumns(gap, '全省排名', 2018), tableRows([pay], filters)).slice(1),
    )
    expect(header!.slice(5, 8)).toEqual(['义务教育教师与公务员年平均工资差额（元）', '较上年（元）', '较上年增长（%）'])
    expect(values!.slice(5, 8)).toEqual(['1556', '1560', ''])
  })

  it('keeps text that a spreadsheet would run as a formula as text; numbers stay numbers', () => {
    const text = csvText(columns, [
      { name: '=HYPERLINK("x")', v: -5 },
      { name: '+1', v: 1 },
      { name: '-2', v: 2 },
      { name: '@SUM(A1)', v: 3 },
    ])
    const rows = parseCsv(text.slice(1)).slice(1)
    expect(rows.map((r) => r[0])).toEqual([`'=HYPERLINK("x")`, "'+1", "'-2", "'@SUM(A1)"])
    expect(rows[0]![1]).toBe('-5')
  })
})

describe('exportFileName', () => {
  it('joins the parts with underscores and drops characters Windows refuses', () => {
    expect(exportFileName(['湖南省', share.label, 2024, '排名'], 'csv')).toBe('湖南省_公办园在园幼儿占比_2024_排名.csv')
    expect(exportFileName(['a/b: c', '', null, '生师比'], 'xlsx')).toBe('a_b_c_生师比.xlsx')
  })
})

describe('table exports of the bundled data', () => {
  let db: Database
  let ranking: RankingRow[]
  beforeAll(async () => {
    db = (await bundledDatabase(['430000'])).db
    ranking = await db.query<RankingRow>(rankingQuery(share, { province: '430000', year: 2024 }))
  })

  it('writes the displayed rows and all rows of the ranking, header first', () => {
    const columns = rankingColumns(share, '全省排名', 2024)
    const all = tableRows(ranking, filters)
    const shown = tableRows(ranking, { ...filters, prefecture: '431200' })
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length).toBeLessThan(all.length)
    for (const rows of [all, shown]) {
      const records = parseCsv(csvText(columns, rows).slice(1))
      expect(records[0]).toEqual(columns.map((c) => c.header))
      expect(records.slice(1).map((r) => r[1])).toEqual(rows.map((r) => r.code))
    }
    expect(columns.map((c) => c.header)).toContain('公办园在园幼儿占比（%）')
    expect(columns.map((c) => c.header)).toContain('较上年（个百分点）')
  })

  it('writes the base year’s value, rank and status beside today’s, and the change since then', async () => {
    const since = await db.query<RankingRow>(rankingQuery(share, { province: '430000', year: 2024, base: 2020 }))
    const columns = rankingColumns(share, '全省排名', 2024, 2020)
    const rows = tableRows(since, filters)
    const records = parseCsv(csvText(columns, rows).slice(1))
    const header = records[0]!
    expect(header).toEqual(
      expect.arrayContaining([
        '2020年公办园在园幼儿占比（%）',
        '2020年全省排名',
        '2020年达标情况',
        '较2020年（个百分点）',
        '名次变化（与2020年比，正数为上升）',
      ]),
    )
    const first = Object.fromEntries(header.map((h, i) => [h, records[1]![i]]))
    expect(first['2020年全省排名']).toBe(String(rows[0]!.prev_rank))
    expect(first['2020年达标情况']).toBe(rows[0]!.prev_status)
    expect(Number(first['较2020年（个百分点）'])).toBeCloseTo(rows[0]!.value! - rows[0]!.prev_value!, 2)
  })

  it('writes an .xlsx whose sheet reads back with numbers as numbers', async () => {
    const columns = rankingColumns(share, '全省排名', 2024)
    const rows = tableRows(ranking, filters)
    const blob = await xlsxBlob(columns, rows, `湖南省${share.label}2024年`)
    const sheet = await readSheet(await blob.arrayBuffer())
    expect(sheet[0]).toEqual(columns.map((c) => c.header))
    expect(sheet).toHaveLength(rows.length + 1)
    const valueAt = columns.findIndex((c) => c.header === '公办园在园幼儿占比（%）')
    const first = rows.find((r) => r.value !== null)!
    const line = sheet.find((r) => r[1] === first.code)!
    expect(line[valueAt]).toBe(Math.round(first.value! * 10 ** share.digits) / 10 ** share.digits)
    expect(typeof line[0]).toBe('number')
  })

  it('puts a note before the CSV table: title, 模拟数据 source, date, definition and standard; a blank line, then the table', () => {
    const columns = rankingColumns(share, '全省排名', 2024)
    const rows = tableRows(ranking, filters)
    const text = csvText(columns, rows, {
      title: '湖南省 公办园在园幼儿占比 2024年 排名',
      source: '模拟数据',
      simulated: true,
      date: '2025-03-06',
    })
    const records = parseCsv(text.slice(1))
    const blank = records.findIndex((r) => r.join('') === '')
    expect(blank).toBeGreaterThanOrEqual(5)
    expect(records.slice(0, blank).every((r) => r.length === 2 && r[0]!.startsWith('# '))).toBe(true)
    const note = new Map(records.slice(0, blank).map((r) => [r[0]!.slice(2), r[1]!]))
    expect(note.get('表格')).toBe('湖南省 公办园在园幼儿占比 2024年 排名')
    expect(note.get('数据来源')).toBe('模拟数据（按全国统计公报校准，并非任何区县的真实统计）')
    expect(note.get('导出日期')).toBe('2025-03-06')
    expect(note.get('指标定义')).toBe(`公办园在园幼儿占比（%）：${share.definition}`)
    expect(note.get('计算口径')).toBe(`${formulaText(share)}。${aggregateText(share)}`)
    expect(note.get('标准')).toBe(`2018年起：≥50%（${share.thresholds[0]!.doc}）`)
    expect(records[blank + 1]).toEqual(columns.map((c) => c.header))
    expect(records.slice(blank + 2).map((r) => r[1])).toEqual(rows.map((r) => r.code))
    // Read as a program would: lines starting with # are comments, blank lines skipped.
    const data = Papa.parse<string[]>(text.slice(1), { comments: '# ', skipEmptyLines: true }).data
    expect(data).toEqual(parseCsv(csvText(columns, rows).slice(1)))
  })

  it('names the user’s files as the source, and the .xlsx has the same note on a second sheet 说明', async () => {
    const columns = rankingColumns(share, '全省排名', 2024)
    const rows = tableRows(ranking, filters).slice(0, 3)
    const about = {
      title: '湖南省 公办园在园幼儿占比 2024年 排名',
      source: '2024年县级统计.xlsx',
      simulated: false,
      date: '2025-03-06',
    }
    const text = csvText(columns, rows, about)
    expect(text).not.toContain('模拟数据')
    const note = parseCsv(text.slice(1)).filter((r) => r[0]!.startsWith('# '))
    expect(note[1]).toEqual(['# 数据来源', '2024年县级统计.xlsx'])
    const sheets = await readXlsxFile(await (await xlsxBlob(columns, rows, '湖南省2024年', about)).arrayBuffer())
    expect(sheets.map((s) => s.sheet)).toEqual(['湖南省2024年', '说明'])
    expect(sheets[0]!.data[0]).toEqual(columns.map((c) => c.header))
    expect(sheets[1]!.data).toEqual(note.map((r) => [r[0]!.slice(2), r[1]]))
    const simulated = await readXlsxFile(
      await (await xlsxBlob(columns, rows, '湖南省2024年', { ...about, simulated: true })).arrayBuffer(),
    )
    expect(simulated[0]!.sheet).toBe('模拟数据 湖南省2024年')
    expect(simulated[1]!.data[1]).toEqual(['数据来源', '模拟数据（按全国统计公报校准，并非任何区县的真实统计）'])
  })

  it('writes the problem roll-up as one line per failing county', async () => {
    const statuses = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: '430000' }))
    const names = new Map(ranking.map((r) => [r.code, r.name]))
    const items = provinceRollup(statuses, 2024, names, '全省')
    const lines = rollupLines(items)
    const failing = items.reduce((n, i) => n + Math.max(i.counties.length, 1), 0)
    expect(lines).toHaveLength(failing)
    const records = parseCsv(csvText(ROLLUP_COLUMNS, lines).slice(1))
    expect(records).toHaveLength(failing + 1)
    expect(records[1]![1]).toBe(items[0]!.sentence)
  })
})

describe('chart export', () => {
  const meta: ChartMeta = {
    title: '湖南省各区县公办园在园幼儿占比排序',
    unit: '%',
    period: '2024年',
    source: '模拟数据',
    simulated: true,
    date: '2025-03-01',
  }
  const rows = [
    rankingRow({ code: '990101', name: '甲区', value: 62, rank: 1, rank_prefecture: 1, status: '达标' }),
    rankingRow({ code: '990102', name: '乙县', value: 41, rank: 2, rank_prefecture: 2, status: '未达标', gap: 9 }),
  ]
  const classes = mapClasses(rows, share, 50)
  const bars = barChartOption(rankingBars({ rows, indicator: share, classes, threshold: 50, provinceFigure: 55 }))

  it('adds the title, unit, year, source and the 模拟数据 label, and moves the grid between the bands', () => {
    const { option, size } = decorateChart(bars, meta, { width: 600, height: 300 })
    expect(size).toEqual({ width: 600, height: 300 + HEADER_BAND + FOOTER_BAND })
    const titles = option.title as { text: string; subtext?: string }[]
    expect(titles[0]).toMatchObject({ text: meta.title, subtext: '单位：%　2024年' })
    expect(titles.map((t) => t.text)).toContain('模拟数据')
    expect(titles[1]!.text).toMatch(/^数据来源：模拟数据.*导出日期：2025-03-01$/)
    expect(option.grid).toMatchObject({ top: 24 + HEADER_BAND, bottom: 28 + FOOTER_BAND })
    expect(option.series).toEqual(bars.series)
  })

  it('names the user’s file as the source and shows no 模拟数据 label for real data', () => {
    const { option } = decorateChart(
      bars,
      { ...meta, source: '2024年县级统计.xlsx', simulated: false },
      { width: 600, height: 300 },
    )
    const texts = (option.title as { text: string }[]).map((t) => t.text)
    expect(texts).not.toContain('模拟数据')
    expect(texts[1]).toBe('数据来源：2024年县级统计.xlsx　导出日期：2025-03-01')
  })

  it('moves a map’s centre down by the header and fixes its size in pixels', () => {
    const map = choroplethOption({ countiesMap: 'c', prefecturesMap: 'p', rows, indicator: share, year: 2024, classes })
    const { option } = decorateChart(map, meta, { width: 500, height: 400 })
    expect((option.series as { layoutCenter: unknown; layoutSize: unknown }[])[0]).toMatchObject({
      layoutCenter: ['50%', 200 + HEADER_BAND],
      layoutSize: 384,
    })
    expect(option.geo).toMatchObject({ layoutCenter: ['50%', 200 + HEADER_BAND], layoutSize: 384 })
  })

  it('wraps a map key that is wider than the image onto more lines, and grows the image by them', () => {
    const legend = Array.from({ length: 6 }, (_, i) => ({
      label: `${i * 10}%～${i * 10 + 10}%（达标）`,
      color: '#123456',
    }))
    const one = exportSize({ width: 1200, height: 400 }, { legend })
    const two = exportSize({ width: 600, height: 400 }, { legend })
    expect(two.height - one.height).toBe(LEGEND_LINE)
    const { option } = decorateChart(bars, { ...meta, legend }, { width: 600, height: 400 })
    const keys = (option.title as { text: string }[]).filter((t) => t.text.includes('{c0|}'))
    expect(keys).toHaveLength(2)
    expect(keys.map((k) => k.text.match(/\{c\d\|\}/g)!.length).reduce((a, b) => a + b)).toBe(legend.length)
  })

  describe('as SVG', () => {
    let svg = ''
    beforeAll(() => {
      svg = chartSvg(bars, meta, { width: 600, height: 300 })
    })

    it('draws the title, the source line and the 模拟数据 label at the decorated size', () => {
      expect(svg).toMatch(/^<svg[^>]* width="600" height="392"/)
      expect(svg).toContain(meta.title)
      expect(svg).toContain('模拟数据')
      expect(svg).toContain('导出日期：2025-03-01')
      expect(svg).toContain('单位：%')
    })
  })
})

describe('rules and 两个只增不减 tables', () => {
  it('lists a line per rule and period, with the document that sets it', () => {
    const lines = ruleLines(RULES)
    const rows = Papa.parse<string[]>(csvText(RULE_COLUMNS, lines).slice(1)).data.filter((r) => r.length > 1)
    expect(rows[0]).toEqual(['学段', '规则', '要求（文件表述）', '标准', '适用年份', '文件'])
    const enrol = rows.filter((r) => r[2] === '学前三年毛入园率2020年达到85%，2025年达到90%以上')
    expect(enrol.map((r) => [r[3], r[4]])).toEqual([
      ['≥85%', '2017年—2020年'],
      ['≥90%', '2021年起'],
    ])
    expect(lines.filter((l) => l.rule.kind === 'all')).toHaveLength(RULES.filter((r) => r.kind === 'all').length)
  })

  it('writes each leg’s growth as a number with the year and result', () => {
    const csv = csvText(twoNoDecreaseColumns(['教育支出', '小学生均']), [
      {
        year: 2024,
        status: '未达标',
        legs: [
          { label: '教育支出', g: 1.3456 },
          { label: '小学生均', g: -0.5 },
        ],
      },
    ])
    expect(csv).toBe(`${BOM}年份,教育支出增长（%）,小学生均增长（%）,结果\r\n2024,1.35,-0.5,未达标\r\n`)
  })
})

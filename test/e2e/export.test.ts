import { readFileSync, writeFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { Locator, Page } from 'playwright-core'
import readXlsxFile from 'read-excel-file/universal'
import { mapClassesOverYears } from '../../src/charts/mapClasses.ts'
import { exportSize, sourceLine } from '../../src/export/chartDecor.ts'
import { rankingColumns } from '../../src/export/columns.ts'
import { BOM } from '../../src/export/csv.ts'
import { localDate } from '../../src/export/date.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { rankingQuery, type RankingRow } from '../../src/queries/index.ts'
import { provinceSeriesQuery, seriesByCounty, type ProvinceSeriesRow } from '../../src/queries/series.ts'
import type { Database } from '../../src/db/types.ts'
import { screenshotPath } from '../support/browser.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { printedPdf, printProblems, type PrintedPdf } from '../support/pdf.ts'
import { rankingCount } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
let page: Page
let db: Database

const share = getIndicator('kg_public_share')

beforeAll(async () => {
  page = site.page
  db = (await bundledDatabase(['430000'])).db
})

/** Opens a download menu, clicks one entry and returns the file's name and bytes. */
async function download(menu: Locator, entry: string): Promise<{ name: string; bytes: Buffer }> {
  await menu.locator('summary').click()
  const [file] = await Promise.all([page.waitForEvent('download'), menu.locator(entry).click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: readFileSync(path) }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

const cssSize = (chart: Locator) => chart.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }))

describe('exports', () => {
  it('downloads the ranking bars as PNG at twice the chart’s size and as SVG with title, unit, year, source and 模拟数据', async () => {
    await page.goto(`${site.server.url}#/province/430000?indicator=${share.id}&year=2024`)
    await page.locator('[data-testid="ranking-table"] tbody tr').first().waitFor({ timeout: 60_000 })
    const panel = page.locator('.chart-panel').first()
    const expected = exportSize(await cssSize(panel.locator('.chart')), {})

    const png = await download(panel.locator('[data-testid="chart-download"]'), '[data-format="png"]')
    expect(png.name).toBe(`湖南省各区县${share.label}排序_2024年.png`)
    expect(pngSize(png.bytes)).toEqual({ width: 2 * expected.width, height: 2 * expected.height })
    writeFileSync(screenshotPath('export-bars'), png.bytes)
    await page.screenshot({ path: screenshotPath('export-menu') })

    const svg = (await download(panel.locator('[data-testid="chart-download"]'), '[data-format="svg"]')).bytes.toString(
      'utf8',
    )
    expect(svg).toContain(`湖南省各区县${share.label}排序`)
    expect(svg).toContain('单位：%\u30002024年')
    expect(svg).toContain(`>${sourceLine({ source: '', simulated: true, date: localDate(new Date()) })}<`)
    expect(svg).toContain('>模拟数据<')
    expect(svg).toMatch(new RegExp(`^<svg width="${expected.width}" height="${expected.height}"`))
  })

  it('downloads the map with its key', async () => {
    const map = page.locator('[data-testid="map"]')
    const years = (
      await db.query<{ year: number }>({ sql: 'SELECT DISTINCT year FROM panel ORDER BY year', params: [] })
    ).map((r) => r.year)
    const series = seriesByCounty(await db.query<ProvinceSeriesRow>(provinceSeriesQuery(share, '430000')), years)
    const legend = mapClassesOverYears(series, years, share)
    const expected = exportSize(await cssSize(map.locator('.canvas')), { legend })
    const png = await download(map.locator('[data-testid="chart-download"]'), '[data-format="png"]')
    expect(pngSize(png.bytes)).toEqual({ width: 2 * expected.width, height: 2 * expected.height })
    writeFileSync(screenshotPath('export-map'), png.bytes)
  })

  it('downloads the ranking as CSV and .xlsx, displayed rows and all rows', async () => {
    await page.locator('[data-testid="prefecture-filter"]').selectOption('431200')
    const table = page.locator('[data-testid="ranking-table"] tbody tr')
    const all = await db.query<RankingRow>(rankingQuery(share, { province: '430000', year: 2024 }))
    const expected = all.filter((r) => r.prefecture_code === '431200').length
    await expect.poll(() => table.count()).toBe(expected)
    const shownCodes = await table.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))
    const headers = rankingColumns(share, '全省排名', 2024).map((c) => c.header)
    const menu = page.locator('[data-testid="table-download"]')

    const shown = await download(menu, '[data-scope="shown"][data-format="csv"]')
    expect(shown.name).toBe(`湖南省_${share.label}_2024_排名_当前显示.csv`)
    const text = shown.bytes.toString('utf8')
    expect(text.startsWith(BOM)).toBe(true)
    const { note, records } = splitCsv(text.slice(1))
    expect(note).toEqual([
      ['表格', `湖南省 ${share.label} 2024年 排名 · 当前显示（${expected}行）`],
      ['数据来源', '模拟数据（按全国统计公报校准，并非任何区县的真实统计）'],
      ['导出日期', localDate(new Date())],
      ['指标定义', `${share.label}（%）：${share.definition}`],
      ['计算口径', expect.stringContaining('按合计数计算')],
      ['标准', expect.stringMatching(/^2018年起：≥50%/)],
    ])
    expect(records[0]).toEqual(headers)
    expect(records.slice(1).map((r) => r[1])).toEqual(shownCodes)

    const everything = await download(menu, '[data-scope="all"][data-format="csv"]')
    expect(splitCsv(everything.bytes.toString('utf8').slice(1)).records).toHaveLength(all.length + 1)

    for (const [scope, rows] of [
      ['shown', expected],
      ['all', all.length],
    ] as const) {
      const xlsx = await download(menu, `[data-scope="${scope}"][data-format="xlsx"]`)
      expect(xlsx.name).toMatch(/\.xlsx$/)
      const [sheet, about] = await readXlsxFile(
        xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer,
      )
      expect(sheet!.sheet).toBe(`模拟数据 湖南省${share.label}2024年`)
      expect(sheet!.data[0]).toEqual(headers)
      expect(sheet!.data).toHaveLength(rows + 1)
      expect(sheet!.data.slice(1).every((r) => typeof r[0] === 'number' || r[0] === null)).toBe(true)
      expect(about!.sheet).toBe('说明')
      expect(about!.data.slice(1)).toEqual(note.slice(1))
      if (scope === 'shown') writeFileSync(screenshotPath('export-ranking').replace(/\.png$/, '.xlsx'), xlsx.bytes)
    }
    writeFileSync(screenshotPath('export-ranking').replace(/\.png$/, '.csv'), shown.bytes)
  })
})

/** A downloaded table: the note lines before the first blank line (# key,value), then the table. */
function splitCsv(text: string): { note: string[][]; records: string[][] } {
  const lines = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data
  const blank = lines.findIndex((r) => r.join('') === '')
  return {
    note: lines.slice(0, Math.max(blank, 0)).map(([k, v]) => [k!.replace(/^# /, ''), v!]),
    records: lines.slice(blank + 1),
  }
}

/** Every chart printed whole: one image each, none cut across two pages. */
function expectWholeCharts(pdf: PrintedPdf, charts: number): void {
  expect(pdf.images).toHaveLength(charts)
  expect(new Set(pdf.images.map((i) => i.object)).size).toBe(charts)
}

const A4 = [595, 842]
const SOURCE = '数据来源：模拟数据（按全国统计公报校准，并非任何区县的真实统计）'
describe('printing', () => {
  it('prints the county report to A4 with every chart as an image, the source and 模拟数据 on top', async () => {
    // A4 at 96 dpi is 794 × 1123 CSS px.
    const report = await site.browser.newPage({ viewport: { width: 794, height: 1123 } })
    await report.goto(`${site.server.url}#/county/430121`)
    await report.locator('[data-testid="trend-grid"]').waitFor({ timeout: 60_000 })
    // The figures paint from the build before the engine is up; the verdicts come with it.
    await report.locator('[data-testid="problems"][aria-busy="false"]').waitFor({ timeout: 60_000 })
    await expect(report.locator('[data-testid="print-header"]').isVisible()).resolves.toBe(false)
    await report.emulateMedia({ media: 'print' })
    const header = report.locator('[data-testid="print-header"]')
    await expect.poll(() => header.isVisible()).toBe(true)
    expect(await header.textContent()).toMatch(
      /长沙县2024年县域教育督导报告[\s\S]*模拟数据[\s\S]*打印日期：\d{4}-\d{2}-\d{2}/,
    )
    const panels = await report.locator('.chart-panel').count()
    expect(panels).toBeGreaterThan(10)
    await expect.poll(() => report.locator('.chart-panel img.print-image').count()).toBe(panels)
    expect(
      await report
        .locator('.chart-panel canvas')
        .evaluateAll((cs) => cs.filter((c) => c.getBoundingClientRect().width > 0).length),
    ).toBe(0)
    expect(
      await report
        .locator('button, select, input')
        .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length),
    ).toBe(0)

    // Rendered to .tmp/screenshots/print-county-page1.png and -page2.png.
    const pdf = printedPdf('print-county', await report.pdf({ format: 'A4', preferCSSPageSize: true }))
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3)
    for (const size of pdf.pages) expect(size).toEqual(A4)
    // Page 1 the header, the problems and the KPIs; then 两个只增不减 with the rank history and
    // the comparison; then the trends.
    expect(pdf.text(1)).toMatch(/^长沙县2024年县域教育督导报告\s+模拟数据/)
    expect(pdf.text(1)).toContain(SOURCE)
    expect(pdf.text(1)).toContain('长沙县2024年存在问题')
    expect(pdf.text(2)).toMatch(/^两个只增不减/)
    expect(pdf.text(2)).toContain('与其他区县对比')
    expect(pdf.text(3)).toContain('经费')
    expectWholeCharts(pdf, panels)
    expect(printProblems(pdf)).toEqual([])
    await report.close()
  })

  it('prints a county with problems from its 打印 button on a 1366 px screen: charts drawn for the paper, no on-screen links', async () => {
    const rows = await db.query<RankingRow>(rankingQuery(share, { province: '430000', year: 2024 }))
    const failing = rows.filter((r) => r.status === '未达标').at(-1)!
    const report = await site.browser.newPage({ viewport: { width: 1366, height: 768 } })
    await report.goto(`${site.server.url}#/county/${failing.code}`)
    await report.locator('[data-testid="trend-grid"]').waitFor({ timeout: 60_000 })
    const links = report.locator('[data-testid="problems"] a.chart-link')
    await links.first().waitFor()
    // The print dialog is the browser's; the page's part ends where it opens it.
    await report.evaluate(() => (window.print = () => undefined))
    await report.locator('[data-testid="print"]').click()
    const panels = await report.locator('.chart-panel').count()
    await expect.poll(() => report.locator('.chart-panel img.print-image').count()).toBe(panels)
    await report.emulateMedia({ media: 'print' })
    expect(await links.evaluateAll((as) => as.filter((a) => (a as HTMLElement).offsetParent !== null).length)).toBe(0)
    // Rendered to .tmp/screenshots/print-county-button-page1.png and -page2.png.
    const pdf = printedPdf('print-county-button', await report.pdf({ format: 'A4', preferCSSPageSize: true }))
    expect(pdf.text(1)).toContain(`${failing.name}2024年存在问题`)
    expect(pdf.text(1)).toContain(share.label)
    expect(pdf.text(1)).not.toContain('看图')
    expectWholeCharts(pdf, panels)
    expect(printProblems(pdf)).toEqual([])
    await report.close()
  })
})

describe('province brief', () => {
  it('prints the map and the bars as images above the whole ranking', async () => {
    const brief = await site.browser.newPage({ viewport: { width: 794, height: 1123 } })
    await brief.goto(`${site.server.url}#/province/430000?indicator=${share.id}&year=2024`)
    const rows = brief.locator('[data-testid="ranking-table"] tbody tr')
    await rows.first().waitFor({ timeout: 60_000 })
    await brief.locator('[data-testid="map"] .canvas > svg').waitFor()
    await brief.emulateMedia({ media: 'print' })
    await expect.poll(() => brief.locator('[data-testid="map"] img.print-image').count()).toBe(1)
    await expect.poll(() => brief.locator('.chart-panel img.print-image').count()).toBe(2)
    expect(await brief.locator('[data-testid="print-header"]').textContent()).toContain(
      `湖南省${share.label}2024年省级简报`,
    )
    // The table prints whole, not inside its scrolling box.
    const table = await brief.locator('[data-testid="ranking-table"]').boundingBox()
    expect(await rows.count()).toBe(await rankingCount(brief))
    expect(table!.height).toBeGreaterThan((await rows.count()) * 15)
    const pdf = printedPdf('print-province', await brief.pdf({ format: 'A4', preferCSSPageSize: true }))
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3)
    expect(pdf.text(1)).toMatch(new RegExp(`^湖南省${share.label}2024年省级简报\\s+模拟数据`))
    expect(pdf.text(1)).toContain(SOURCE)
    expect(pdf.text(1)).toContain('湖南省各区县排序')
    // The ranking starts on page 2, and every page of it repeats the column headers.
    expect(pdf.text(2)).toMatch(new RegExp(`^湖南省各区县${share.label}（2024年），显示${await rows.count()}个`))
    const headers = ['全省排名▲', '区县', '地市', share.label, '较上年', '名次变化', '走势', '达标（≥50%）']
    // A long indicator name may wrap in its header.
    for (let page = 2; page <= pdf.pages.length; page++)
      for (const h of headers) expect(pdf.text(page).replace(/\s/g, '')).toContain(h)
    // Prefectures in full: 湘西土家族苗族自治州, not 湘西土家族….
    expect(pdf.text(2)).toContain('湘西土家族苗族自治州')
    expectWholeCharts(pdf, 3)
    // The map (first) has no text in it: only the bars and the histogram must print at their size.
    expect(printProblems(pdf, pdf.images.slice(1))).toEqual([])
    await brief.close()
  })
})

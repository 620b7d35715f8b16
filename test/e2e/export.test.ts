import { readFileSync, writeFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { Locator, Page } from 'playwright-core'
import { readSheet } from 'read-excel-file/universal'
import { mapClasses } from '../../src/charts/mapClasses.ts'
import { exportSize } from '../../src/export/chartDecor.ts'
import { rankingColumns } from '../../src/export/columns.ts'
import { BOM } from '../../src/export/csv.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { rankingQuery, type RankingRow } from '../../src/queries/index.ts'
import type { Database } from '../../src/db/types.ts'
import { screenshotPath } from '../support/browser.ts'
import { bundledDatabase } from '../support/bundled.ts'
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
  it('downloads the ranking bars as PNG at twice the chart’s size and as SVG with title and 模拟数据', async () => {
    await page.goto(`${site.server.url}#/province/430000?indicator=${share.id}&year=2024`)
    await page.locator('[data-testid="ranking-table"] tbody tr').first().waitFor({ timeout: 60_000 })
    const panel = page.locator('.chart-panel').first()
    const expected = exportSize(await cssSize(panel.locator('.chart')), {})

    const png = await download(panel.locator('[data-testid="chart-download"]'), '[data-format="png"]')
    expect(png.name).toBe(`湖南省各区县${share.label}排序_2024年.png`)
    expect(pngSize(png.bytes)).toEqual({ width: 2 * expected.width, height: 2 * expected.height })
    writeFileSync(screenshotPath('export-bars'), png.bytes)
    await page.screenshot({ path: screenshotPath('export-menu') })

    const svg = (await download(panel.locator('[data-testid="chart-download"]'), '[data-format="svg"]')).bytes.toString('utf8')
    expect(svg).toContain(`湖南省各区县${share.label}排序`)
    expect(svg).toContain('模拟数据')
    expect(svg).toContain('单位：%')
    expect(svg).toMatch(new RegExp(`^<svg width="${expected.width}" height="${expected.height}"`))
  })

  it('downloads the map with its key', async () => {
    const map = page.locator('[data-testid="map"]')
    const rows = await db.query<RankingRow>(rankingQuery(share, { province: '430000', year: 2024 }))
    const legend = mapClasses(rows, share, rows.find((r) => r.threshold !== null)?.threshold ?? null)
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
    const headers = rankingColumns(share, '全省排名').map((c) => c.header)
    const menu = page.locator('[data-testid="table-download"]')

    const shown = await download(menu, '[data-scope="shown"][data-format="csv"]')
    expect(shown.name).toBe(`湖南省_${share.label}_2024_排名_当前显示.csv`)
    const text = shown.bytes.toString('utf8')
    expect(text.startsWith(BOM)).toBe(true)
    const records = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data
    expect(records[0]).toEqual(headers)
    expect(records.slice(1).map((r) => r[1])).toEqual(shownCodes)

    const everything = await download(menu, '[data-scope="all"][data-format="csv"]')
    expect(Papa.parse<string[]>(everything.bytes.toString('utf8').slice(1).trimEnd(), { newline: '\r\n' }).data).toHaveLength(all.length + 1)

    for (const [scope, rows] of [['shown', expected], ['all', all.length]] as const) {
      const xlsx = await download(menu, `[data-scope="${scope}"][data-format="xlsx"]`)
      expect(xlsx.name).toMatch(/\.xlsx$/)
      const sheet = await readSheet(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer)
      expect(sheet[0]).toEqual(headers)
      expect(sheet).toHaveLength(rows + 1)
      expect(sheet.slice(1).every((r) => typeof r[0] === 'number' || r[0] === null)).toBe(true)
    }
  })
})

/** Pages of a PDF as Chromium writes it: one /Type /Page object each. */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0

describe('printing', () => {
  it('prints the county report to A4 with every chart as an image, the source and 模拟数据 on top', async () => {
    // A4 at 96 dpi is 794 × 1123 CSS px.
    const report = await site.browser.newPage({ viewport: { width: 794, height: 1123 } })
    await report.goto(`${site.server.url}#/county/430121`)
    await report.locator('[data-testid="trend-grid"]').waitFor({ timeout: 60_000 })
    await expect(report.locator('[data-testid="print-header"]').isVisible()).resolves.toBe(false)
    await report.emulateMedia({ media: 'print' })
    const header = report.locator('[data-testid="print-header"]')
    await expect.poll(() => header.isVisible()).toBe(true)
    expect(await header.textContent()).toMatch(/长沙县2024年县域教育督导报告[\s\S]*模拟数据[\s\S]*打印日期：\d{4}-\d{2}-\d{2}/)
    const panels = await report.locator('.chart-panel').count()
    expect(panels).toBeGreaterThan(10)
    await expect.poll(() => report.locator('.chart-panel img.print-image').count()).toBe(panels)
    expect(await report.locator('.chart-panel canvas').evaluateAll((cs) => cs.filter((c) => c.getBoundingClientRect().width > 0).length)).toBe(0)
    expect(await report.locator('button, select, input').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0)
    await report.screenshot({ path: screenshotPath('print-county-page1'), clip: { x: 0, y: 0, width: 794, height: 1123 } })
    await report.screenshot({ path: screenshotPath('print-county-all'), fullPage: true })

    const pdf = await report.pdf({ format: 'A4', preferCSSPageSize: true })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // Page 1 problems and KPIs, then 两个只增不减 with the rank history and the comparison, then the trends.
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3)
    const boxes = pdf.toString('latin1').match(/\/MediaBox\s*\[[^\]]*\]/g) ?? []
    expect(boxes).toHaveLength(pdfPages(pdf))
    for (const box of boxes) expect(box.match(/[\d.]+/g)!.map((n) => Math.round(Number(n)))).toEqual([0, 0, 595, 842])
    writeFileSync(screenshotPath('print-county').replace(/png$/, 'pdf'), pdf)
    await report.close()
  })
})

describe('province brief', () => {
  it('prints the map and the bars as images above the whole ranking', async () => {
    const brief = await site.browser.newPage({ viewport: { width: 794, height: 1123 } })
    await brief.goto(`${site.server.url}#/province/430000?indicator=${share.id}&year=2024`)
    const rows = brief.locator('[data-testid="ranking-table"] tbody tr')
    await rows.first().waitFor({ timeout: 60_000 })
    await brief.locator('[data-testid="map"] canvas').waitFor()
    await brief.emulateMedia({ media: 'print' })
    await expect.poll(() => brief.locator('[data-testid="map"] img.print-image').count()).toBe(1)
    await expect.poll(() => brief.locator('.chart-panel img.print-image').count()).toBe(2)
    expect(await brief.locator('[data-testid="print-header"]').textContent()).toContain(`湖南省${share.label}2024年省级简报`)
    // The table prints whole, not inside its scrolling box.
    const table = await brief.locator('[data-testid="ranking-table"]').boundingBox()
    expect(table!.height).toBeGreaterThan((await rows.count()) * 15)
    await brief.screenshot({ path: screenshotPath('print-province-page1'), clip: { x: 0, y: 0, width: 794, height: 1123 } })
    const pdf = await brief.pdf({ format: 'A4', preferCSSPageSize: true })
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3)
    writeFileSync(screenshotPath('print-province').replace(/png$/, 'pdf'), pdf)
    await brief.close()
  })
})

// A user's own files in real Chromium: upload (CSV, GBK, Parquet, a column assigned on the
// page), read the report, accept, see the views show the files' numbers; cancel a large
// check and change an encoding; reload and still see the data, then clear back to the
// simulated data.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page, Request } from 'playwright-core'
import { screenshotPath } from '../support/browser.ts'
import { FIXTURE_DIR, writeBigCsv } from '../support/importFixtures.ts'
import { withEveryRow } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
const badge = (p: Page) => p.locator('[data-testid="source-badge"]')
/** The value shown for a county in the ranking (its row's value cell). */
const valueOf = (p: Page, county: string) =>
  withEveryRow(p, (t) =>
    t
      .locator('tbody tr', { has: p.locator('th', { hasText: county }) })
      .locator('td.value')
      .first()
      .textContent(),
  )
const report = (p: Page) => p.locator('[data-testid="import-report"]')
const issueRows = (p: Page) => p.locator('[data-testid="import-issues"] tbody tr').allTextContents()
const accepted = (p: Page) => report(p).locator('[data-testid="accepted-rows"]').allTextContents()
const fileCard = (p: Page, name: string) => p.locator(`[data-testid="import-file-${name}"]`)

async function checkFiles(p: Page): Promise<void> {
  await p.locator('[data-testid="import-check"]:not([disabled])').click()
  await report(p).waitFor({ timeout: 60_000 })
}

// 长沙县 24,000 of 40,000 = 60.0%; 浏阳市 18,000 of 36,000 = 50.0%; one unknown code.
const CSV =
  '\uFEFF县区代码,年度,在园幼儿数(人),公办园在园幼儿数(人)\n430121,2024,"40,000",24000\n430181,2024,36000,18000\n999999,2024,1,1\n'
// 雨花区 16,000 of 20,000 = 80.0%, once its enrolment column, under a header the page does
// not know, is assigned on the page; 说明 is left out.
const MAPPED = '行政区划代码,年份,幼儿总人数,公办园在园幼儿数(人),说明\n430111,2024,20000,16000,已核对\n'

describe('own data import', () => {
  it('reports the files’ problems before anything is replaced, with a column assigned on the page', async () => {
    const { page, server } = site
    await page.goto(`${server.url}#/import`)
    await page.locator('[data-testid="import-input"]').setInputFiles([
      { name: '长沙2024.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) },
      { name: 'gbk.csv', mimeType: 'text/csv', buffer: readFileSync(join(FIXTURE_DIR, 'gbk.csv')) },
      { name: '雨花2024.csv', mimeType: 'text/csv', buffer: Buffer.from(MAPPED) },
      {
        name: 'problems.parquet',
        mimeType: 'application/octet-stream',
        buffer: readFileSync(join(FIXTURE_DIR, 'problems.parquet')),
      },
    ])
    await expect.poll(() => page.locator('[data-testid^="import-file-"]').count()).toBe(4)
    expect(await fileCard(page, 'gbk.csv').locator('[data-testid="import-encoding"]').inputValue()).toBe('gb18030')
    await fileCard(page, '雨花2024.csv').locator('select[aria-label="C列对应字段"]').selectOption('field:kg_enrol')
    await expect
      .poll(() => fileCard(page, '雨花2024.csv').locator('tbody tr').nth(2).textContent())
      .toContain('按指定对应“在园幼儿数（人）”')
    await checkFiles(page)
    expect(await accepted(page)).toEqual(['2', '2', '1', '3'])
    const issues = await issueRows(page)
    expect(issues.some((t) => t.includes('999999') && t.includes('未知的行政区划代码'))).toBe(true)
    expect(issues.some((t) => t.includes('岳麓区') && t.includes('不一致'))).toBe(true)
    expect(issues.some((t) => t.includes('浏阳市2024年的数据重复'))).toBe(true)
    expect(issues.some((t) => t.includes('C列 幼儿总人数') && t.includes('按指定对应“在园幼儿数（人）”'))).toBe(true)
    expect(issues.some((t) => t.includes('E列 说明') && t.includes('未识别的列') && t.includes('整列未导入'))).toBe(
      true,
    )
    // Grouped by file: the Parquet file's issues under its name.
    expect(
      (
        await page.locator('[data-testid="import-issues"] tbody[data-file="problems.parquet"] tr').allTextContents()
      ).some((t) => t.includes('小学56人及以上班级数（120）大于小学班级数（100）')),
    ).toBe(true)
    // Nothing replaced yet.
    expect(await badge(page).textContent()).toContain('模拟数据')
    await page.screenshot({ path: screenshotPath('import-report'), fullPage: true })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="report-download"]').click(),
    ])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.startsWith('\uFEFF文件,工作表,行,列,值,问题,类别,处理')).toBe(true)
    expect(csv).toContain('长沙2024.csv,,4,A列 县区代码,999999,')
  })

  it('accepts: the views show the file’s numbers, with the file named as the source', async () => {
    const { page, server } = site
    await page.locator('[data-testid="import-accept"]').click()
    await expect.poll(() => page.locator('[data-testid="import-notice"]').textContent()).toContain('已导入 8 行数据')
    expect(await badge(page).textContent()).toContain('长沙2024.csv、gbk.csv、雨花2024.csv、problems.parquet')

    await page.goto(`${server.url}#/province/430000?indicator=kg_public_share&year=2024`)
    await expect.poll(() => valueOf(page, '长沙县'), { timeout: 60_000 }).toBe('60.0%')
    expect(await valueOf(page, '浏阳市')).toBe('50.0%')
    expect(await valueOf(page, '望城区')).toBe('—')
    // The assigned column and the Parquet file's rows are in the figures.
    expect(await valueOf(page, '雨花区')).toBe('80.0%')
    expect(await valueOf(page, '芙蓉区')).toBe('75.0%')
    await page.screenshot({ path: screenshotPath('import-province') })

    // The files had no school rows: the county page's 学校 section says so, and never shows the simulated schools.
    const schoolFiles: string[] = []
    const listen = (r: Request) => void (r.url().includes('/data/schools/') && schoolFiles.push(r.url()))
    page.on('request', listen)
    await page.goto(`${server.url}#/county/430121?year=2024`)
    const section = page.locator('[data-testid="schools"]')
    await section.scrollIntoViewIfNeeded({ timeout: 60_000 })
    await expect
      .poll(() => section.locator('[data-testid="schools-empty"]').textContent(), { timeout: 60_000 })
      .toContain('导入的数据中没有长沙县2024年的学校数据')
    expect(await section.locator('[data-testid="schools-simulated"]').count()).toBe(0)
    page.off('request', listen)
    expect(schoolFiles).toEqual([])
  })

  it('a large check cancelled replaces nothing; the next check runs, and the encoding chosen on the page changes its report', async () => {
    const { page, server } = site
    const dir = mkdtempSync(join(tmpdir(), 'import-cancel-'))
    try {
      const big = join(dir, '全省2000-2026.csv')
      await writeBigCsv(big, 2)
      await page.goto(`${server.url}#/import`)
      await page.locator('[data-testid="import-input"]').setInputFiles(big)
      await page.locator('[data-testid="import-check"]:not([disabled])').click({ timeout: 60_000 })
      // Cancelled once the worker is inside the file (about 30 MB), not before it starts.
      await expect
        .poll(() => page.locator('[data-testid="import-progress"]').textContent())
        .toMatch(/正在检查 全省2000-2026\.csv … [1-9]\d?%/)
      await page.locator('[data-testid="import-cancel"]').click()
      await expect
        .poll(() => page.locator('[data-testid="import-notice"]').textContent())
        .toBe('已取消检查：没有导入任何数据，看板仍显示原来的数据。')
      expect(await page.locator('[data-testid="import-progress"]').count()).toBe(0)
      expect(await report(page).count()).toBe(0)
      expect(await badge(page).textContent()).toContain('长沙2024.csv')
      // Said where the user clicked, not above a column list of 53 rows.
      const noticeBox = await page.locator('[data-testid="import-notice"]').boundingBox()
      expect(noticeBox!.y + noticeBox!.height).toBeLessThanOrEqual(page.viewportSize()!.height)
      expect(noticeBox!.y).toBeGreaterThanOrEqual(0)
      await page.screenshot({ path: screenshotPath('import-cancelled') })
      await fileCard(page, '全省2000-2026.csv').locator('button', { hasText: '移除' }).click()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }

    // GBK read as UTF-8 on the user's choice: the years and digits written in Chinese turn
    // to garbage and are refused; back to GBK, the old report goes and the new one is clean.
    await page.locator('[data-testid="import-input"]').setInputFiles(join(FIXTURE_DIR, 'gbk-ascii-header.csv'))
    const encoding = fileCard(page, 'gbk-ascii-header.csv').locator('[data-testid="import-encoding"]')
    await expect.poll(() => encoding.inputValue()).toBe('gb18030')
    await encoding.selectOption('utf-8')
    await checkFiles(page)
    expect(await accepted(page)).toEqual(['1'])
    expect((await issueRows(page)).some((t) => t.includes('B列 year') && t.includes('年份应为4位数字'))).toBe(true)
    await encoding.selectOption('gb18030')
    await expect.poll(() => report(page).count()).toBe(0)
    await checkFiles(page)
    expect(await accepted(page)).toEqual(['2'])
    // Only the — written for a missing figure is said, as 说明.
    expect(await report(page).locator('[data-testid="issue-counts"]').textContent()).toContain(
      '共发现 1 处问题：错误 0（未导入），疑问 0（已导入，请核实），说明 1',
    )
    await report(page).locator('button', { hasText: '放弃' }).click()

    // The views still show the data accepted before.
    await page.goto(`${server.url}#/province/430000?indicator=kg_public_share&year=2024`)
    await expect.poll(() => valueOf(page, '长沙县'), { timeout: 60_000 }).toBe('60.0%')
  })

  it('keeps the data over a reload, and clearing returns to the simulated panel', async () => {
    const { page, server } = site
    await page.reload()
    await expect.poll(() => valueOf(page, '长沙县'), { timeout: 60_000 }).toBe('60.0%')
    expect(await badge(page).textContent()).toContain('长沙2024.csv')

    // A corrected release over it: the report says which county changes status on which rule.
    await page.goto(`${server.url}#/import`)
    await page.locator('[data-testid="import-input"]').setInputFiles([
      {
        name: '长沙2024更正.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CSV.replace('40,000",24000', '40,000",16000')),
      },
    ])
    await page.locator('[data-testid="import-check"]:not([disabled])').click()
    await expect
      .poll(() => page.locator('[data-testid="status-changes"] li').allTextContents(), { timeout: 60_000 })
      .toContain('长沙县 2024年 公办园在园幼儿占比：达标 → 未达标')
    await report(page).locator('button', { hasText: '放弃' }).click()

    await page.locator('[data-testid="clear-user-data"]').click()
    await expect.poll(() => badge(page).textContent()).toContain('模拟数据')
    await page.goto(`${server.url}#/province/430000?indicator=kg_public_share&year=2024`)
    await expect.poll(() => valueOf(page, '望城区'), { timeout: 60_000 }).not.toBe('—')
    expect(await valueOf(page, '长沙县')).not.toBe('60.0%')
  })
})

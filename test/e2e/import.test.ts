// A user's own file in real Chromium: upload, read the report, accept, see the views show
// the file's numbers, reload and still see them, then clear back to the simulated data.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { screenshotPath } from '../support/browser.ts'
import { FIXTURE_DIR } from '../support/importFixtures.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
const badge = (p: Page) => p.locator('[data-testid="source-badge"]')
const table = (p: Page) => p.locator('[data-testid="ranking-table"]')
/** The value shown for a county in the ranking (its row's value cell). */
const valueOf = (p: Page, county: string) => table(p).locator('tbody tr', { has: p.locator('th', { hasText: county }) }).locator('td.value').first().textContent()

// 长沙县 24,000 of 40,000 = 60.0%; 浏阳市 18,000 of 36,000 = 50.0%; one unknown code.
const CSV = '\uFEFF县区代码,年度,在园幼儿数(人),公办园在园幼儿数(人)\n430121,2024,"40,000",24000\n430181,2024,36000,18000\n999999,2024,1,1\n'

describe('own data import', () => {
  it('reports the file’s problems before anything is replaced', async () => {
    const { page, server } = site
    await page.goto(`${server.url}#/import`)
    await page.locator('[data-testid="import-input"]').setInputFiles([
      { name: '长沙2024.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) },
      { name: 'gbk.csv', mimeType: 'text/csv', buffer: readFileSync(join(FIXTURE_DIR, 'gbk.csv')) },
    ])
    await expect.poll(() => page.locator('[data-testid^="import-file-"]').count()).toBe(2)
    expect(await page.locator('[data-testid="import-file-gbk.csv"] [data-testid="import-encoding"]').inputValue()).toBe('gb18030')
    await page.locator('[data-testid="import-check"]').click()
    const report = page.locator('[data-testid="import-report"]')
    await report.waitFor({ timeout: 60_000 })
    expect(await report.locator('[data-testid="accepted-rows"]').allTextContents()).toEqual(['2', '2'])
    const issues = await page.locator('[data-testid="import-issues"] tbody tr').allTextContents()
    expect(issues.some((t) => t.includes('999999') && t.includes('未知的行政区划代码'))).toBe(true)
    expect(issues.some((t) => t.includes('岳麓区') && t.includes('不一致'))).toBe(true)
    expect(issues.some((t) => t.includes('浏阳市2024年的数据重复'))).toBe(true)
    // Nothing replaced yet.
    expect(await badge(page).textContent()).toContain('模拟数据')
    await page.screenshot({ path: screenshotPath('import-report'), fullPage: true })

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="report-download"]').click()])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.startsWith('\uFEFF文件,行,列,值,问题,类别,处理')).toBe(true)
    expect(csv).toContain('长沙2024.csv,4,A列 县区代码,999999,')
  })

  it('accepts: the views show the file’s numbers, with the file named as the source', async () => {
    const { page, server } = site
    await page.locator('[data-testid="import-accept"]').click()
    await expect.poll(() => page.locator('[data-testid="import-notice"]').textContent()).toContain('已导入 4 行数据')
    expect(await badge(page).textContent()).toContain('长沙2024.csv、gbk.csv')

    await page.goto(`${server.url}#/province/430000?indicator=kg_public_share&year=2024`)
    await expect.poll(() => valueOf(page, '长沙县'), { timeout: 60_000 }).toBe('60.0%')
    expect(await valueOf(page, '浏阳市')).toBe('50.0%')
    expect(await valueOf(page, '望城区')).toBe('—')
    await page.screenshot({ path: screenshotPath('import-province') })
  })

  it('keeps the data over a reload, and clearing returns to the simulated panel', async () => {
    const { page, server } = site
    await page.reload()
    await expect.poll(() => valueOf(page, '长沙县'), { timeout: 60_000 }).toBe('60.0%')
    expect(await badge(page).textContent()).toContain('长沙2024.csv')

    // A corrected release over it: the report says which county changes status on which rule.
    await page.goto(`${server.url}#/import`)
    await page.locator('[data-testid="import-input"]').setInputFiles([{ name: '长沙2024更正.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV.replace('40,000",24000', '40,000",16000')) }])
    await page.locator('[data-testid="import-check"]:not([disabled])').click()
    await expect.poll(() => page.locator('[data-testid="status-changes"] li').allTextContents(), { timeout: 60_000 }).toContain('长沙县 2024年 公办园在园幼儿占比：达标 → 未达标')
    await page.locator('[data-testid="import-report"] button', { hasText: '放弃' }).click()

    await page.locator('[data-testid="clear-user-data"]').click()
    await expect.poll(() => badge(page).textContent()).toContain('模拟数据')
    await page.goto(`${server.url}#/province/430000?indicator=kg_public_share&year=2024`)
    await expect.poll(() => valueOf(page, '望城区'), { timeout: 60_000 }).not.toBe('—')
    expect(await valueOf(page, '长沙县')).not.toBe('60.0%')
  })
})

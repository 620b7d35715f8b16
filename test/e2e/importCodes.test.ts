// A ten-year file as offices keep it: three counties re-coded in those years (洪泽县 2016,
// 海安县 2018, 海门市 2020) under their old codes before the change. The import reads them
// as the current counties, says so, and the county page shows every year of their trends.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshotPath } from '../support/browser.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
const report = (p: Page) => p.locator('[data-testid="import-report"]')

const COUNTIES = [
  { old: '320829', oldName: '洪泽县', code: '320813', name: '洪泽区', since: 2016, what: '撤县设区' },
  { old: '320621', oldName: '海安县', code: '320685', name: '海安市', since: 2018, what: '撤县设市' },
  { old: '320684', oldName: '海门市', code: '320614', name: '海门区', since: 2020, what: '撤市设区' },
]
const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i)

/** 在园幼儿 and 公办园 of each county and year: the share runs 50% (2015) to 59% (2024). */
const CSV = [
  '行政区划代码,区县,年份,在园幼儿数(人),公办园在园幼儿数(人)',
  ...COUNTIES.flatMap((c) =>
    YEARS.map((y) => {
      const [code, name] = y < c.since ? [c.old, c.oldName] : [c.code, c.name]
      return `${code},${name},${y},10000,${5000 + (y - 2015) * 100}`
    }),
  ),
].join('\n')

describe('old county codes in a ten-year file', () => {
  it('imports the rows with old codes under the current counties, each said in the report', async () => {
    const { page, server } = site
    await page.goto(`${server.url}#/import`)
    await page
      .locator('[data-testid="import-input"]')
      .setInputFiles([{ name: '南通2015-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) }])
    await page.locator('[data-testid="import-check"]:not([disabled])').click({ timeout: 60_000 })
    await report(page).waitFor({ timeout: 60_000 })
    expect(await report(page).locator('[data-testid="accepted-rows"]').allTextContents()).toEqual(['30'])
    const issues = await page.locator('[data-testid="import-issues"] tbody tr').allTextContents()
    for (const c of COUNTIES) {
      const note = `${c.old} ${c.oldName} → ${c.code} ${c.name}（${c.since}年${c.what}），已按新代码导入`
      expect(
        issues.filter((t) => t.includes(note)),
        c.name,
      ).toHaveLength(c.since - 2015)
    }
    expect(issues.filter((t) => t.includes('错误') || t.includes('疑问'))).toEqual([])
    await page.locator('[data-testid="import-accept"]').click()
    await expect.poll(() => page.locator('[data-testid="import-notice"]').textContent()).toContain('已导入 30 行数据')
  })

  it('shows unbroken trends for the three counties on the county page', async () => {
    const { page, server } = site
    for (const c of COUNTIES) {
      await page.goto(`${server.url}#/county/${c.code}?indicator=kg_public_share`)
      await page.locator('[data-testid="trend-grid"]').waitFor({ timeout: 60_000 })
      expect(await page.locator('[data-testid="county-name"]').textContent()).toContain(c.name)
      const trend = page.locator('#trend-kg_public_share')
      await trend.scrollIntoViewIfNeeded()
      await expect.poll(() => trend.locator('svg path').count()).toBeGreaterThan(0)
      // Every year has a value: the caption names no year without data, as it does for an indicator the file lacks.
      expect(await trend.locator('.gap').count(), c.name).toBe(0)
      expect(await page.locator('#trend-kg_gross_enrol_rate .gap').textContent()).toBe('（无数据）')
    }
    await page.screenshot({ path: screenshotPath('import-codes-county'), fullPage: true })
  })

  it('clears back to the simulated data', async () => {
    const { page, server } = site
    await page.goto(`${server.url}#/import`)
    await page.locator('[data-testid="clear-user-data"]').click()
    await expect.poll(() => page.locator('[data-testid="source-badge"]').textContent()).toContain('模拟数据')
  })
})

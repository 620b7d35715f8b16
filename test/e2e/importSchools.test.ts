// A school-level CSV (one row per school, the school template's columns) for two counties and
// two years through the import page in real Chromium: recognised as school data and said so,
// summed by county in the engine, accepted; each county's page then shows the figures its
// schools make and the 学校 section the coefficients from those schools, also after a reload.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { formatValue } from '../../src/indicators/format.ts'
import { screenshotPath } from '../support/browser.ts'
import { FIXTURE_DIR } from '../support/importFixtures.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
const FILE = 'schools-2023-2024.csv'
const report = (p: Page) => p.locator('[data-testid="import-report"]')
const kpi = (p: Page, id: string) =>
  p.locator(`[data-testid="kpi-cards"] article[data-indicator="${id}"] [data-testid="kpi-value"]`)

/**
 * 2024, by hand from the fixture (test/fixtures/import/README.md): 小学在校生 ÷ 小学专任教师, and
 * 56+ classes ÷ all classes of 小学 and 初中; `pri`, `jun`: the schools each part's 差异系数
 * counts (教学点 apart).
 */
const COUNTIES = [
  {
    code: '430121',
    name: '长沙县',
    ratio: (1200 + 900 + 600 + 300 + 40 + 500) / (64 + 50 + 36 + 20 + 4 + 32),
    // 小学 28 + 20 + 14 + 8 + 4 (教学点) + 12 (九年一贯制), 初中 34 + 20 + 8; 56+: 2 and 2.
    large: (100 * (2 + 2)) / (28 + 20 + 14 + 8 + 4 + 12 + (34 + 20 + 8)),
    pri: 5,
    jun: 3,
  },
  {
    code: '430181',
    name: '浏阳市',
    ratio: (2000 + 1100 + 700 + 60 + 800) / (100 + 58 + 40 + 5 + 46),
    // 小学 44 + 24 + 16 + 4 (教学点) + 18 (九年一贯制), 初中 26 (完全中学) + 20 + 12; 56+: 6 + 2 and 2.
    large: (100 * (6 + 2 + 2)) / (44 + 24 + 16 + 4 + 18 + (26 + 20 + 12)),
    pri: 4,
    jun: 3,
  },
]

const countyUrl = (c: (typeof COUNTIES)[number]) => `${site.server.url}#/county/${c.code}?year=2024`

async function countyShowsItsSchools(p: Page, c: (typeof COUNTIES)[number]): Promise<void> {
  await expect.poll(() => p.locator('[data-testid="county-name"]').textContent(), { timeout: 60_000 }).toContain(c.name)
  await expect
    .poll(() => kpi(p, 'pri_pupil_teacher').textContent(), { timeout: 60_000 })
    .toBe(formatValue(c.ratio, getIndicator('pri_pupil_teacher')))
  expect(await kpi(p, 'large_class_share').textContent()).toBe(formatValue(c.large, getIndicator('large_class_share')))
  const section = p.locator('[data-testid="schools"]')
  await section.scrollIntoViewIfNeeded()
  for (const [part, schools] of [
    ['pri', c.pri],
    ['jun', c.jun],
  ] as const) {
    const table = section.locator(`[data-testid="school-cv-${part}"]`)
    await table.waitFor({ timeout: 60_000 })
    expect(await table.locator('caption').textContent()).toContain(`计入${schools}所学校`)
    // Every indicator's coefficient and the 综合 one are figures, computed from the imported schools.
    const cells = await table.locator('[data-testid="cv"]').allTextContents()
    expect(cells).toHaveLength(8)
    for (const cell of cells) expect(cell.trim(), `${c.name} ${part}`).toMatch(/^\d+\.\d{3}$/)
  }
}

describe('school-level import', () => {
  it('recognises the school file by its columns and says so, before and in the report', async () => {
    const { page, server } = site
    await page.goto(`${server.url}#/import`)
    await page.locator('[data-testid="import-input"]').setInputFiles(join(FIXTURE_DIR, FILE))
    const card = page.locator(`[data-testid="import-file-${FILE}"]`)
    await expect
      .poll(() => card.locator('[data-testid="import-school"]').textContent())
      .toBe('识别为学校数据（每行一所学校），检查后按学校汇总为区县数据。')
    // Its columns are the template's, shown as read, with no county field to pick.
    await card.locator('summary', { hasText: '列对应关系' }).click()
    // The table is drawn once the details' toggle event (a task after the click) has opened it.
    const columns = card.locator('table.mapping tbody tr')
    await expect.poll(() => columns.count()).toBe(41)
    expect(await columns.nth(7).locator('td').allTextContents()).toEqual([
      'H',
      '小学在校生数(人)',
      '学校数据：小学在校生数(人)',
      '',
    ])
    expect(await card.locator('table.mapping select').count()).toBe(0)
    await page.screenshot({ path: screenshotPath('import-schools-file'), fullPage: true })
    await page.locator('[data-testid="import-check"]:not([disabled])').click()
    await report(page).waitFor({ timeout: 60_000 })
    const issues = await page.locator(`[data-testid="import-issues"] tbody[data-file="${FILE}"] tr`).allTextContents()
    // The file's part opens with what it was recognised as.
    expect(issues[1]).toContain(
      '识别为学校数据（每行一所学校）：共16所学校、2个区县、2023—2024年，已按学校汇总为区县数据；汇总得到区县的小学在校生数、',
    )
    expect(issues[1]).toContain('已汇总为区县数据')
    expect(await report(page).locator('[data-testid="accepted-rows"]').allTextContents()).toEqual(['32'])
    expect(await page.locator('[data-testid="import-accept"]').textContent()).toContain(
      '导入 4 行区县数据（含 32 行学校数据按区县汇总），替换当前数据',
    )
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height })
      await report(page).scrollIntoViewIfNeeded()
      await page.screenshot({ path: screenshotPath(`import-schools-report-${width}`) })
    }
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('[data-testid="import-accept"]').click()
    await expect
      .poll(() => page.locator('[data-testid="import-notice"]').textContent())
      .toContain('已导入 4 行区县数据（含 32 行学校数据按区县汇总）')
    expect(await page.locator('[data-testid="source-badge"]').textContent()).toContain(FILE)
  })

  it('each county’s page shows the figures its schools sum to, and the coefficients from those schools', async () => {
    for (const c of COUNTIES) {
      await site.page.goto(countyUrl(c))
      await countyShowsItsSchools(site.page, c)
    }
    await site.page.screenshot({ path: screenshotPath('import-schools-county'), fullPage: true })
  })

  it('after a reload the schools are there still; clearing returns to the simulated data', async () => {
    const { page, server } = site
    await page.goto(countyUrl(COUNTIES[0]!))
    await page.reload()
    await countyShowsItsSchools(page, COUNTIES[0]!)
    await page.goto(`${server.url}#/import`)
    await page.locator('[data-testid="clear-user-data"]').click()
    await expect.poll(() => page.locator('[data-testid="source-badge"]').textContent()).toContain('模拟数据')
  })
})

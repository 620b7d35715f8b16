import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { NOT_EVALUATED, RULES } from '../../src/indicators/rules.ts'
import { countiesQuery, ruleStatusQuery, type CountyRow, type RuleStatusRow } from '../../src/queries/index.ts'
import { provinceRollup } from '../../src/indicators/rollup.ts'
import { reportLines, rollupContent } from '../../src/export/reportSection.ts'
import { screenshotPath } from '../support/browser.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { downloadedDocx, downloadedText } from '../support/download.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
let page: Page

beforeAll(async () => {
  page = site.page
})

describe('province problem roll-up and rules page', () => {
  let expected: ReturnType<typeof provinceRollup> = []

  it('lists every rule’s failing counties as the same query counts them in Node', async () => {
    const { db } = await bundledDatabase(['430000'])
    const rows = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: '430000' }))
    const names = new Map((await db.query<CountyRow>(countiesQuery('430000'))).map((c) => [c.code, c.name]))
    expected = provinceRollup(rows, 2024, names, '全省')
    const share = expected.find((i) => i.rule.id === 'kg_public_share')!
    expect(share.failing).toBeGreaterThan(0)

    await page.goto(`${site.server.url}#/province/430000`)
    await page.locator('[data-testid="rollup-link"]').click()
    const item = page.locator('[data-testid="rollup"] > li[data-rule="kg_public_share"]')
    await expect
      .poll(() => item.locator('.sentence strong').textContent(), { timeout: 60_000 })
      .toBe(`${share.sentence}。`)
    expect(await page.locator('[data-testid="rollup"] > li').count()).toBe(expected.length)
    await page.screenshot({ path: screenshotPath('rollup-hunan') })
  })

  it('exports the roll-up as a Word document and as text, labelled 模拟数据, items in order', async () => {
    const lines = reportLines({
      ...rollupContent('湖南省2024年存在问题汇总', expected),
      date: '',
      source: '模拟数据',
    }).map((l) => l.text)
    type Watched = { cspViolations: string[] }
    // docx must run under the page's CSP (no eval, no new Function).
    await page.evaluate(() => {
      const w = window as unknown as Watched
      w.cspViolations = []
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(e.violatedDirective))
    })
    const docx = await downloadedDocx(page, page.locator('[data-testid="export-docx"]'))
    expect(docx.name).toBe('湖南省2024年存在问题汇总.docx')
    expect(docx.paragraphs.slice(0, 2)).toEqual(lines.slice(0, 2))
    expect(docx.paragraphs[2]).toMatch(/^导出日期：\d{4}年\d{1,2}月\d{1,2}日$/)
    expect(docx.paragraphs.slice(3)).toEqual(lines.slice(3))
    const text = await downloadedText(page, page.locator('[data-testid="export-txt"]'))
    expect(text.name).toBe('湖南省2024年存在问题汇总.txt')
    expect(text.bom).toBe(true)
    expect(text.lines.filter(Boolean).map((l) => l.trim())).toEqual(docx.paragraphs)
    expect(await page.evaluate(() => (window as unknown as Watched).cspViolations)).toEqual([])
  })

  it('opens the map of a rule, the failing counties first', async () => {
    const item = page.locator('[data-testid="rollup"] > li[data-rule="kg_public_share"]')
    const failing = await item.locator('.counties li').count()
    await item.locator('.map-link').click()
    await expect.poll(() => page.url()).toContain('indicator=kg_public_share')
    expect(page.url()).toContain('desc=1')
    await page.locator('[data-testid="map"] .canvas > svg').first().waitFor()
    const statuses = () =>
      page.locator('[data-testid="ranking-table"] tbody tr:not(.gap) td:last-child').allTextContents()
    await expect
      .poll(async () => (await statuses()).slice(0, Math.max(1, failing)).map((t) => t.trim()))
      .toEqual(Array(Math.max(1, failing)).fill('未达标'))
    // …and outlined on the map.
    expect(page.url()).toContain('focus=fail')
    await expect.poll(() => page.locator('[data-testid="map-marked"] path').count()).toBe(failing)
    expect(await page.locator('[data-testid="map-legend"]').textContent()).toContain(
      `黑框为2024年未达标的${failing}个区县`,
    )
  })

  it('shows every rule with its document on the rules page', async () => {
    await page.locator('header nav a', { hasText: '规则说明' }).click()
    await expect.poll(() => page.locator('[data-testid="rules-table"] tbody tr').count()).toBe(RULES.length)
    expect(
      await page.locator('[data-testid="rules-table"] tr[data-rule="kg_gross_enrol_rate"]').textContent(),
    ).toContain('2021年起：≥90%')
    expect(await page.locator('[data-testid="rules-table"] tr[data-rule="cv_primary"]').textContent()).toContain(
      '≤0.5（≤0.65为基本达标）',
    )
  })

  it('lists the policy lines it does not judge, with the data each lacks', async () => {
    const rows = page.locator('[data-testid="unjudged-table"] tbody tr')
    expect(await rows.count()).toBe(NOT_EVALUATED.length)
    const gdp = NOT_EVALUATED.find((u) => u.id === 'edu_spending_gdp_share')!
    expect(await page.locator(`[data-testid="unjudged-table"] tr[data-line="${gdp.id}"]`).textContent()).toContain(
      gdp.missing,
    )
    await page
      .locator('section[aria-labelledby="unjudged-title"]')
      .screenshot({ path: screenshotPath('rules-unjudged') })
  })
})

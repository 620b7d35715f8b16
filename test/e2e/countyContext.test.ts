// Context travels down (issue 17): a county opened with the province page's indicator, year
// and base year leads with that indicator and marks the base year; its KPI cards can put its
// own failures first (kpi=problems); and Back from a county returns the province page to the
// same place — the page's scroll, the ranking box's scroll and its sort.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { HEADLINE_INDICATOR_IDS, getIndicator } from '../../src/indicators/catalog.ts'
import { failingIndicators } from '../../src/indicators/kpiOrder.ts'
import { countySeriesQuery, type SeriesRow } from '../../src/queries/series.ts'
import type { Database } from '../../src/db/types.ts'
import { screenshotPath } from '../support/browser.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { printedPdf } from '../support/pdf.ts'
import { rankingTable } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
let page: Page
let db: Database
const SHARE = getIndicator('large_class_share')
const CONTEXT = `indicator=${SHARE.id}&year=2024&base=2020`

beforeAll(async () => {
  page = site.page
  db = (await bundledDatabase(['430000'])).db
})

const cardIds = () =>
  page.locator('[data-testid="kpi-cards"] article').evaluateAll((as) => as.map((a) => a.getAttribute('data-indicator')))

describe('a county opened with the province page’s context', () => {
  it('leads with the carried indicator: the rank history, the comparison and the first trend, marked', async () => {
    await page.goto(`${site.server.url}#/county/430121?${CONTEXT}`)
    await page.locator('[data-testid="trend-grid"]').waitFor({ timeout: 60_000 })
    const rank = page.locator('.chart-panel', { hasText: '全省排名变化' })
    expect(await rank.locator('figcaption').textContent()).toContain(`${SHARE.label}全省排名变化`)
    // Drawn once in view (the page's charts are lazy), named for the reader.
    await rank.scrollIntoViewIfNeeded()
    await expect.poll(() => rank.locator('.echart').getAttribute('aria-label')).toContain(SHARE.label)
    expect(await page.locator('[data-testid="compare"] [data-testid="indicator-select"]').inputValue()).toBe(SHARE.id)

    // The first trend is the carried indicator's, under its own labelled heading; not repeated in its group.
    const lead = page.locator('[data-testid="trend-lead"]')
    expect(await lead.getAttribute('aria-label')).toBe(`所选指标：${SHARE.label}`)
    const panels = page.locator('[data-testid="trend-grid"] .chart-panel')
    expect(await panels.first().getAttribute('id')).toBe(`trend-${SHARE.id}`)
    expect(await page.locator(`#trend-${SHARE.id}`).count()).toBe(1)
    expect(await lead.locator('.chart-panel').count()).toBe(1)

    // The base year: in the key, and as a line labelled 基年 on the trends as they are drawn.
    expect(await page.locator('[data-testid="trend-grid"] .legend').textContent()).toContain('对比基年（2020年）')
    await lead.scrollIntoViewIfNeeded()
    await expect.poll(() => lead.locator('svg text', { hasText: '基年' }).count()).toBe(1)
    await page.screenshot({ path: screenshotPath('county-context-trends') })
  })

  it('puts the county’s own failures first on 问题优先, headline or not, the furthest from its line first; the URL keeps it', async () => {
    await page.evaluate(() => window.scrollTo(0, 0))
    const order = page.locator('[data-testid="kpi-order"]')
    // 长沙县 fails nothing in 2024: the cards keep their order, and say why.
    await order.getByLabel('问题优先').check()
    await expect.poll(() => page.url()).toContain('kpi=problems')
    expect(await order.textContent()).toContain('2024年无未达标指标')
    expect(await cardIds()).toEqual([...HEADLINE_INDICATOR_IDS])

    // In 2021 it fails several lines, one of them not a headline figure.
    const rows = await db.query<SeriesRow>(countySeriesQuery('430121'))
    const failing = failingIndicators(rows, 2021)
    const headline: readonly string[] = HEADLINE_INDICATOR_IDS
    expect(failing.length).toBeGreaterThan(1)
    expect(failing.some((f) => !headline.includes(f.indicator))).toBe(true)
    await page.locator('.head [data-testid="year-select"]').selectOption('2021')
    await expect
      .poll(cardIds)
      .toEqual([
        ...failing.map((f) => f.indicator),
        ...headline.filter((id) => !failing.some((f) => f.indicator === id)),
      ])
    const first = page.locator('[data-testid="kpi-cards"] article').first()
    const largest = failing.reduce((a, b) => (b.gap > a.gap ? b : a))
    expect(await first.getAttribute('data-indicator')).toBe(largest.indicator)
    expect(await first.locator('.chip').textContent()).toBe('未达标')
    expect(await first.locator('[data-testid="kpi-gap"]').textContent()).toMatch(/要求.+，差距.+/)
    expect(await order.textContent()).toContain(`${failing.length}项未达标在前`)
    await page.screenshot({ path: screenshotPath('county-context-problems-first') })

    // A link reproduces it; 默认 takes it out of the URL.
    const before = await cardIds()
    await page.reload()
    await expect.poll(cardIds, { timeout: 60_000 }).toEqual(before)
    await order.getByLabel('默认').check()
    await expect.poll(() => page.url()).not.toContain('kpi=')
    await expect.poll(cardIds).toEqual([...HEADLINE_INDICATOR_IDS])
  })

  it('prints 问题优先 cards without the switch', async () => {
    const report = await site.browser.newPage({ viewport: { width: 794, height: 1123 } })
    await report.goto(`${site.server.url}#/county/430121?${CONTEXT.replace('2024', '2021')}&kpi=problems`)
    await report.locator('[data-testid="trend-grid"]').waitFor({ timeout: 60_000 })
    // The engine's answers, not only the build's: the ranks, the comparison, the verdicts.
    await report.locator('[data-testid="compare"]').waitFor({ timeout: 60_000 })
    await report.locator('[data-testid="two-no-decrease"][aria-busy="false"]').waitFor({ timeout: 60_000 })
    await report.emulateMedia({ media: 'print' })
    // Only the first page is read: the charts' print images (export.test.ts) are not waited for.
    expect(await report.locator('[data-testid="kpi-order"]').isVisible()).toBe(false)
    // Rendered to .tmp/screenshots/print-county-context-page1.png and -page2.png.
    const pdf = printedPdf('print-county-context', await report.pdf({ format: 'A4', preferCSSPageSize: true }))
    const text = pdf.text(1).replace(/\s+/g, '')
    expect(text).not.toContain('问题优先')
    // The cards of 问题优先: a failing card tells its line and its gap (大班额: 全面消除).
    expect(text).toContain('要求全面消除，差距')
    await report.close()
  })
})

describe('Back from a county', () => {
  it('returns the province page to its scroll, its ranking box’s scroll and its sort', async () => {
    await page.goto(`${site.server.url}#/province/430000?${CONTEXT}`)
    const table = rankingTable(page)
    await table.locator('tbody tr[data-code]').first().waitFor({ timeout: 60_000 })
    // Sorted by name, descending: a sort of its own, in the URL.
    const nameHeader = table.locator('thead th', { hasText: '区县' }).locator('button')
    await nameHeader.click()
    await nameHeader.click()
    await expect.poll(() => page.url()).toMatch(/sort=name.*desc=1|desc=1.*sort=name/)
    const sorted = () =>
      table
        .locator('thead th[aria-sort]:not([aria-sort="none"])')
        .evaluateAll((ths) =>
          ths.map((th) => `${th.textContent?.replace(/[▲▼]/g, '').trim()} ${th.getAttribute('aria-sort')}`),
        )
    const sortBefore = await sorted()
    expect(sortBefore).toHaveLength(1)

    const box = page.locator('.table-wrap')
    const pageTop = await page.evaluate(() => {
      const max = document.scrollingElement!.scrollHeight - innerHeight
      window.scrollTo(0, Math.min(240, max))
      return window.scrollY
    })
    expect(pageTop).toBeGreaterThan(50)
    const boxTop = await box.evaluate((el) => {
      el.scrollTop = Math.min(900, el.scrollHeight - el.clientHeight)
      return el.scrollTop
    })
    expect(boxTop).toBeGreaterThan(300)
    // A row in the middle of the box's view, drawn once the box has scrolled there.
    const rowInView = () =>
      box.evaluate((el) => {
        const r = el.getBoundingClientRect()
        const hit = document.elementFromPoint(r.left + 120, r.top + r.height / 2)
        return hit?.closest('tr[data-code]')?.getAttribute('data-code') ?? null
      })
    await expect.poll(rowInView).toBeTruthy()
    const code = (await rowInView())!
    await page.screenshot({ path: screenshotPath('province-scrolled-before-county') })
    await table.locator(`tr[data-code="${code}"] a.county`).click()
    await expect.poll(() => page.url()).toContain(`#/county/${code}`)
    await page.locator('[data-testid="county-name"]').waitFor()
    // Another page opens at its top.
    expect(await page.evaluate(() => window.scrollY)).toBe(0)

    await page.goBack()
    await table.locator('tbody tr[data-code]').first().waitFor({ timeout: 60_000 })
    // Within a few px: the ranking's rows are measured again as they come back.
    const off = async (now: Promise<number>, then: number) => Math.abs((await now) - then)
    await expect
      .poll(() =>
        off(
          page.evaluate(() => window.scrollY),
          pageTop,
        ),
      )
      .toBeLessThanOrEqual(3)
    await expect
      .poll(() =>
        off(
          box.evaluate((el) => el.scrollTop),
          boxTop,
        ),
      )
      .toBeLessThanOrEqual(3)
    expect(await sorted()).toEqual(sortBefore)
    // The row opened is where it was, in view.
    await expect.poll(() => table.locator(`tr[data-code="${code}"]`).isVisible()).toBe(true)
    await page.screenshot({ path: screenshotPath('province-back-from-county') })
  })
})

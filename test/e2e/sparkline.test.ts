// The ranking's sparklines say their first and last year and values, on hover and while
// the row has the keyboard's focus, as the same statement run in Node gives them.
import { describe, expect, it } from 'vitest'
import { sparklineLabel } from '../../src/charts/sparkline.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { provinceSeriesQuery, seriesByCounty, type ProvinceSeriesRow } from '../../src/queries/index.ts'
import { screenshotPath } from '../support/browser.ts'
import { rankingTable } from '../support/ranking.ts'
import { openSiteWithData } from '../support/site.ts'

const site = openSiteWithData()
const enrol = getIndicator('kg_gross_enrol_rate')

describe('sparklines', () => {
  it('label each county’s line with its first and last year and values, on hover and on keyboard focus', async () => {
    const page = site.page
    const rows = await site.db.query<ProvinceSeriesRow>(provinceSeriesQuery(enrol, '430000'))
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)
    const expected = seriesByCounty(rows, years)
    await page.goto(`${site.server.url}#/province/430000?indicator=${enrol.id}&year=2020`)
    await rankingTable(page).locator('caption', { hasText: enrol.label }).waitFor({ timeout: 60_000 })

    const first = rankingTable(page).locator('tbody tr[data-code]').first()
    const code = (await first.getAttribute('data-code'))!
    const label = sparklineLabel(expected.get(code)!, years, enrol)!
    expect(label).toMatch(/^2015年 [\d.]+% → 2024年 [\d.]+%$/)
    const tip = first.locator('[data-testid="sparkline-tip"]')
    expect(await tip.isVisible()).toBe(false)
    expect(await first.locator('.sparkline').getAttribute('aria-label')).toBe(label)

    const wrap = page.locator('.table-wrap')
    await wrap.scrollIntoViewIfNeeded()
    await first.locator('.sparkline').hover()
    await expect.poll(() => tip.isVisible()).toBe(true)
    expect(await tip.textContent()).toBe(label)
    const box = (await wrap.boundingBox())!
    await page.screenshot({ path: screenshotPath('history-sparkline-hover'), clip: { ...box, height: 160 } })

    // T jumps to the ranking; Tab walks its rows, one stop each, and the focused row shows its label.
    await page.mouse.move(0, 0)
    await expect.poll(() => tip.isVisible()).toBe(false)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('t')
    await page.keyboard.press('Tab')
    const focused = rankingTable(page).locator('tbody tr:focus-within')
    const second = (await focused.getAttribute('data-code'))!
    expect(await focused.getAttribute('aria-rowindex')).toBe('3')
    await expect
      .poll(() => focused.locator('[data-testid="sparkline-tip"]').textContent())
      .toBe(sparklineLabel(expected.get(second)!, years, enrol))
    expect(await focused.locator('[data-testid="sparkline-tip"]').isVisible()).toBe(true)
    expect(await tip.isVisible()).toBe(false)
    await wrap.screenshot({ path: screenshotPath('history-sparkline-focus') })
  })
})

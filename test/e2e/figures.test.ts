// Figures at their edges, read off the page as a leader sees them and compared with the
// same statements run in Node: a value short of the line, ties, a province growth over a
// missing county-year, doubtful values of an imported file, and the roll-up's heading while
// another province's items are on their way.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { formatValue } from '../../src/indicators/format.ts'
import { rankingQuery, type RankingRow } from '../../src/queries/index.ts'
import { screenshotPath } from '../support/browser.ts'
import { rankingTable, withEveryRow } from '../support/ranking.ts'
import { openSiteWithData } from '../support/site.ts'

const site = openSiteWithData()

/** A county's row of the ranking, as it prints (every row drawn). */
const rowText = (p: Page, county: string) =>
  withEveryRow(p, (t) =>
    t
      .locator('tbody tr', { has: p.locator('th', { hasText: county }) })
      .first()
      .innerText(),
  )

describe('figures a leader can take into a meeting', () => {
  it('shows 祁阳市’s 84.957% against ≥85% as 84.96% 未达标, not 85.0%', async () => {
    await site.page.goto(`${site.server.url}#/province/430000?indicator=kg_gross_enrol_rate&year=2018`)
    await rankingTable(site.page).waitFor({ timeout: 60_000 })
    await expect.poll(() => rowText(site.page, '祁阳市'), { timeout: 60_000 }).toContain('84.96%')
    expect(await rowText(site.page, '祁阳市')).toContain('未达标')
  })

  it('ties equal 差异系数 on one rank, as the query in Node ranks them', async () => {
    const ind = getIndicator('cv_primary')
    await site.page.goto(`${site.server.url}#/province/430000?indicator=cv_primary&year=2024`)
    const expected = await site.db.query<RankingRow>(rankingQuery(ind, { province: '430000', year: 2024 }))
    const tied = expected.filter((r) => expected.some((o) => o !== r && o.value === r.value))
    expect(tied.length).toBeGreaterThan(10)
    const ranks = () =>
      withEveryRow(site.page, (t) =>
        t
          .locator('tbody tr[data-code]')
          .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-code'), r.querySelector('td')?.textContent])),
      )
    await expect
      .poll(async () => Object.fromEntries(await ranks()), { timeout: 60_000 })
      .toEqual(Object.fromEntries(expected.map((r) => [r.code, String(r.rank ?? '—')])))
    for (const r of tied) expect(tied.filter((o) => o.value === r.value).every((o) => o.rank === r.rank)).toBe(true)
  })

  it('gives 甘肃’s 2017 教育支出增长率 over the counties with both years, naming the one left out', async () => {
    await site.page.goto(`${site.server.url}#/province/620000?indicator=edu_budget_growth&year=2017`)
    await expect
      .poll(() => site.page.locator('[data-testid="summary-figure"]').textContent(), { timeout: 60_000 })
      .toBe('7.64%')
    expect(await site.page.locator('[data-testid="summary-left-out"]').textContent()).toContain('1个区县未计入')
    await site.page.screenshot({ path: screenshotPath('figures-matched-growth') })
  })

  it('keeps the roll-up’s heading on the province whose items it shows while another loads', async () => {
    await site.page.goto(`${site.server.url}#/province/430000/problems?year=2018`)
    const heading = site.page.locator('.rollup h1')
    await expect.poll(() => heading.textContent(), { timeout: 60_000 }).toBe('湖南省2018年存在问题汇总')
    await site.page.locator('[data-testid="rollup"] > li').first().waitFor({ timeout: 120_000 })
    // Every change of the page is recorded: the heading, and the province codes of the counties listed under it.
    await site.page.evaluate(() => {
      const w = window as unknown as { seen: string[][] }
      w.seen = []
      const codes = () =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="rollup"] a[data-code]')].map((a) =>
          a.dataset.code!.slice(0, 2),
        )
      const record = () => w.seen.push([document.querySelector('.rollup h1')?.textContent ?? '', ...new Set(codes())])
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await site.page.evaluate(() => (location.hash = '#/province/440000/problems?year=2018'))
    await expect.poll(() => heading.textContent(), { timeout: 120_000 }).toBe('广东省2018年存在问题汇总')
    const seen = await site.page.evaluate(() => (window as unknown as { seen: string[][] }).seen)
    expect(
      seen.filter(([h, ...provinces]) => provinces.some((p) => p !== (h!.startsWith('广东') ? '44' : '43'))),
    ).toEqual([])
    expect(seen.some(([h, ...provinces]) => h!.startsWith('广东') && provinces.includes('44'))).toBe(true)
  })
})

// 长沙县’s 在园幼儿数 jumps from 10,000 to 50,000 in 2023 and back in 2024 (公办园 alike):
// 公办园在园幼儿占比 2023 reads 50.0% like the other years, from doubtful parts.
const SPIKE = [
  '县区代码,年度,在园幼儿数(人),公办园在园幼儿数(人)',
  '430121,2022,10000,5000',
  '430121,2023,50000,25000',
  '430121,2024,10000,5000',
  '430181,2022,36000,18000',
  '430181,2023,36000,18500',
  '430181,2024,36000,19000',
].join('\n')

describe('doubtful values', () => {
  it('marks a value from a 3× jump with ⚠ and its reason in the ranking, the tooltip and the county’s card, and filters to them', async () => {
    await site.page.goto(`${site.server.url}#/import`)
    await site.page
      .locator('[data-testid="import-input"]')
      .setInputFiles([{ name: '长沙.csv', mimeType: 'text/csv', buffer: Buffer.from(SPIKE) }])
    await site.page.locator('[data-testid="import-check"]:not([disabled])').click()
    await site.page.locator('[data-testid="import-report"]').waitFor({ timeout: 60_000 })
    await site.page.locator('[data-testid="import-accept"]').click()
    await expect
      .poll(() => site.page.locator('[data-testid="import-notice"]').textContent())
      .toContain('已导入 6 行数据')

    await site.page.goto(`${site.server.url}#/province/430000?indicator=kg_public_share&year=2023`)
    const flagged = rankingTable(site.page).locator('tbody tr[data-code="430121"] .doubt')
    await flagged.waitFor({ timeout: 60_000 })
    const reason =
      '数据存疑：在园幼儿数2023年与上年、下年都相差5.0倍以上；公办园在园幼儿数2023年与上年、下年都相差5.0倍以上，请核实'
    expect(await flagged.getAttribute('title')).toBe(reason)
    expect(await rankingTable(site.page).locator('tbody tr[data-code="430181"] .doubt').count()).toBe(0)

    const filter = site.page.locator('[data-testid="doubt-filter"]')
    expect(await filter.locator('xpath=..').textContent()).toContain('（1个）')
    await filter.check()
    await expect.poll(() => rankingTable(site.page).locator('tbody tr[data-code]').count()).toBe(1)
    expect(site.page.url()).toContain('doubt=1')

    await site.page.locator('[data-testid="map"] path[data-code="430121"]').hover()
    await expect.poll(() => site.page.locator('.map-tooltip').textContent()).toContain('数据存疑')
    await site.page.screenshot({ path: screenshotPath('figures-doubtful') })

    await site.page.goto(`${site.server.url}#/county/430121?year=2023`)
    const card = site.page.locator('[data-testid="kpi-cards"] [data-indicator="kg_public_share"]')
    await expect
      .poll(() => card.locator('[data-testid="kpi-doubt"]').textContent(), { timeout: 60_000 })
      .toContain('在园幼儿数2023年与上年、下年都相差5.0倍以上')
    expect(await card.locator('[data-testid="kpi-value"]').textContent()).toBe(
      formatValue(50, getIndicator('kg_public_share')),
    )
  })
})

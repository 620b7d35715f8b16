// A leader's question, asked on the province page: which 5 counties of 湖南 are worst on
// 大班额 in 2024, and how did they move since 2020? Three interactions, and the answer
// checked against the same statement in Node.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Database } from '../../src/db/types.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { formatValue } from '../../src/indicators/format.ts'
import { rankingQuery, type RankingRow } from '../../src/queries/ranking.ts'
import { screenshotPath } from '../support/browser.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { rankingTable } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
let page: Page
let db: Database
const largeClass = getIndicator('large_class_share')

beforeAll(async () => {
  page = site.page
  db = (await bundledDatabase(['430000'])).db
})

describe('the five worst counties and how they moved since 2020', () => {
  it('takes three interactions from the province page', async () => {
    await page.goto(`${site.server.url}#/province/430000`)
    await rankingTable(page).locator('caption').waitFor({ timeout: 60_000 })
    await page.locator('[data-testid="indicator-select"]').selectOption('large_class_share')
    await page.locator('[data-testid="base-year-select"]').selectOption('2020')
    await page.locator('[data-testid="worst-first"]').click()
    await expect.poll(() => rankingTable(page).locator('caption').textContent()).toContain('与2020年比')

    const rows = await db.query<RankingRow>(rankingQuery(largeClass, { province: '430000', year: 2024, base: 2020 }))
    const worst = [...rows]
      .filter((r) => r.rank !== null)
      .sort((a, b) => b.rank! - a.rank! || a.code.localeCompare(b.code))
      .slice(0, 5)
    const expected = worst.map((r) => [
      String(r.rank),
      r.name,
      formatValue(r.prev_value, largeClass, 2020),
      formatValue(r.value, largeClass, 2024),
      `${r.prev_rank}`,
    ])
    await expect
      .poll(async () =>
        (
          await rankingTable(page)
            .locator('tbody tr[data-code]')
            .evaluateAll((trs) =>
              trs.slice(0, 5).map((tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent?.trim() ?? '')),
            )
        ).map((cells) => [cells[0], cells[1], cells[3], cells[4], cells[6]?.split('（')[0]]),
      )
      .toEqual(expected)
    // The chart beside the map: the ten worst, each with both values in words.
    const dumbbells = page.locator('[data-testid="dumbbell"] g[role="listitem"]')
    await expect.poll(() => dumbbells.count()).toBe(10)
    expect((await dumbbells.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')))).slice(0, 5)).toEqual(
      worst.map(
        (r) =>
          `${r.name}：2020年 ${formatValue(r.prev_value, largeClass, 2020)} → 2024年 ${formatValue(r.value, largeClass, 2024)}`,
      ),
    )
    await page.screenshot({ path: screenshotPath('question-worst-since-2020') })

    // Narrowed in the ranking (one prefecture), the chart follows: that prefecture's lowest ranks.
    await page.locator('[data-testid="prefecture-filter"]').selectOption('431300')
    const inPrefecture = [...rows]
      .filter((r) => r.prefecture_code === '431300' && r.rank !== null)
      .sort((a, b) => b.rank! - a.rank! || a.code.localeCompare(b.code))
      .slice(0, 10)
      .map((r) => r.name)
    await expect
      .poll(() => dumbbells.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')?.split('：')[0])))
      .toEqual(inPrefecture)
  })
})

// The first view paints from the build's snapshot while DuckDB's engine is still on its way
// (here: held back), and DuckDB's answers, once it is up, change not one figure. Data that is
// not the bundled simulated set never shows snapshot figures.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page, Route } from 'playwright-core'
import { DEFAULT_INDICATOR_ID, getIndicator } from '../../src/indicators/catalog.ts'
import { formatValue } from '../../src/indicators/format.ts'
import { rankingQuery, type RankingRow } from '../../src/queries/index.ts'
import { screenshotPath } from '../support/browser.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { rankingCount, rankingTable as table, withEveryRow } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
let page: Page
let expected: string[]
const held: Route[] = []

const rowValues = (p: Page) => withEveryRow(p, (t) => t.locator('tbody td.value').allTextContents())
/** Rows of the ranking a fresh page shows while the engine never arrives. */
async function rowsWithEngineHeld(query: string, manifestChange: Record<string, unknown> = {}): Promise<number> {
  const context = await site.browser.newContext({ viewport: { width: 1366, height: 768 } })
  const other = await context.newPage()
  await other.route('**/*.wasm', () => undefined)
  await other.route('**/data/manifest.json', async (route) => {
    const manifest = (await (await route.fetch()).json()) as Record<string, unknown>
    await route.fulfill({ json: { ...manifest, ...manifestChange } })
  })
  await other.goto(`${site.server.url}#/province/430000${query}`)
  // The page is there once the manifest is; its map and ranking only with their answers.
  await other.locator('main.overview[aria-busy="true"]').waitFor({ timeout: 30_000 })
  // The snapshot, had it been asked for, arrives well within this time (see the first test).
  await other.waitForTimeout(1500)
  const rows = (await table(other).count()) === 0 ? 0 : await rankingCount(other)
  await context.close()
  return rows
}

const answered = (p: Page) => p.evaluate(() => performance.getEntriesByName('first-query-answered').length > 0)

beforeAll(async () => {
  page = site.page
  const ind = getIndicator(DEFAULT_INDICATOR_ID)
  const { db } = await bundledDatabase(['430000'])
  expected = (await db.query<RankingRow>(rankingQuery(ind, { province: '430000', year: 2024 }))).map((r) =>
    formatValue(r.value, ind),
  )
  await page.route('**/*.wasm', (route) => void held.push(route))
})

describe('first view from the build snapshot', () => {
  it('paints the ranking and the coloured map before the engine is up', async () => {
    await page.goto(`${site.server.url}#/province/430000`)
    await expect.poll(() => rowValues(page), { timeout: 30_000 }).toEqual(expected)
    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-regions-with-data')).toBe('122')
    await page.screenshot({ path: screenshotPath('snapshot-before-duckdb') })
    expect(await answered(page)).toBe(false)
    expect(await page.locator('main.overview').getAttribute('aria-busy')).toBe('true')
  })

  it('keeps every figure when DuckDB takes over', async () => {
    for (const route of held.splice(0)) await route.continue()
    await expect.poll(() => answered(page), { timeout: 90_000 }).toBe(true)
    await page.locator('main.overview[aria-busy="false"]').waitFor()
    expect(await rowValues(page)).toEqual(expected)
  })

  it('shows nothing for a choice the build did not compute, until DuckDB answers', async () => {
    expect(await rowsWithEngineHeld('?year=2020')).toBe(0)
  })

  it('never shows snapshot figures for data that is not the bundled simulated set', async () => {
    expect(await rowsWithEngineHeld('', { simulated: false, label: '某市2024年统计数据' })).toBe(0)
  })
})

// Every page, opened cold from a link, paints its figures from the build's answers while the
// engine's wasm is held back, still shows them after 10 s of that, honours clicks made
// meanwhile, and the engine's answers, once it is up, change not one of the figures shown.
import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page, Route } from 'playwright-core'
import { DEFAULT_INDICATOR_ID, getIndicator, HEADLINE_INDICATOR_IDS } from '../../src/indicators/catalog.ts'
import { formatValue } from '../../src/indicators/format.ts'
import { provinceRollup } from '../../src/indicators/rollup.ts'
import { RULES } from '../../src/indicators/rules.ts'
import {
  countiesQuery,
  countySeriesQuery,
  provinceFiguresQuery,
  rankingQuery,
  ruleStatusQuery,
  type CountyRow,
  type ProvinceFigureRow,
  type RankingRow,
  type RuleStatusRow,
  type SeriesRow,
} from '../../src/queries/index.ts'
import type { Database } from '../../src/db/types.ts'
import { screenshotPath } from '../support/browser.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { rankingCount } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
let db: Database
const HOLD_MS = 10_000
const LATEST = 2024

/** What each page shows first, as text, and what the same statements give in Node. */
interface RouteCase {
  name: string
  hash: string
  /** The figures read before and after the engine is up. */
  figures: (p: Page) => Promise<string[]>
  expected: () => Promise<string[]>
}

const cellTexts = (p: Page, selector: string) => p.locator(selector).allTextContents()
const trimmed = (texts: string[]) => texts.map((t) => t.replace(/\s+/g, ' ').trim())

const ROUTES: RouteCase[] = [
  {
    name: 'national',
    hash: '#/',
    figures: async (p) => trimmed(await cellTexts(p, '[data-testid="province-table"] tbody td.value')),
    expected: async () => {
      const ind = getIndicator(DEFAULT_INDICATOR_ID)
      const rows = await db.query<ProvinceFigureRow>(provinceFiguresQuery(ind, LATEST))
      return rows.map((r) => formatValue(r.figure, ind, LATEST) + (r.left_out ? '*' : ''))
    },
  },
  {
    name: 'province',
    hash: '#/province/430000',
    figures: async (p) => [
      String(await rankingCount(p)),
      ...trimmed(await cellTexts(p, '[data-testid="ranking-table"] tbody td.value')).slice(0, 5),
    ],
    expected: async () => {
      const ind = getIndicator(DEFAULT_INDICATOR_ID)
      const rows = await db.query<RankingRow>(rankingQuery(ind, { province: '430000', year: LATEST }))
      return [String(rows.length), ...rows.slice(0, 5).map((r) => formatValue(r.value, ind, LATEST))]
    },
  },
  {
    name: 'rollup',
    hash: '#/province/430000/problems',
    figures: async (p) => [String(await p.locator('[data-testid="rollup"] .sentence').count())],
    expected: async () => {
      const statuses = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: '430000' }))
      const counties = await db.query<CountyRow>(countiesQuery('430000'))
      const items = provinceRollup(statuses, LATEST, new Map(counties.map((c) => [c.code, c.name])), '全省')
      return [String(items.length)]
    },
  },
  {
    name: 'county',
    hash: '#/county/430121',
    figures: async (p) => [
      ...trimmed(await cellTexts(p, '[data-testid="county-name"]')),
      ...trimmed(await cellTexts(p, '[data-testid="kpi-cards"] [data-testid="kpi-value"]')),
      ...trimmed(await cellTexts(p, '[data-testid="kpi-cards"] [data-testid="kpi-rank"]')),
    ],
    expected: async () => {
      const series = await db.query<SeriesRow>(countySeriesQuery('430121'))
      const at = (id: string) => series.find((r) => r.indicator === id && r.year === LATEST)
      // The ranks out of every county of the province and of the prefecture, from the first frame.
      const counties = await db.query<CountyRow>(countiesQuery('430000'))
      const prefecture = counties.find((c) => c.code === '430121')!.prefecture_code
      const inPrefecture = counties.filter((c) => c.prefecture_code === prefecture).length
      return [
        '长沙县',
        ...HEADLINE_INDICATOR_IDS.map((id) => formatValue(at(id)?.value, getIndicator(id), LATEST)),
        ...HEADLINE_INDICATOR_IDS.map(
          (id) =>
            `全省第${at(id)?.rank ?? '—'}/${counties.length}，市内第${at(id)?.rank_prefecture ?? '—'}/${inPrefecture}`,
        ),
      ]
    },
  },
  {
    name: 'rules',
    hash: '#/rules',
    figures: async (p) => [String(await p.locator('[data-testid="rules-table"] tbody tr').count())],
    expected: async () => [String(RULES.length)],
  },
]

/** A fresh profile whose requests for the engine's wasm wait until `release()`. */
async function heldEngine(): Promise<{
  context: BrowserContext
  page: Page
  /** Epoch ms of the first request for the engine's wasm. */
  requestedAt: () => number | null
  release: () => Promise<void>
}> {
  const context = await site.browser.newContext({ viewport: { width: 1366, height: 768 } })
  const held: Route[] = []
  let released = false
  let requestedAt: number | null = null
  await context.route(/\.wasm(\.gz)?(\?.*)?$/, (route) => {
    requestedAt ??= Date.now()
    return released ? route.continue() : void held.push(route)
  })
  const page = await context.newPage()
  return {
    context,
    page,
    requestedAt: () => requestedAt,
    release: async () => {
      released = true
      for (const route of held.splice(0)) await route.continue()
    },
  }
}

const marked = (p: Page, name: string) => p.evaluate((n) => performance.getEntriesByName(n).length > 0, name)

beforeAll(async () => {
  const bundled = await bundledDatabase(['430000'])
  db = bundled.db
  await bundled.loader.ensureSummary()
})

/** The page's figures, checked against Node's answers to the same statements. */
async function expectFigures(page: Page, route: RouteCase): Promise<string[]> {
  const shown = await route.figures(page)
  expect(shown, route.name).toEqual(await route.expected())
  return shown
}

describe('every page from a cold link, before the engine', () => {
  for (const route of ROUTES) {
    it(`${route.name}: paints its figures, asks for the engine only then, and keeps every figure once it is up`, async () => {
      const { context, page, requestedAt, release } = await heldEngine()
      await page.goto(`${site.server.url}${route.hash}`)
      await expect.poll(() => marked(page, 'content-painted'), { timeout: 30_000 }).toBe(true)
      expect(await marked(page, 'duckdb-ready')).toBe(false)
      // The paint had the machine to itself: the engine's download and compile came after it.
      const paintedAt = await page.evaluate(
        () => performance.timeOrigin + performance.getEntriesByName('content-painted')[0]!.startTime,
      )
      await expect.poll(requestedAt, { timeout: 30_000 }).not.toBeNull()
      expect(requestedAt()!).toBeGreaterThanOrEqual(Math.floor(paintedAt))
      const before = await expectFigures(page, route)
      await page.screenshot({ path: screenshotPath(`cold-${route.name}-before-engine`) })
      await release()
      await expect.poll(() => marked(page, 'duckdb-ready'), { timeout: 90_000 }).toBe(true)
      if (route.name !== 'rules')
        await expect.poll(() => marked(page, 'first-query-answered'), { timeout: 60_000 }).toBe(true)
      await page.waitForTimeout(500)
      expect(await route.figures(page)).toEqual(before)
      await context.close()
    })
  }

  it('all still show their figures after the engine was held back for 10 s', async () => {
    const { context, release } = await heldEngine()
    const pages = await Promise.all(
      ROUTES.map(async (route) => {
        const page = await context.newPage()
        await page.goto(`${site.server.url}${route.hash}`)
        return page
      }),
    )
    await pages[0]!.waitForTimeout(HOLD_MS)
    for (const [i, page] of pages.entries()) {
      expect(await marked(page, 'content-painted'), ROUTES[i]!.name).toBe(true)
      expect(await marked(page, 'duckdb-ready'), ROUTES[i]!.name).toBe(false)
      await expectFigures(page, ROUTES[i]!)
    }
    await release()
    await context.close()
  })
})

describe('clicks before the engine is up', () => {
  it('land: a province from the national table, then a county from its ranking', async () => {
    const { context, page, release } = await heldEngine()
    await page.goto(site.server.url)
    await page.locator('[data-testid="province-table"] tr[data-code="430000"] a').click({ timeout: 30_000 })
    await expect.poll(() => rankingCount(page), { timeout: 30_000 }).toBe(122)
    await page.locator('[data-testid="ranking-table"] tbody a').first().click()
    await expect.poll(() => page.url()).toMatch(/#\/county\/43\d{4}/)
    await expect
      .poll(() => page.locator('[data-testid="kpi-cards"] [data-testid="kpi-value"]').count(), { timeout: 30_000 })
      .toBe(HEADLINE_INDICATOR_IDS.length)
    expect(await marked(page, 'duckdb-ready')).toBe(false)
    await page.screenshot({ path: screenshotPath('cold-click-county-before-engine') })
    await release()
    await expect.poll(() => marked(page, 'duckdb-ready'), { timeout: 90_000 }).toBe(true)
    await context.close()
  })
})

describe('a browser that cannot run the engine', () => {
  it('keeps every page’s figures and says once what needs the engine', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1366, height: 768 } })
    await context.addInitScript(() => Reflect.deleteProperty(globalThis, 'WebAssembly'))
    const page = await context.newPage()
    for (const route of ROUTES) {
      await page.goto(`${site.server.url}${route.hash}`)
      await page.reload()
      await expect.poll(() => marked(page, 'content-painted'), { timeout: 30_000 }).toBe(true)
      await expect.poll(() => page.locator('[data-testid="start-error"] p').count(), { timeout: 30_000 }).toBe(2)
      expect(await page.locator('[data-testid="start-error"] p').nth(1).textContent()).toContain('导入数据')
      expect(await page.locator('main [role="alert"]').count(), route.name).toBe(0)
      await expectFigures(page, route)
    }
    await page.screenshot({ path: screenshotPath('no-webassembly') })
    await context.close()
  })
})

// A link opened again paints at once the copy of its last first view (src/pageCopy/), while
// the app's own first view waits for its code and data; the app then takes its place with the
// same content, clicks made on the copy land, and no copy is shown for other data or another
// window.
import { describe, expect, it } from 'vitest'
import type { BrowserContext, CDPSession, Page, Route } from 'playwright-core'
import { screenshotPath } from '../support/browser.ts'
import { rankingCount } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
const VIEWPORT = { width: 1366, height: 768 }
const COPY_KEY = 'county-edu-dashboard:page-copy:'

const marked = (p: Page, name: string) => p.evaluate((n) => performance.getEntriesByName(n).length > 0, name)

/**
 * A fresh profile whose engine never starts (its wasm is held) and whose build-time answers
 * are held while `hold` is on: meanwhile the app cannot paint its own first view.
 */
async function heldProfile(): Promise<{ context: BrowserContext; hold: () => void; release: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: VIEWPORT })
  await context.route(/\.wasm(\.gz)?(\?.*)?$/, () => undefined)
  let holding = false
  const held: Route[] = []
  await context.route(/\/data\/snapshots\//, (route) => (holding ? void held.push(route) : route.continue()))
  return {
    context,
    hold: () => void (holding = true),
    release: async () => {
      holding = false
      for (const route of held.splice(0)) await route.continue()
    },
  }
}

/** Opens a link and waits until the app has painted it and kept its copy. */
async function firstVisit(context: BrowserContext, hash: string): Promise<void> {
  const page = await context.newPage()
  await page.goto(`${site.server.url}${hash}`)
  await expect.poll(() => marked(page, 'content-painted'), { timeout: 30_000 }).toBe(true)
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) !== null, COPY_KEY + hash)).toBe(true)
  await page.close()
}

type DomNode = { nodeId: number; shadowRoots?: (DomNode & { shadowRootType?: string })[]; children?: DomNode[] }

/**
 * Runs `use` with the node id of the copy's root element (null when no copy is on the page),
 * through DevTools: a closed shadow root is out of reach of the page's scripts and of
 * Playwright's locators.
 */
async function onCopy<T>(page: Page, use: (cdp: CDPSession, copy: number | null) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode }
    const find = (n: DomNode): DomNode | null => {
      const closed = n.shadowRoots?.find((s) => s.shadowRootType === 'closed')
      if (closed?.children?.length) return closed.children[0]!
      for (const c of n.children ?? []) {
        const hit = find(c)
        if (hit) return hit
      }
      return null
    }
    return await use(cdp, find(root)?.nodeId ?? null)
  } finally {
    await cdp.detach()
  }
}

/** The copy's root element as HTML, or null when none is on the page. */
const copyHtml = (page: Page) =>
  onCopy(page, async (cdp, copy) =>
    copy === null ? null : (await cdp.send('DOM.getOuterHTML', { nodeId: copy })).outerHTML,
  )

/** The text of an element of a piece of HTML, as the page parses it. */
const textIn = (page: Page, html: string, selector: string) =>
  page.evaluate(
    ([h, s]) => {
      const box = document.createElement('div')
      box.innerHTML = h
      return box.querySelector(s)?.textContent ?? ''
    },
    [html, selector] as const,
  )

/** Why the app took the copy's place (the detail of the mark `page-copy-gone`). */
const goneFor = (p: Page) =>
  p.evaluate(() => (performance.getEntriesByName('page-copy-gone')[0] as PerformanceMark | undefined)?.detail)

const appVisibility = (page: Page) => page.evaluate(() => getComputedStyle(document.getElementById('app')!).visibility)

/** Each route's figures: what the copy and the app, once it shows, must both say. */
const ROUTES = [
  { name: 'national', hash: '#/', figures: '[data-testid="province-table"]' },
  { name: 'province', hash: '#/province/430000', figures: '[data-testid="ranking-table"]' },
  { name: 'county', hash: '#/county/430121', figures: '[data-testid="kpi-cards"]' },
]

describe('a link opened again', () => {
  for (const route of ROUTES)
    it(`${route.name}: paints the last first view before the app has its data, then the app takes its place with the same content`, async () => {
      const { context, hold, release } = await heldProfile()
      await firstVisit(context, route.hash)
      hold()
      const page = await context.newPage()
      await page.goto(`${site.server.url}${route.hash}`)
      await expect.poll(() => marked(page, 'page-copy-painted'), { timeout: 30_000 }).toBe(true)
      expect(await marked(page, 'content-painted')).toBe(false)
      expect(await appVisibility(page)).toBe('hidden')
      const copy = await copyHtml(page)
      expect(copy).not.toBeNull()
      const shown = await textIn(page, copy!, route.figures)
      expect(shown.length).toBeGreaterThan(100)
      await page.screenshot({ path: screenshotPath(`page-copy-${route.name}`) })
      await release()
      await expect.poll(() => marked(page, 'content-painted'), { timeout: 30_000 }).toBe(true)
      await expect.poll(() => copyHtml(page)).toBeNull()
      expect(await goneFor(page)).toBe('painted')
      expect(await appVisibility(page)).toBe('visible')
      expect(await page.locator(route.figures).textContent()).toBe(shown)
      await context.close()
    })

  it('hands a click on the copy to the app: a province clicked in the national table opens', async () => {
    const { context, hold, release } = await heldProfile()
    await firstVisit(context, '#/')
    hold()
    const page = await context.newPage()
    await page.goto(`${site.server.url}#/`)
    await expect.poll(() => marked(page, 'page-copy-painted'), { timeout: 30_000 }).toBe(true)
    // Where the copy's link to 吉林 is (in view, fourth in the table): the copy is laid out as the app will be.
    const box = await onCopy(page, async (cdp, copy) => {
      const { nodeId } = await cdp.send('DOM.querySelector', {
        nodeId: copy!,
        selector: '[data-testid="province-table"] tr[data-code="220000"] a',
      })
      return (await cdp.send('DOM.getBoxModel', { nodeId })).model.content
    })
    expect(box).not.toBeNull()
    await page.mouse.click((box![0]! + box![2]!) / 2, (box![1]! + box![5]!) / 2)
    expect(page.url()).not.toContain('province')
    await release()
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('#/province/220000')
    const manifest = (await (await fetch(`${site.server.url}data/manifest.json`)).json()) as {
      provinces: { code: string; counties: number }[]
    }
    const counties = manifest.provinces.find((p) => p.code === '220000')!.counties
    await expect.poll(() => rankingCount(page), { timeout: 30_000 }).toBe(counties)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('吉林省区县概览')
    await context.close()
  })
})

describe('no copy is shown', () => {
  const hash = '#/province/430000'

  it('in a window of another size', async () => {
    const { context } = await heldProfile()
    await firstVisit(context, hash)
    const page = await context.newPage()
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto(`${site.server.url}${hash}`)
    await expect.poll(() => marked(page, 'content-painted'), { timeout: 30_000 }).toBe(true)
    expect(await marked(page, 'page-copy-painted')).toBe(false)
    await context.close()
  })

  it('where the user’s own data is kept', async () => {
    const { context } = await heldProfile()
    await firstVisit(context, hash)
    // The flag the import sets when it keeps the user's rows (service/saved.ts).
    await context.addInitScript(() => localStorage.setItem('county-edu-dashboard:user-data', '1'))
    const page = await context.newPage()
    await page.goto(`${site.server.url}${hash}`)
    await expect.poll(() => marked(page, 'content-painted'), { timeout: 30_000 }).toBe(true)
    expect(await marked(page, 'page-copy-painted')).toBe(false)
    await context.close()
  })

  it('beyond the moment the server’s data is seen to differ from the build’s', async () => {
    const { context, hold, release } = await heldProfile()
    await firstVisit(context, hash)
    // Files replaced on the server after the build: the manifest says so once it arrives.
    let send!: () => void
    const sent = new Promise<void>((resolve) => (send = resolve))
    await context.route(/\/data\/manifest\.json$/, async (route) => {
      const response = await route.fetch()
      const manifest = (await response.json()) as { generatedAt: string }
      await sent
      await route.fulfill({ response, json: { ...manifest, generatedAt: '2026-12-01' } })
    })
    hold()
    const page = await context.newPage()
    await page.goto(`${site.server.url}${hash}`)
    await expect.poll(() => copyHtml(page), { timeout: 30_000 }).not.toBeNull()
    send()
    await expect.poll(() => copyHtml(page)).toBeNull()
    expect(await goneFor(page)).toBe('data')
    expect(await marked(page, 'content-painted')).toBe(false)
    expect(await appVisibility(page)).toBe('visible')
    await release()
    await context.close()
  })
})

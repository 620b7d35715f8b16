// The bench's first-visit and second-visit figures: each route of the dashboard, and a bare page
// that only compiles the engine (the floor no design can go below). Each measurement gets a
// browser profile of its own (a persistent context in a fresh folder under .tmp/), so the first
// visit starts with an empty cache and the second finds what the first one left there: HTTP
// cache, compiled code, IndexedDB, localStorage.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/browser.ts'

/** A route of the dashboard, as the bench visits it. */
export interface Route {
  name: string
  hash: string
  /** Sum the layout shifts of the first 5 s of the first visit. */
  cls: boolean
  /** The view asks the engine, so the page marks `first-query-answered` (the rules page does not). */
  asks: boolean
  /** A selector whose first frame in the page is timed too, apart from the app's own marks. */
  shown?: string
}

export const ROUTES: Route[] = [
  { name: 'national', hash: '#/', cls: true, asks: true },
  { name: 'province', hash: '#/province/430000', cls: true, asks: true },
  { name: 'roll-up', hash: '#/province/430000/problems', cls: false, asks: true },
  {
    name: 'county page',
    hash: '#/county/430121',
    cls: false,
    asks: true,
    shown: 'main.county:has([data-testid="kpi-cards"] article):has([data-testid="trend-grid"])',
  },
  { name: 'rules', hash: '#/rules', cls: false, asks: false },
]

/** One visit of a route, ms from navigation start; null where the page set no such mark. */
export interface RouteVisit {
  /**
   * The first useful paint: the earlier of `page-copy-painted` (the link's copy from the last
   * visit, src/pageCopy/) and `content-painted`.
   */
  painted: number | null
  /** `content-painted`: the app's own view of the route first shows figures. */
  live: number | null
  /** `duckdb-started`: the engine's download and start began (once the first view was painted). */
  started: number | null
  /** `duckdb-ready`: engine up, county list loaded. */
  ready: number | null
  /** The later of `duckdb-ready` and `first-query-answered`. */
  interactive: number | null
  /** The route's `shown` selector first painted. */
  shown: number | null
  /** Layout shifts without recent input in the first 5 s (first visits of `cls` routes). */
  cls: number | null
}

/** The bare page's compile: when it was done (ms from navigation start) and the call's own time. */
export interface CompileVisit {
  done: number
  compile: number
}

export interface TwoVisits<T> {
  cold: T
  warm: T
}

export const COMPILE_PAGE = 'bench-compile.html'
const CLS_WINDOW_MS = 5_000
/**
 * After the first visit is ready: time for the browser to write its caches before the page closes.
 * V8 writes a wasm module's compiled code to its cache only once about 1 MB of it has been
 * optimised and 2 s more have passed (its wasm caching threshold and timeout); DuckDB gets there
 * while the first visit answers and ranks in the background. With 1.5 s the cache was not yet
 * written (a trace of the second visit showed no `v8.wasm.moduleCacheHit`), so that visit
 * compiled the engine again; a leader's first visit lasts longer than this.
 */
const SETTLE_MS = 12_000
const VIEWPORT = { width: 1366, height: 768 }
const PROFILES = join('.tmp', 'bench-profiles')

/**
 * The bare floor page, to be served beside the site (serveStatic's `files`): it only compiles the
 * engine's eh wasm, streaming, from the file as served, as a browser can cache it.
 */
export function compileFloorFiles(siteDir: string): Record<string, string> {
  const wasm = readdirSync(join(siteDir, 'assets')).find((f) => /^duckdb-eh-.*\.wasm$/.test(f))
  if (!wasm) throw new Error(`no duckdb-eh-*.wasm in ${siteDir}/assets`)
  const page = `<!doctype html><meta charset="utf-8"><title>compileStreaming</title><script type="module">
const start = performance.now()
await WebAssembly.compileStreaming(fetch('assets/${wasm}'))
const done = performance.now()
window.compiled = { done, compile: done - start }
</script>`
  return { [COMPILE_PAGE]: page }
}

/** Whether the built site sets a User Timing mark at all: if not, the bench does not wait for it. */
export function siteSetsMark(siteDir: string, name: string): boolean {
  const dir = join(siteDir, 'assets')
  const quoted = new RegExp(`[\`'"]${name}[\`'"]`)
  return readdirSync(dir).some((f) => f.endsWith('.js') && quoted.test(readFileSync(join(dir, f), 'utf8')))
}

/** Every User Timing mark of the page by name (the first of each), ms from navigation start. */
export async function marksOf(page: Page): Promise<Record<string, number>> {
  const marks = await page.evaluate(() =>
    performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as [string, number]),
  )
  return Object.fromEntries(marks.reverse())
}

/** What the observer script keeps in the page. */
interface BenchWindow {
  __bench: { cls: number; shown: number | null }
}

/**
 * Installed before the page's own code: sums the layout shifts of the first 5 s (as CLS, those
 * right after an input left out) and times the first frame that has `shown`.
 * A string, not a function: tsx would wrap named callbacks in a helper the page does not have.
 */
function observerScript(shown: string | undefined): string {
  return `(() => {
  const bench = (window.__bench = { cls: 0, shown: null })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput && e.startTime < ${CLS_WINDOW_MS}) bench.cls += e.value
  }).observe({ type: 'layout-shift', buffered: true })
  const selector = ${JSON.stringify(shown ?? null)}
  if (!selector) return
  const frame = () => {
    if (!document.querySelector(selector)) return requestAnimationFrame(frame)
    setTimeout(() => (bench.shown = performance.now()))
  }
  requestAnimationFrame(frame)
})()`
}

/**
 * Opens `url` twice in one fresh profile: the first visit with an empty cache, then, once it is
 * measured and has had SETTLE_MS to write its caches, closed, and a second visit in a new page.
 */
async function twoVisits<T>(
  url: string,
  initScript: string | null,
  measure: (page: Page, first: boolean) => Promise<T>,
): Promise<TwoVisits<T>> {
  mkdirSync(PROFILES, { recursive: true })
  const dir = mkdtempSync(join(PROFILES, 'run-'))
  let context: BrowserContext | undefined
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
    })
    if (initScript) await context.addInitScript(initScript)
    const visit = async (first: boolean) => {
      const page = await context!.newPage()
      await page.goto(url)
      const figures = await measure(page, first)
      if (first) await page.waitForTimeout(SETTLE_MS)
      await page.close()
      return figures
    }
    return { cold: await visit(true), warm: await visit(false) }
  } finally {
    await context?.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Waits for a condition the page may never meet (a mark the build lacks): a timeout is no value, not a failure. */
const mayWait = (done: Promise<unknown>) => done.catch(() => undefined)

/** A route's first visit (cold) and second visit (warm). `painted`: the build sets `content-painted`. */
export function measureRoute(siteUrl: string, route: Route, painted: boolean): Promise<TwoVisits<RouteVisit>> {
  return twoVisits(siteUrl + route.hash, observerScript(route.shown), async (page, first) => {
    const mark = (name: string, timeout = 120_000) =>
      page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, name, { timeout })
    await mark('duckdb-ready')
    // Marks a build may lack or a view may never set: a timeout leaves the figure out.
    if (route.asks) await mayWait(mark('first-query-answered', 60_000))
    if (painted) await mayWait(mark('content-painted', 60_000))
    if (route.shown)
      await mayWait(
        page.waitForFunction(() => (window as unknown as BenchWindow).__bench.shown !== null, null, {
          timeout: 60_000,
        }),
      )
    const cls = first && route.cls
    if (cls) await page.waitForFunction((ms) => performance.now() >= ms, CLS_WINDOW_MS, { timeout: 60_000 })
    const marks = await marksOf(page)
    const bench = await page.evaluate(() => (window as unknown as BenchWindow).__bench)
    const answered = marks['first-query-answered']
    const ready = marks['duckdb-ready'] ?? null
    const live = marks['content-painted'] ?? null
    const copy = marks['page-copy-painted']
    return {
      painted: copy !== undefined && (live === null || copy < live) ? copy : live,
      live,
      started: marks['duckdb-started'] ?? null,
      ready,
      interactive: ready !== null && answered !== undefined ? Math.max(ready, answered) : null,
      shown: bench.shown,
      cls: cls ? bench.cls : null,
    }
  })
}

/** The bare compileStreaming page (served with `compileFloorFiles`): first visit and second visit. */
export function measureCompileFloor(siteUrl: string): Promise<TwoVisits<CompileVisit>> {
  return twoVisits(siteUrl + COMPILE_PAGE, null, async (page) => {
    const compiled = await page.waitForFunction(
      () => (window as unknown as { compiled?: CompileVisit }).compiled,
      null,
      {
        timeout: 120_000,
      },
    )
    return (await compiled.jsonValue())!
  })
}

// `npm run bench`: builds the site, serves dist/ (or SITE_DIR) with a plain static server and
// drives headless Chromium through the leader's path, then through every route's first and
// second visit and a bare compile of the engine, printing figures (ms, KB) — min / median / max
// over several cold runs. Nothing here asserts: the figures are read against the budgets in
// docs/performance.md, printed beside the new ones.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { launchBrowser } from '../test/support/browser.ts'
import { serveStatic, SITE_DIR } from '../test/support/staticServer.ts'
import { writeBigCsv } from '../test/support/importFixtures.ts'
import { measureYearImport, YEAR_FILES, YEAR_FILES_BUDGET, yearFiles, type YearImport } from './benchImport.ts'
import {
  compileFloorFiles,
  marksOf,
  measureCompileFloor,
  measureRoute,
  ROUTES,
  siteSetsMark,
  type CompileVisit,
  type Route,
  type RouteVisit,
  type TwoVisits,
} from './benchRoutes.ts'
import { measurePresent, presentLine, type PresentRun } from './benchPresent.ts'
import { measureSchools, schoolBenchFiles, schoolsLines, type SchoolsRun } from './benchSchools.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const PROVINCE = '430000'

const ASSETS = join(SITE_DIR, 'assets')

if (!process.argv.includes('--no-build'))
  execFileSync('npx', ['vite', 'build', '--outDir', SITE_DIR], { stdio: 'ignore' })

function stats(values: number[], digits = 0): string {
  const s = [...values].sort((a, b) => a - b)
  const f = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(digits))
  return `${f(s[0])} / ${f(s[Math.floor(s.length / 2)])} / ${f(s.at(-1))}`
}

function assetBytes(): { jsRaw: number; jsGzip: number; wasm: string[] } {
  const dir = ASSETS
  let jsRaw = 0
  let jsGzip = 0
  const wasm: string[] = []
  for (const f of readdirSync(dir)) {
    const body = readFileSync(join(dir, f))
    if (f.endsWith('.js')) {
      jsRaw += body.length
      jsGzip += gzipSync(body).length
    }
    if (/\.wasm(\.gz)?$/.test(f))
      wasm.push(`${f.replace(/-[\w-]{8}\.wasm/, '.wasm')} ${(statSync(join(dir, f)).size / 1048576).toFixed(1)} MB`)
  }
  return { jsRaw, jsGzip, wasm }
}

/**
 * Gzip bytes of the JS files a context has requested so far (`urls`, from its request events):
 * workers included, and what a worker loads itself (the engine's worker loads DuckDB's), which
 * the page's Resource Timing does not list.
 */
function fetchedJsGzip(urls: Set<string>): number {
  return [...urls]
    .filter((u) => u.endsWith('.js'))
    .reduce((sum, n) => sum + gzipSync(readFileSync(join(ASSETS, n.slice(n.lastIndexOf('/') + 1)))).length, 0)
}

type Action = { select: string; value: string } | { click: string }

/** Times of an action (ms): to the paint of the frame that shows its result, and to the frame after. */
interface Timed {
  painted: number
  settled: number
}

/**
 * Time from a user action to the view showing its result, measured inside the page: the
 * action is dispatched there; a choice is shown when no statement is pending (aria-busy) and
 * the ranking caption has changed, a click when `until` is in the page. Each animation frame
 * looks whether it is shown; `painted`: the task right after the frame that first has it,
 * i.e. once that frame is painted (as INP ends an interaction), and before what the page
 * itself scheduled after its paint; `settled`: one frame later.
 */
function timeAction(page: Page, action: Action, until?: string, limitMs = 30_000): Promise<Timed> {
  // A string, not a function: tsx would wrap the frame loop's named callback in a helper the page does not have.
  return page.evaluate(`new Promise((resolve, reject) => {
    const action = ${JSON.stringify(action)}
    const until = ${JSON.stringify(until ?? null)}
    const caption = document.querySelector('[data-testid="ranking-table"] caption')
    const before = caption && caption.textContent
    const shown = () => until ? document.querySelector(until) !== null : document.querySelector('main.overview')?.getAttribute('aria-busy') === 'false' && caption.textContent !== before
    const timer = setTimeout(() => reject(new Error('the view did not change within ${limitMs / 1000} s')), ${limitMs})
    const frame = () => {
      if (!shown()) return requestAnimationFrame(frame)
      setTimeout(() => {
        const painted = performance.now() - start
        requestAnimationFrame(() => (clearTimeout(timer), resolve({ painted, settled: performance.now() - start })))
      })
    }
    const start = performance.now()
    requestAnimationFrame(frame)
    if ('click' in action) {
      document.querySelector(action.click).click()
    } else {
      const select = document.querySelector('[data-testid="' + action.select + '"]')
      select.value = action.value
      select.dispatchEvent(new Event('change'))
    }
  })`)
}

/** The province view has answered every statement (aria-busy false). */
const settled = (page: Page) => page.locator('main.overview[aria-busy="false"]').waitFor({ timeout: 120_000 })

// Last-Modified, as nginx, Apache and IIS send it: a second visit may reuse the browser's cache
// (a first visit in a fresh context or profile has none to reuse).
const server = await serveStatic(SITE_DIR, {
  files: { ...compileFloorFiles(SITE_DIR), ...(await schoolBenchFiles(SITE_DIR)) },
  lastModified: true,
})
const browser = await launchBrowser()
const cold = {
  map: [] as number[],
  ranking: [] as number[],
  ready: [] as number[],
  interactive: [] as number[],
  floor: [] as number[],
  ranked: [] as number[],
  prefetched: [] as number[],
  dataKB: [] as number[],
  jsKB: [] as number[],
  preloaded: [] as number[],
  aheadKB: [] as number[],
}
const warm = {
  early: [] as Timed[],
  indicator: [] as Timed[],
  year: [] as Timed[],
  indicatorAgain: [] as Timed[],
  county: [] as Timed[],
}
const timeline = { frames: [] as number[], longestFrame: [] as number[] }

/**
 * Plays the timeline for `steps` steps from 2016 and counts the animation frames the page
 * delivered in each step (a step is 1.2 s: 72 frames at 60 Hz when nothing blocks) and the
 * longest gap between two frames.
 */
function playTimeline(page: Page, steps: number): Promise<{ framesPerStep: number; longestFrame: number }> {
  // A string, not a function: tsx would wrap the frame loop's named callback in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const steps = ${steps}
    const stamps = []
    let stepsSeen = 0
    const play = document.querySelector('[data-testid="timeline-play"]')
    const observer = new MutationObserver(() => {
      stepsSeen += 1
      if (stepsSeen <= steps) return
      observer.disconnect()
      play.click()
      const gaps = stamps.slice(1).map((t, i) => t - stamps[i])
      resolve({ framesPerStep: stamps.length / steps, longestFrame: Math.max(...gaps) })
    })
    observer.observe(document.querySelector('[data-testid="timeline"] output'), { childList: true, characterData: true, subtree: true })
    const frame = (t) => {
      if (stepsSeen >= 1 && stepsSeen <= steps) stamps.push(t)
      if (stepsSeen <= steps) requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
    play.click()
  })`)
}

for (let run = 0; run < RUNS; run++) {
  // A new context starts with an empty cache: every run is a cold start.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const requested = new Set<string>()
  context.on('request', (r) => requested.add(r.url()))
  const page = await context.newPage()
  await page.goto(`${server.url}#/province/${PROVINCE}`)
  await page.waitForFunction(
    () =>
      ['map-painted', 'ranking-painted', 'duckdb-ready', 'first-query-answered'].every(
        (m) => performance.getEntriesByName(m).length > 0,
      ),
    null,
    { timeout: 120_000 },
  )
  await settled(page)
  const marks = await marksOf(page)
  const parquetEnd = await page.evaluate(
    (p) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) =>
        e.name.endsWith(`panel/${p}.parquet`),
      )?.responseEnd ?? 0,
    PROVINCE,
  )
  cold.map.push(marks['map-painted']!)
  cold.ranking.push(marks['ranking-painted']!)
  cold.ready.push(marks['duckdb-ready']!)
  // Fully interactive: the engine is up and has answered the view's first statement.
  cold.interactive.push(Math.max(marks['duckdb-ready']!, marks['first-query-answered']!))
  // The floor: fetching and instantiating the engine, and fetching the province's data.
  cold.floor.push(Math.max(marks['duckdb-instantiated']!, parquetEnd))
  const dataBytes = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => /\/(data|geo)\//.test(e.name))
      .reduce((sum, e) => sum + e.encodedBodySize, 0),
  )
  cold.dataKB.push(dataBytes / 1024)
  // The first view's JS: all it fetched to be fully interactive, workers included.
  cold.jsKB.push(fetchedJsGzip(requested) / 1024)

  // Right after the first view: the province's other indicators are still being ranked.
  warm.early.push(await timeAction(page, { select: 'indicator-select', value: 'kg_inclusive_rate' }))
  await settled(page)
  await page.waitForFunction(() => performance.getEntriesByName('province-ranked').length > 0, null, {
    timeout: 120_000,
  })
  cold.ranked.push(await page.evaluate(() => performance.getEntriesByName('province-ranked')[0]!.startTime))
  // The steady state: the choices beside the one shown are answered ahead, into the cache.
  await page.waitForFunction(
    () =>
      performance
        .getEntriesByName('prefetched')
        .some((m) => m.startTime > performance.getEntriesByName('province-ranked')[0]!.startTime),
    null,
    { timeout: 120_000 },
  )
  cold.prefetched.push(await page.evaluate(() => performance.getEntriesByName('prefetched').at(-1)!.startTime))
  // Then, idle, the page fetches the county page's code and ECharts (for printing) ahead.
  await page.waitForFunction(() => performance.getEntriesByName('preloaded').length > 0, null, { timeout: 120_000 })
  cold.preloaded.push(await page.evaluate(() => performance.getEntriesByName('preloaded')[0]!.startTime))
  cold.aheadKB.push(fetchedJsGzip(requested) / 1024 - cold.jsKB.at(-1)!)
  warm.indicator.push(await timeAction(page, { select: 'indicator-select', value: 'kg_gross_enrol_rate' }))
  warm.year.push(await timeAction(page, { select: 'year-select', value: '2020' }))
  // Back to an indicator already shown: answered from the query cache.
  warm.indicatorAgain.push(await timeAction(page, { select: 'indicator-select', value: 'kg_public_share' }))
  await timeAction(page, { select: 'year-select', value: '2015' })
  const played = await playTimeline(page, 4)
  timeline.frames.push(played.framesPerStep)
  timeline.longestFrame.push(played.longestFrame)
  await settled(page)
  // The tenth county: not the first, whose statements the page answers ahead. Open when its figures and its problems are shown.
  warm.county.push(
    await timeAction(
      page,
      { click: '[data-testid="ranking-table"] tr[aria-rowindex="11"] a' },
      'main.county:has([data-testid="kpi-cards"] article):has([data-testid="problems"][aria-busy="false"])',
    ),
  )
  await context.close()
}

// Presentation mode's auto-play: the longest frame across three indicator switches, once the
// engine is up, and once the background ranking and the answers ahead are done.
const presentFrom = ['duckdb-ready', 'prefetched'] as const
const presentRuns = new Map(presentFrom.map((from) => [from, [] as PresentRun[]]))
for (let run = 0; run < RUNS; run++)
  for (const from of presentFrom) presentRuns.get(from)!.push(await measurePresent(browser, server.url, from))

// The county page's 学校 section on the largest province's schools (scripts/benchSchools.ts).
const schoolRuns: SchoolsRun[] = []
for (let run = 0; run < RUNS; run++) schoolRuns.push(await measureSchools(browser, server.url))

// Every route's first and second visit, and the bare compile floor: each in a fresh profile per
// run, the floor first, so that a run's floor and its routes see the machine in the same state.
const paintMarked = siteSetsMark(SITE_DIR, 'content-painted')
const routeRuns = new Map(ROUTES.map((r) => [r.name, [] as TwoVisits<RouteVisit>[]]))
const compileRuns: TwoVisits<CompileVisit>[] = []
for (let run = 0; run < RUNS; run++) {
  compileRuns.push(await measureCompileFloor(server.url))
  for (const route of ROUTES) routeRuns.get(route.name)!.push(await measureRoute(server.url, route, paintMarked))
}

/** The 100 MB CSV, written once and kept in the temp folder. */
async function bigCsv(): Promise<string> {
  const path = join(tmpdir(), 'county-edu-bench-100mb.csv')
  if (!existsSync(path)) await writeBigCsv(path, 16)
  return path
}

// `--no-import` leaves the 100 MB CSV out, for a quick look at the rest.
const withImport = !process.argv.includes('--no-import')
const csvPath = withImport ? await bigCsv() : ''
const csvMB = withImport ? statSync(csvPath).size / 1048576 : 0
const imports = { check: [] as number[], accept: [] as number[], longest: [] as number[] }
for (let run = 0; withImport && run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const page = await context.newPage()
  await page.goto(`${server.url}#/import`)
  // The import is measured on its own, not overlapping the engine's start.
  await page.waitForFunction(() => performance.getEntriesByName('duckdb-ready').length > 0, null, { timeout: 120_000 })
  await page.evaluate(() => {
    const w = window as unknown as { longest: number }
    w.longest = 0
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration))),
    ).observe({ type: 'longtask' })
  })
  await page.locator('[data-testid="import-input"]').setInputFiles(csvPath)
  await page.locator('[data-testid="import-check"]:not([disabled])').waitFor({ timeout: 120_000 })
  // The long tasks of reading the page and the file list are not the import's.
  await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0))
  imports.check.push(
    (await timeAction(page, { click: '[data-testid="import-check"]' }, '[data-testid="import-report"]', 300_000))
      .painted,
  )
  imports.accept.push(
    (await timeAction(page, { click: '[data-testid="import-accept"]' }, '[data-testid="import-notice"]', 300_000))
      .painted,
  )
  imports.longest.push(await page.evaluate(() => (window as unknown as { longest: number }).longest))
  await context.close()
}

// One file per year: a province's ten yearly CSVs at once, from the pick to the notice.
const yearPaths = await yearFiles()
const yearRuns: YearImport[] = []
for (let run = 0; run < RUNS; run++) yearRuns.push(await measureYearImport(browser, server.url, yearPaths))
const yearImports = yearRuns.map((r) => r.accepted)

const assets = assetBytes()
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!
type Visit = 'cold' | 'warm'
/** One figure of each run's first (cold) or second (warm) visit, from the runs that have it. */
const figures = <T>(runs: TwoVisits<T>[], visit: Visit, pick: (v: T) => number | null) =>
  runs.map((r) => pick(r[visit])).filter((v): v is number => v !== null)
/** ` ✓` or ` ✗`: whether a median meets its budget; nothing without a budget or a figure. */
const tick = (value: number | undefined, limit?: number) =>
  value === undefined || limit === undefined ? '' : value <= limit ? ' ✓' : ' ✗'
const medianOf = (v: number[]) => (v.length ? median(v) : undefined)
const ratioOf = (a: number[], b: number[]) => (a.length && b.length ? median(a) / median(b) : undefined)
const ratioText = (r: number | undefined) => (r === undefined ? '—' : r.toFixed(2))
/** What a line of route figures shows: the budget of each visit, the routes, the visits, the digits. */
interface RouteLine extends Partial<Record<Visit, number>> {
  routes?: Route[]
  visits?: Visit[]
  digits?: number
}
/** A figure of every route (or those given), first visit and second, each with its budget. */
function routeLines(title: string, pick: (v: RouteVisit) => number | null, line: RouteLine = {}): void {
  const { routes = ROUTES, visits = ['cold', 'warm'], digits = 0 } = line
  const limits = visits.filter((v) => line[v] !== undefined).map((v) => `${v} ≤ ${line[v]}`)
  console.log(`${title}${limits.length ? ` (budget ${limits.join(', ')})` : ''}`)
  for (const route of routes) {
    const cell = (visit: Visit) => {
      const values = figures(routeRuns.get(route.name)!, visit, pick)
      return `${visit} ${stats(values, digits)}${tick(medianOf(values), line[visit])}`
    }
    console.log(`  ${route.name.padEnd(12)} ${visits.map(cell).join('   ')}`)
  }
}

console.log(`\nBenchmark — ${RUNS} cold runs, headless Chromium, ${PROVINCE} (min / median / max, ms)`)
console.log(`first map painted            ${stats(cold.map)}`)
console.log(`first ranking painted        ${stats(cold.ranking)}`)
console.log(`DuckDB ready (data loaded)   ${stats(cold.ready)}`)
console.log(`floor: engine + province     ${stats(cold.floor)}`)
console.log(`fully interactive            ${stats(cold.interactive)}`)
console.log(`interactive ÷ floor          ${(median(cold.interactive) / median(cold.floor)).toFixed(2)} (medians)`)
const provinceRuns = routeRuns.get('province')!
const compileDone = figures(compileRuns, 'cold', (c) => c.done)
const provinceCold = (pick: (v: RouteVisit) => number | null) => figures(provinceRuns, 'cold', pick)
const engineRatio = ratioOf(
  provinceCold((v) => v.interactive),
  compileDone,
)
const readyRatio = ratioOf(
  provinceCold((v) => v.ready),
  compileDone,
)
const sinceStart = (v: RouteVisit) => (v.interactive !== null && v.started !== null ? v.interactive - v.started : null)
const startedRatio = ratioOf(provinceCold(sinceStart), compileDone)
console.log(
  `engine ready ÷ bare-compile floor ${ratioText(engineRatio)}${tick(engineRatio, 1.3)} (budget ≤ 1.3; medians, cold: province fully interactive ÷ compileStreaming done; duckdb-ready alone ${ratioText(readyRatio)}; from the engine's start, after the first view, ${ratioText(startedRatio)})`,
)
console.log(`all indicators ranked        ${stats(cold.ranked)} (in the background, after the first view)`)
console.log(
  `choices beside it answered ${stats(cold.prefetched)} (in the background: this indicator's years, the other indicators)`,
)
const timed = (t: Timed[]) => `${stats(t.map((x) => x.painted))}; a frame later ${stats(t.map((x) => x.settled))}`
console.log(`Actions: to the paint that shows the result; then to the frame after it`)
console.log(`indicator switch, at once    ${timed(warm.early)} (while the rest is being ranked)`)
console.log(`indicator switch             ${timed(warm.indicator)}`)
console.log(`year switch                  ${timed(warm.year)}`)
console.log(`indicator switch, seen before ${timed(warm.indicatorAgain)}`)
console.log(
  `timeline: frames per 1.2 s step ${stats(timeline.frames)} (72 at 60 Hz); longest frame ${stats(timeline.longestFrame)} ms`,
)
console.log(`county page open             ${timed(warm.county)} (figures and problems)`)
for (const from of presentFrom) console.log(presentLine(presentRuns.get(from)!, from))
for (const line of schoolsLines(schoolRuns)) console.log(line)
console.log(`data fetched for first view  ${stats(cold.dataKB)} KB`)
console.log(`code fetched ahead, idle     ${stats(cold.preloaded)} (the county page, ECharts)`)
console.log(
  `JS of the first view, gzip  ${stats(cold.jsKB)} KB (workers included); then ahead, idle: ${stats(cold.aheadKB)} KB`,
)
console.log(
  `all JS the site can load    ${(assets.jsRaw / 1024).toFixed(0)} KB raw, ${(assets.jsGzip / 1024).toFixed(0)} KB gzip (DuckDB's two workers included; one is used)`,
)
console.log(`wasm shipped                 ${assets.wasm.join(', ')}`)
const throughput = imports.check.map((ms) => csvMB / (ms / 1000))
console.log(`${csvMB.toFixed(0)} MB CSV import: check       ${stats(imports.check)} (${stats(throughput)} MB/s)`)
console.log(`  accept (replace the panel) ${stats(imports.accept)}`)
console.log(`  longest main-thread task   ${stats(imports.longest)}`)
console.log(
  `${yearPaths.length} yearly files (${YEAR_FILES.province}, ${YEAR_FILES.years[0]}–${YEAR_FILES.years.at(-1)}) picked → report → accepted ${stats(yearImports)}${tick(medianOf(yearImports), YEAR_FILES_BUDGET)} (budget ≤ ${YEAR_FILES_BUDGET})`,
)
console.log(`  then the province page ranks the imported rows ${stats(yearRuns.map((r) => r.province))}`)

console.log(
  `\nEvery route — ${RUNS} runs, a fresh profile each: first visit (cold, empty cache), then a second visit in a new page once the first is ready (warm) (min / median / max, ms from navigation start)`,
)
routeLines(
  `first useful paint (the earlier of page-copy-painted, the link's copy from the last visit, and content-painted${paintMarked ? '' : ': this build sets no such mark'})`,
  (v) => v.painted,
  { cold: 1000, warm: 500 },
)
routeLines('the app’s own first view (content-painted; on a second visit, drawn beneath the copy)', (v) => v.live)
routeLines('engine started (duckdb-started: once the first view is painted)', (v) => v.started)
routeLines('engine ready (duckdb-ready)', (v) => v.ready, { warm: 1000 })
routeLines('engine started → ready', (v) => (v.ready !== null && v.started !== null ? v.ready - v.started : null))
routeLines('fully interactive (and first-query-answered)', (v) => v.interactive, {
  routes: ROUTES.filter((r) => r.asks),
})
routeLines('county link: KPI cards and trends drawn', (v) => v.shown, {
  cold: 1000,
  routes: ROUTES.filter((r) => r.shown),
})
routeLines('layout shift (CLS) of the first 5 s', (v) => v.cls, {
  cold: 0.05,
  routes: ROUTES.filter((r) => r.cls),
  visits: ['cold'],
  digits: 3,
})
const compileStats = (visit: Visit, pick: (c: CompileVisit) => number) => stats(figures(compileRuns, visit, pick))
console.log(
  `bare compileStreaming floor  done cold ${compileStats('cold', (c) => c.done)}, warm ${compileStats('warm', (c) => c.done)}; the call itself cold ${compileStats('cold', (c) => c.compile)}, warm ${compileStats('warm', (c) => c.compile)}`,
)
await browser.close()
await server.close()

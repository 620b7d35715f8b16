// The county page's 学校 section (issue 21), on the largest province's school file (河南,
// 410000, 2.2 MB): (a) in the site, the time from the section's ask to the province's schools
// in the table (fetch, decode in the Parquet worker, append: the `schools-loaded` measure), and
// on a bare page with the site's DuckDB-wasm, schoolAggregateQuery over those schools (budget
// ≤ 1.0 s); (b) the section's time from its answers (`schools-data-ready`) to the frame that
// shows them (`schools-rendered`), on the county with the most schools (budget ≤ 200 ms).
// scripts/bench.ts runs it with the rest; `npx tsx scripts/benchSchools.ts` runs it alone on a
// built SITE_DIR (dist/ by default), BENCH_RUNS times (3 by default).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { build } from 'vite'
import { launchBrowser } from '../test/support/browser.ts'
import { serveStatic, SITE_DIR } from '../test/support/staticServer.ts'
import type { AggregateRun } from './benchSchoolsPage.ts'

export const SCHOOLS_PROVINCE = '410000'
/** 滑县: the most schools of any county (582 in 2024). */
export const SCHOOLS_COUNTY = '410526'
export const AGGREGATE_BUDGET_MS = 1000
export const RENDER_BUDGET_MS = 200
const PAGE = 'bench-schools.html'
const MODULE = 'bench-schools.js'

/** One run (ms): the schools loaded in the site, aggregated on the bare page, the section drawn. */
export interface SchoolsRun {
  load: number
  aggregate: AggregateRun
  render: number
}

/** The bare page and its module (benchSchoolsPage.ts bundled by Vite), to serve beside the site. */
export async function schoolBenchFiles(siteDir: string): Promise<Record<string, string>> {
  const assets = readdirSync(join(siteDir, 'assets'))
  const wasm = assets.find((f) => /^duckdb-eh-.*\.wasm$/.test(f))
  const worker = assets.find((f) => /^duckdb-browser-eh\.worker-.*\.js$/.test(f))
  if (!wasm || !worker) throw new Error(`no duckdb-eh wasm or worker in ${siteDir}/assets`)
  const out = mkdtempSync(join(tmpdir(), 'bench-schools-'))
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: out,
        target: 'es2022',
        minify: false,
        lib: {
          entry: fileURLToPath(new URL('./benchSchoolsPage.ts', import.meta.url)),
          formats: ['es'],
          fileName: () => MODULE,
        },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    })
    const page = `<!doctype html><meta charset="utf-8"><title>schoolAggregateQuery</title><script type="module">
import { run } from './${MODULE}'
// Absolute: the engine's worker fetches the wasm relative to its own URL.
const asset = (f) => new URL('assets/' + f, location.href).href
window.schoolsBench = await run(asset('${worker}'), asset('${wasm}'), '${SCHOOLS_PROVINCE}')
</script>`
    return { [PAGE]: page, [MODULE]: readFileSync(join(out, MODULE), 'utf8') }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/** One run in a fresh context: the county page once its province is ranked, then its 学校 section; then the bare page. */
export async function measureSchools(browser: Browser, siteUrl: string): Promise<SchoolsRun> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  try {
    const page = await context.newPage()
    await page.goto(`${siteUrl}#/county/${SCHOOLS_COUNTY}`)
    // The page's own work done (the background ranking), so that the section is timed alone.
    await page.waitForFunction(() => performance.getEntriesByName('province-ranked').length > 0, null, {
      timeout: 180_000,
    })
    await page.locator('[data-testid="schools"]').scrollIntoViewIfNeeded()
    await page.waitForFunction(() => performance.getEntriesByName('schools-rendered').length > 0, null, {
      timeout: 180_000,
    })
    const site = await page.evaluate(() => ({
      load: performance.getEntriesByName('schools-loaded')[0]!.duration,
      render:
        performance.getEntriesByName('schools-rendered')[0]!.startTime -
        performance.getEntriesByName('schools-data-ready')[0]!.startTime,
    }))
    const bare = await context.newPage()
    await bare.goto(siteUrl + PAGE)
    const aggregate = await bare.waitForFunction(
      () => (window as unknown as { schoolsBench?: AggregateRun }).schoolsBench,
      null,
      { timeout: 180_000 },
    )
    return { ...site, aggregate: (await aggregate.jsonValue())! }
  } finally {
    await context.close()
  }
}

const stats = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b)
  const f = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(0))
  return {
    text: `${f(s[0])} / ${f(s[Math.floor(s.length / 2)])} / ${f(s.at(-1))}`,
    median: s[Math.floor(s.length / 2)],
  }
}
const tick = (median: number | undefined, budget: number) =>
  median === undefined ? '' : median <= budget ? ' ✓' : ' ✗'

/** The lines bench.ts prints: min / median / max over the runs, against the budgets. */
export function schoolsLines(runs: readonly SchoolsRun[]): string[] {
  const first = runs[0]?.aggregate
  const load = stats(runs.map((r) => r.load))
  const bareLoad = stats(runs.map((r) => r.aggregate.load))
  const aggregate = stats(runs.map((r) => r.aggregate.aggregate))
  const render = stats(runs.map((r) => r.render))
  return [
    `schools of ${SCHOOLS_PROVINCE} (${first?.schools ?? '—'} rows): fetch + decode + insert in the site ${load.text} ms (on a bare page, decoded on its thread: ${bareLoad.text} ms)`,
    `schoolAggregateQuery over ${SCHOOLS_PROVINCE} (${first?.countyYears ?? '—'} county-years): ${aggregate.text} ms${tick(aggregate.median, AGGREGATE_BUDGET_MS)} (budget ≤ ${AGGREGATE_BUDGET_MS})`,
    `学校 section of ${SCHOOLS_COUNTY}, answers → painted: ${render.text} ms${tick(render.median, RENDER_BUDGET_MS)} (budget ≤ ${RENDER_BUDGET_MS})`,
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await serveStatic(SITE_DIR, { files: await schoolBenchFiles(SITE_DIR) })
  const browser = await launchBrowser()
  const runs: SchoolsRun[] = []
  for (let run = 0; run < Number(process.env.BENCH_RUNS ?? 3); run++)
    runs.push(await measureSchools(browser, server.url))
  for (const line of schoolsLines(runs)) console.log(line)
  await browser.close()
  await server.close()
}

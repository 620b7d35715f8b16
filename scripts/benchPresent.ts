// Presentation mode's auto-play (issue 18: no frame longer than 100 ms while it switches
// indicators): the province page opened in presentation mode at 1920×1080, auto-play every few
// seconds; once the engine is up (duckdb-ready), the page's animation frames are stamped until
// three switches have been shown, and the longest gap between two frames is the figure. The
// same again once the background ranking and the answers ahead are done (prefetched): the
// steady state, apart from that background work.
// scripts/bench.ts runs it with the rest; `npx tsx scripts/benchPresent.ts` runs it alone on a
// built SITE_DIR (dist/ by default), BENCH_RUNS times.
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../test/support/browser.ts'
import { serveStatic, SITE_DIR } from '../test/support/staticServer.ts'

export const PRESENT_FRAME_BUDGET_MS = 100
const SWITCHES = 3
const EVERY_S = 4
const PRESENT_HASH = `#/province/430000?present=1&play=1&every=${EVERY_S}`

/** One run: the longest frame over the three switches, and each switch's own longest frame (ms). */
export interface PresentRun {
  longestFrame: number
  perSwitch: number[]
}

/** From when the frames are timed: the engine up, or also the background ranking and the answers ahead done. */
export type PresentFrom = 'duckdb-ready' | 'prefetched'

/** Opens presentation mode with auto-play in a fresh context and times the frames of three switches after `from`. */
export async function measurePresent(browser: Browser, siteUrl: string, from: PresentFrom): Promise<PresentRun> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  try {
    const page = await context.newPage()
    await page.goto(siteUrl + PRESENT_HASH)
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, from, {
      timeout: 180_000,
    })
    // A string, not a function: tsx would wrap the frame loop's named callback in a helper the page does not have.
    return await page.evaluate(`new Promise((resolve, reject) => {
      const switches = ${SWITCHES}
      const title = document.querySelector('[data-testid="present-title"]')
      const timer = setTimeout(() => reject(new Error('auto-play did not switch ${SWITCHES} times')), ${SWITCHES * EVERY_S * 1000 + 60_000})
      const perSwitch = []
      let longest = 0
      let last = null
      let shown = 0
      new MutationObserver(() => {
        shown += 1
        perSwitch.push(longest)
        longest = 0
      }).observe(title, { childList: true, characterData: true, subtree: true })
      const frame = (t) => {
        if (last !== null) longest = Math.max(longest, t - last)
        last = t
        if (shown < switches) return requestAnimationFrame(frame)
        clearTimeout(timer)
        resolve({ longestFrame: Math.max(...perSwitch), perSwitch })
      }
      requestAnimationFrame(frame)
    })`)
  } finally {
    await context.close()
  }
}

/** The line bench.ts prints: min / median / max of the runs' longest frames, against the budget. */
export function presentLine(runs: readonly PresentRun[], from: PresentFrom): string {
  const s = runs.map((r) => r.longestFrame).sort((a, b) => a - b)
  const median = s[Math.floor(s.length / 2)]
  const f = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(0))
  const tick = median === undefined ? '' : median <= PRESENT_FRAME_BUDGET_MS ? ' ✓' : ' ✗'
  return `presentation auto-play, ${SWITCHES} indicator switches after ${from}: longest frame ${f(s[0])} / ${f(median)} / ${f(s.at(-1))} ms${tick} (budget ≤ ${PRESENT_FRAME_BUDGET_MS}; per switch, each run: ${runs.map((r) => r.perSwitch.map((v) => v.toFixed(0)).join(' ')).join(' | ')})`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await serveStatic(SITE_DIR)
  const browser = await launchBrowser()
  for (const from of ['duckdb-ready', 'prefetched'] as const) {
    const runs: PresentRun[] = []
    for (let run = 0; run < Number(process.env.BENCH_RUNS ?? 3); run++)
      runs.push(await measurePresent(browser, server.url, from))
    console.log(presentLine(runs, from))
  }
  await browser.close()
  await server.close()
}

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSite } from '../support/site.ts'

// axe-core from node_modules, evaluated as text (the page's CSP refuses inline script tags): no network needed.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Finding {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

const site = openSite()
let page: Page

beforeAll(() => {
  page = site.page
})

/** axe's serious and critical findings on the page as it is now, and headings out of order, each with the elements it names. */
async function seriousFindings(p: Page): Promise<Finding[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(axeSource)
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
      .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => n.html) }))
  })
}

// Each page once its content (and the engine's answers) is in: what a user reads.
const routes: [path: string, ready: string][] = [
  ['#/', '[data-testid="province-table"] tbody tr'],
  ['#/province/430000', '[data-testid="ranking-table"] tbody tr[data-code]'],
  ['#/province/430000/problems', '[data-testid="rollup"] > li'],
  ['#/county/430121', '[data-testid="trend-grid"]'],
  ['#/rules', 'main h1'],
  ['#/import', 'main h1'],
]

describe('accessibility (axe-core)', () => {
  it.each(routes)('%s has no serious or critical violations, and its headings in order', async (path, ready) => {
    await page.goto(`${site.server.url}${path}`)
    await page.locator(ready).first().waitFor({ timeout: 60_000 })
    await page.locator('[data-testid="start-progress"]').waitFor({ state: 'detached', timeout: 60_000 })
    expect(await seriousFindings(page)).toEqual([])
  })
})

// The built site as an intranet would host it: a plain static server, under a sub-path,
// sending .wasm and .parquet as application/octet-stream, with every request to another
// origin blocked, and the page's Content-Security-Policy in force.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Manifest } from '../../src/db/dataset.ts'
import { screenshotPath } from '../support/browser.ts'
import { openSite } from '../support/site.ts'

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8')) as Manifest
const site = openSite({ base: '/dashboards/edu/', types: { '.wasm': 'application/octet-stream', '.parquet': 'application/octet-stream' } })
let page: Page
const foreign: string[] = []
const violations: string[] = []
const errors: string[] = []

beforeAll(async () => {
  page = site.page
  const origin = new URL(site.server.url).origin
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue()
    foreign.push(url)
    return route.abort()
  })
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`))
  })
})

describe('hosting on a plain static server', () => {
  it('runs under a sub-path with a generic MIME type for wasm, offline from every other origin, under its CSP', async () => {
    expect(site.server.url).toMatch(/\/dashboards\/edu\/$/)
    await page.goto(site.server.url)
    await expect.poll(() => page.locator('[data-testid="province-table"] tbody tr').count(), { timeout: 90_000 }).toBe(manifest.provinces.length)
    await page.locator('[data-testid="province-table"] a', { hasText: '浙江省' }).click()
    const zhejiang = manifest.provinces.find((p) => p.code === '330000')!
    await expect.poll(() => page.locator('[data-testid="ranking-table"] tbody tr').count()).toBe(zhejiang.counties)
    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-regions')).toBe(String(zhejiang.counties))
    await page.screenshot({ path: screenshotPath('hosting-subpath') })
    expect(foreign).toEqual([])
    expect(violations).toEqual([])
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([])
  })
})

// The built site as an intranet would host it: a plain static server, under a sub-path,
// sending .wasm and .parquet as application/octet-stream, with every request to another
// origin blocked, and the page's Content-Security-Policy in force; then with the network
// gone, and on a server without the precompressed engine.
import { readdirSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Manifest } from '../../src/service/dataset.ts'
import { DEFAULT_INDICATOR_ID, INDICATORS } from '../../src/indicators/catalog.ts'
import { screenshotPath } from '../support/browser.ts'
import { rankingCount } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'
import { serveStatic, SITE_DIR } from '../support/staticServer.ts'

const manifest = JSON.parse(readFileSync(`${SITE_DIR}/data/manifest.json`, 'utf8')) as Manifest
const site = openSite({
  base: '/dashboards/edu/',
  types: { '.wasm': 'application/octet-stream', '.parquet': 'application/octet-stream' },
})
const zhejiang = manifest.provinces.find((p) => p.code === '330000')!
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
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    )
  })
})

describe('hosting on a plain static server', () => {
  it('runs under a sub-path with a generic MIME type for wasm, offline from every other origin, under its CSP', async () => {
    expect(site.server.url).toMatch(/\/dashboards\/edu\/$/)
    await page.goto(site.server.url)
    await expect
      .poll(() => page.locator('[data-testid="province-table"] tbody tr').count(), { timeout: 90_000 })
      .toBe(manifest.provinces.length)
    await page.locator('[data-testid="province-table"] a', { hasText: '浙江省' }).click()
    await expect.poll(() => rankingCount(page)).toBe(zhejiang.counties)
    await expect
      .poll(() => page.locator('[data-testid="map"]').getAttribute('data-regions'))
      .toBe(String(zhejiang.counties))
    await page.screenshot({ path: screenshotPath('hosting-subpath') })
    expect(foreign).toEqual([])
    expect(violations).toEqual([])
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([])
  })

  it('sets a policy without inline script that the browser enforces', async () => {
    const html = await (await fetch(site.server.url)).text()
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    const attempt = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; directive: string; blocked: string }>((resolve) => {
          const w = window as unknown as { inlineRan?: boolean }
          document.addEventListener('securitypolicyviolation', (e) =>
            resolve({ ran: w.inlineRan === true, directive: e.effectiveDirective, blocked: e.blockedURI }),
          )
          const script = document.createElement('script')
          script.textContent = 'window.inlineRan = true'
          document.body.append(script)
        }),
    )
    expect(attempt).toEqual({ ran: false, directive: 'script-src-elem', blocked: 'inline' })
    expect(violations).toEqual(['script-src-elem inline'])
  })

  it('keeps working offline on what it has fetched, names what it cannot fetch, and fetches it once back online', async () => {
    const rows = page.locator('[data-testid="ranking-table"] tbody tr[data-code]')
    const caption = page.locator('[data-testid="ranking-table"] caption')
    const notices = page.locator('[data-testid="notice"] span')
    // The county page once, online: its code is then in the page.
    await rows.first().locator('a').click()
    await page.locator('[data-testid="trend-grid"]').waitFor()
    await page.goBack()
    await expect.poll(() => rankingCount(page)).toBe(zhejiang.counties)
    // The engine too: it starts once the first view is painted, and here comes as the .wasm.gz.
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('duckdb-ready').length), { timeout: 90_000 })
      .toBe(1)
    await page.context().setOffline(true)
    try {
      const other = INDICATORS.find((i) => i.id !== DEFAULT_INDICATOR_ID)!
      await page.locator('[data-testid="indicator-select"]').selectOption(other.id)
      await expect.poll(() => caption.textContent()).toContain(other.label)
      await page.locator('[data-testid="year-select"]').selectOption('2020')
      await expect.poll(() => caption.textContent()).toContain('2020年')
      expect(await rankingCount(page)).toBe(zhejiang.counties)

      const second = await rows.nth(1).getAttribute('data-code')
      await rows.nth(1).locator('a').click()
      await expect.poll(() => page.url()).toContain(`#/county/${second}`)
      await page.locator('[data-testid="trend-grid"]').waitFor()
      await page.locator('header a', { hasText: '全国' }).click()
      await expect
        .poll(() => page.locator('[data-testid="province-table"] tbody tr').count())
        .toBe(manifest.provinces.length)

      // A view never opened: its code is not in the page, and the national view stays.
      await page.locator('header a', { hasText: '规则说明' }).click()
      await expect
        .poll(() => notices.allTextContents())
        .toEqual([
          expect.stringMatching(
            /^页面文件 assets\/RulesView-[\w-]+\.(js|css) 无法下载，未能打开该页面：网络已断开或网站服务不可用。/,
          ),
        ])
      expect(page.url()).toMatch(/#\/(\?|$)/)

      // A province never opened: its data file is named, and its map's, and another still opens.
      await page.locator('[data-testid="province-table"] a', { hasText: '湖南省' }).click()
      await expect
        .poll(() => page.locator('main [role="alert"]').allTextContents())
        .toEqual([
          '数据文件 data/panel/430000.parquet 无法读取：网络请求失败，请检查网站服务是否正常。',
          expect.stringMatching(/^边界文件 geo\/430000\.json 无法读取/),
        ])
      await page.screenshot({ path: screenshotPath('hosting-offline') })
      await page.locator('[data-testid="province-select"]').selectOption('330000')
      await expect.poll(() => rankingCount(page)).toBe(zhejiang.counties)
      await expect
        .poll(() => page.locator('[data-testid="map"]').getAttribute('data-regions'))
        .toBe(String(zhejiang.counties))
      expect(await page.locator('main [role="alert"]').count()).toBe(0)
    } finally {
      await page.context().setOffline(false)
    }
    // Back online, what failed opens when asked again.
    await page.locator('header a', { hasText: '规则说明' }).click()
    await expect.poll(() => page.locator('[data-testid="rules-table"] tbody tr').count()).toBeGreaterThan(20)
    await page.goto(`${site.server.url}#/province/430000`)
    await expect.poll(() => rankingCount(page)).toBe(manifest.provinces.find((p) => p.code === '430000')!.counties)
  })
})

describe('a server without the precompressed engine', () => {
  it('downloads the plain .wasm, sent as application/octet-stream, and opens a province', async () => {
    const gz = readdirSync(`${SITE_DIR}/assets`).filter((f) => f.endsWith('.wasm.gz'))
    expect(gz).toHaveLength(2)
    const server = await serveStatic(SITE_DIR, {
      types: { '.wasm': 'application/octet-stream' },
      files: Object.fromEntries(gz.map((f) => [`assets/${f}`, null])),
    })
    const context = await site.browser.newContext({ viewport: { width: 1366, height: 768 } })
    const other = await context.newPage()
    const wasm: string[] = []
    other.on(
      'response',
      (r) =>
        /\.wasm(\.gz)?$/.test(r.url()) &&
        wasm.push(`${r.status()} ${r.headers()['content-type'] ?? '-'} ${r.url().slice(server.url.length)}`),
    )
    try {
      await other.goto(`${server.url}#/province/330000?year=2020`)
      await expect
        .poll(() => other.evaluate(() => performance.getEntriesByName('duckdb-ready').length), { timeout: 90_000 })
        .toBe(1)
      const eh = gz.find((f) => f.startsWith('duckdb-eh'))!
      const plain = `200 application/octet-stream assets/${eh.replace(/\.gz$/, '')}`
      // The first response's headers rule out compiling it as it streams (engineSource.ts).
      expect(wasm).toEqual([plain, `404 - assets/${eh}`, plain])
      // 2020 has no snapshot: these rows are DuckDB's.
      await expect.poll(() => rankingCount(other)).toBe(zhejiang.counties)
      expect(await other.locator('[data-testid="start-error"]').count()).toBe(0)
    } finally {
      await context.close()
      await server.close()
    }
  })
})

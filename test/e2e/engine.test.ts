// Where the engine's code comes from, server by server: compiled as it streams from the
// server's response where the server labels it application/wasm (so the browser can keep the
// compiled code), from a Blob made by the download worker where it does not, and a clear
// Chinese error where neither is possible.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Manifest } from '../../src/service/dataset.ts'
import { CHROMIUM_ARGS, chromiumPath, launchBrowser } from '../support/browser.ts'
import { rankingCount } from '../support/ranking.ts'
import { serveStatic, SITE_DIR, type ServeOptions } from '../support/staticServer.ts'

const manifest = JSON.parse(readFileSync(`${SITE_DIR}/data/manifest.json`, 'utf8')) as Manifest
const zhejiang = manifest.provinces.find((p) => p.code === '330000')!
const eh = readdirSync(`${SITE_DIR}/assets`).find((f) => /^duckdb-eh-.*\.wasm$/.test(f))!
const OCTET = { '.wasm': 'application/octet-stream' }
const viewport = { width: 1366, height: 768 }
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

interface Visit {
  page: Page
  /** The engine's responses: `status content-type content-encoding path`. */
  wasm: string[]
  /** Where the engine came from: the `duckdb-wasm-fetched` mark's detail. */
  source: () => Promise<string | null>
  /** Blobs of type application/wasm the page made. */
  blobs: () => Promise<number>
  startError: () => Promise<string | null>
}

/**
 * Opens 浙江 2020 (no build-time snapshot: the rows shown are DuckDB's) in `context`, served
 * by `url`, and waits until the engine is up or has failed.
 */
async function visit(context: BrowserContext, url: string, init?: () => void): Promise<Visit> {
  const page = await context.newPage()
  const wasm: string[] = []
  page.on('response', (r) => {
    if (!/\.wasm(\.gz)?$/.test(r.url())) return
    const h = r.headers()
    wasm.push(`${r.status()} ${h['content-type'] ?? '-'} ${h['content-encoding'] ?? '-'} ${r.url().slice(url.length)}`)
  })
  await page.addInitScript(() => {
    const w = window as unknown as { wasmBlobs: number }
    w.wasmBlobs = 0
    const create = URL.createObjectURL.bind(URL)
    URL.createObjectURL = (o: Blob | MediaSource) => {
      if (o instanceof Blob && o.type === 'application/wasm') w.wasmBlobs += 1
      return create(o)
    }
  })
  if (init) await page.addInitScript(init)
  await page.goto(`${url}#/province/330000?year=2020`)
  const error = page.locator('[data-testid="start-error"]')
  await expect
    .poll(
      async () =>
        (await page.evaluate(() => performance.getEntriesByName('duckdb-ready').length)) + (await error.count()),
      { timeout: 90_000 },
    )
    .toBe(1)
  return {
    page,
    wasm,
    source: () =>
      page.evaluate(() => {
        const mark = performance.getEntriesByName('duckdb-wasm-fetched')[0] as PerformanceMark | undefined
        return mark ? String(mark.detail) : null
      }),
    blobs: () => page.evaluate(() => (window as unknown as { wasmBlobs: number }).wasmBlobs),
    startError: async () => ((await error.count()) ? error.textContent() : null),
  }
}

/** A server with `options` and a fresh browser context (empty cache) on it; closed after `body`. */
async function onServer(options: ServeOptions, body: (context: BrowserContext, url: string) => Promise<void>) {
  const server = await serveStatic(SITE_DIR, options)
  const context = await browser.newContext({ viewport })
  try {
    await body(context, server.url)
  } finally {
    await context.close()
    await server.close()
  }
}

/** The engine's worker's own record of what it fetched: `file initiator`. */
async function engineWorkerFetches(page: Page): Promise<string[]> {
  const worker = page.workers().find((w) => w.url().includes('engineWorker'))
  if (!worker) return []
  return worker.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.wasm/.test(e.name))
      .map((e) => `${e.name.split('/').pop()} ${(e as PerformanceResourceTiming).initiatorType}`),
  )
}

/** Bytes the engine's worker transferred for the wasm: headers only when the HTTP cache served it. */
async function wasmTransferSize(page: Page): Promise<number> {
  const worker = page.workers().find((w) => w.url().includes('engineWorker'))!
  return worker.evaluate(
    () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.endsWith('.wasm'))!
        .transferSize,
  )
}

async function expectDuckDbRows(v: Visit) {
  await expect.poll(() => rankingCount(v.page)).toBe(zhejiang.counties)
  expect(await v.startError()).toBeNull()
}

describe('the engine compiled as it streams from the server', () => {
  it('on a server labelling .wasm application/wasm: one request for the plain .wasm, no .wasm.gz, no blob', () =>
    onServer({}, async (context, url) => {
      const v = await visit(context, url)
      expect(v.wasm).toEqual([`200 application/wasm - assets/${eh}`])
      expect(await v.source()).toBe('streaming')
      expect(await v.blobs()).toBe(0)
      expect(await engineWorkerFetches(v.page)).toEqual([`${eh} fetch`])
      await expectDuckDbRows(v)
    }))

  it('on a server sending it gzip-encoded (nginx gzip_static): the browser inflates it while compiling', () =>
    onServer({ gzipStatic: true }, async (context, url) => {
      const v = await visit(context, url)
      expect(v.wasm).toEqual([`200 application/wasm gzip assets/${eh}`])
      expect(await v.source()).toBe('streaming')
      expect(await v.blobs()).toBe(0)
      await expectDuckDbRows(v)
    }))

  it('keeps the compiled code in a persistent profile, and the next visit compiles from the HTTP cache', async () => {
    mkdirSync(join(process.cwd(), '.tmp'), { recursive: true })
    const dir = mkdtempSync(join(process.cwd(), '.tmp', 'engine-profile-'))
    const server = await serveStatic(SITE_DIR, { lastModified: true })
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport,
    })
    const codeCache = () => {
      const wasmCache = join(dir, 'Default', 'Code Cache', 'wasm')
      return readdirSync(wasmCache, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0)
    }
    try {
      const first = await visit(context, server.url)
      expect(await first.source()).toBe('streaming')
      // V8 hands the browser the engine's code once enough of it is optimised.
      await expect.poll(codeCache, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(100_000)
      await first.page.close()
      const second = await visit(context, server.url)
      expect(second.wasm).toEqual([`200 application/wasm - assets/${eh}`])
      expect(await second.source()).toBe('streaming')
      expect(await wasmTransferSize(second.page)).toBeLessThan(10_000)
      await expectDuckDbRows(second)
    } finally {
      await context.close()
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the fallback: the engine from a Blob', () => {
  it('on a server labelling .wasm application/octet-stream: the headers of one request, then the .wasm.gz', () =>
    onServer({ types: OCTET }, async (context, url) => {
      const v = await visit(context, url)
      expect(v.wasm).toEqual([
        `200 application/octet-stream - assets/${eh}`,
        `200 application/octet-stream - assets/${eh}.gz`,
      ])
      expect(await v.source()).toBe('blob')
      expect(await v.blobs()).toBe(1)
      await expectDuckDbRows(v)
    }))

  it('when compiling from a response labelled application/wasm fails: the .wasm.gz, without a word to the user', () =>
    onServer({ files: { [`assets/${eh}`]: 'not wasm' } }, async (context, url) => {
      const v = await visit(context, url)
      expect(v.wasm).toEqual([`200 application/wasm - assets/${eh}`, `200 application/octet-stream - assets/${eh}.gz`])
      expect(await v.source()).toBe('blob')
      await expectDuckDbRows(v)
    }))

  it('on a server answering unknown paths with index.html and without the .wasm.gz: the plain .wasm', () =>
    onServer({ types: OCTET, indexForUnknown: true, files: { [`assets/${eh}.gz`]: null } }, async (context, url) => {
      const v = await visit(context, url)
      expect(v.wasm).toEqual([
        `200 application/octet-stream - assets/${eh}`,
        `200 text/html; charset=utf-8 - assets/${eh}.gz`,
        `200 application/octet-stream - assets/${eh}`,
      ])
      expect(await v.source()).toBe('blob')
      await expectDuckDbRows(v)
    }))

  it('on a server answering the engine’s paths with index.html: says the engine file is missing', () =>
    onServer(
      { indexForUnknown: true, files: { [`assets/${eh}`]: null, [`assets/${eh}.gz`]: null } },
      async (context, url) => {
        const v = await visit(context, url)
        expect(v.wasm).toHaveLength(3)
        expect(v.wasm.every((w) => w.startsWith('200 text/html'))).toBe(true)
        expect(await v.startError()).toContain(
          `无法下载数据库引擎文件 ${url}assets/${eh}（服务器返回的内容不是引擎文件：text/html; charset=utf-8）。请确认网站目录完整复制了 assets 文件夹。`,
        )
      },
    ))
})

describe('a browser without WebAssembly', () => {
  it('is told it cannot run the engine, and which browsers can', () =>
    onServer({}, async (context, url) => {
      const v = await visit(context, url, () => {
        delete (globalThis as { WebAssembly?: unknown }).WebAssembly
      })
      expect(await v.startError()).toContain(
        '此浏览器不支持 WebAssembly，无法运行本页面的数据库引擎。请使用较新版本的 Chrome、Edge 或 360 浏览器极速模式打开本页面。',
      )
      expect(v.wasm).toEqual([])
    }))
})

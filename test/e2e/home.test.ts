import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { Manifest } from '../../src/db/dataset.ts'
import { launchBrowser, screenshotPath } from '../support/browser.ts'
import { serveStatic, type StaticServer } from '../support/staticServer.ts'

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8')) as Manifest
let server: StaticServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await serveStatic('dist')
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const countyRows = (p: Page) => p.locator('[data-testid="ranking-table"] tbody tr')

describe('first pages', () => {
  it('starts DuckDB with progress, labels the data 模拟数据 and lists every province', async () => {
    await page.goto(server.url)
    await expect.poll(() => page.locator('[data-testid="source-badge"]').textContent()).toContain('模拟数据')
    await expect.poll(() => page.locator('[data-testid="province-table"] tbody tr').count(), { timeout: 60_000 }).toBe(manifest.provinces.length)
    await page.screenshot({ path: screenshotPath('national') })
  })

  it('opens a province from the national page and ranks all of its counties', async () => {
    await page.locator('[data-testid="province-table"] a', { hasText: '湖南省' }).click()
    const hunan = manifest.provinces.find((p) => p.code === '430000')!
    await expect.poll(() => countyRows(page).count(), { timeout: 60_000 }).toBe(hunan.counties)
    expect(page.url()).toContain('#/province/430000')
  })

  it('picks another province and lists all of its counties', async () => {
    const zhejiang = manifest.provinces.find((p) => p.code === '330000')!
    await page.locator('[data-testid="province-select"]').selectOption('330000')
    await expect.poll(() => countyRows(page).count(), { timeout: 30_000 }).toBe(zhejiang.counties)
    await expect.poll(() => page.locator('[data-testid="ranking-table"] caption').textContent()).toContain('浙江省')
    expect(page.url()).toContain('#/province/330000')
    await page.screenshot({ path: screenshotPath('province-zhejiang') })
  })
})

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

const rows = (p: Page) => p.locator('[data-testid="ranking-table"] tbody tr')

describe('home page', () => {
  it('starts DuckDB, shows the 模拟数据 label and ranks the default province', async () => {
    await page.goto(server.url)
    await expect.poll(() => page.locator('[data-testid="source-badge"]').textContent()).toContain('模拟数据')
    await page.locator('[data-testid="ranking-table"]').waitFor({ timeout: 60_000 })
    const hunan = manifest.provinces.find((p) => p.code === '430000')!
    await expect.poll(() => rows(page).count()).toBe(hunan.counties)
    await page.screenshot({ path: screenshotPath('home-hunan'), fullPage: false })
  })

  it('picks another province and lists all of its counties', async () => {
    const zhejiang = manifest.provinces.find((p) => p.code === '330000')!
    await page.locator('[data-testid="province-select"]').selectOption('330000')
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(zhejiang.counties)
    await expect.poll(() => page.locator('[data-testid="ranking-table"] caption').textContent()).toContain('浙江省')
    expect(page.url()).toContain('province=330000')
    await page.screenshot({ path: screenshotPath('home-zhejiang'), fullPage: false })
  })
})

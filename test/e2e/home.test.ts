import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Manifest } from '../../src/service/dataset.ts'
import { screenshotPath } from '../support/browser.ts'
import { rankingCount } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8')) as Manifest
const site = openSite()
let page: Page

beforeAll(async () => {
  page = site.page
})

describe('first pages', () => {
  it('starts DuckDB with progress, labels the data 模拟数据 and lists every province', async () => {
    await page.goto(site.server.url)
    await expect.poll(() => page.locator('[data-testid="source-badge"]').textContent()).toContain('模拟数据')
    await expect
      .poll(() => page.locator('[data-testid="province-table"] tbody tr').count(), { timeout: 60_000 })
      .toBe(manifest.provinces.length)
    await page.screenshot({ path: screenshotPath('national') })
  })

  it('opens a province from a click on the national map and ranks all of its counties', async () => {
    const map = page.locator('[data-testid="national-map"] .canvas svg').first()
    await map.waitFor()
    const box = (await map.boundingBox())!
    // Sweep the map until the tooltip names a province, then click there.
    let name = ''
    for (let y = 0.3; y < 0.8 && !name; y += 0.1) {
      for (let x = 0.3; x < 0.8 && !name; x += 0.05) {
        await page.mouse.move(box.x + box.width * x, box.y + box.height * y)
        await page.waitForTimeout(60)
        const tip = page.locator('.map-tooltip')
        if (await tip.isVisible()) name = (await tip.locator('div').first().textContent()) ?? ''
      }
    }
    const province = manifest.provinces.find((p) => p.name === name.trim())!
    expect(province, name).toBeDefined()
    await page.mouse.down()
    await page.mouse.up()
    await expect.poll(() => rankingCount(page), { timeout: 60_000 }).toBe(province.counties)
    expect(page.url()).toContain(`#/province/${province.code}`)
  })

  it('jumps from the map to its text alternative, the ranking, with the T key', async () => {
    await page.locator('body').press('t')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="ranking-table"]') !== null))
      .toBe(true)
  })

  it('picks another province and lists all of its counties', async () => {
    const zhejiang = manifest.provinces.find((p) => p.code === '330000')!
    await page.locator('[data-testid="province-select"]').selectOption('330000')
    await expect.poll(() => rankingCount(page), { timeout: 30_000 }).toBe(zhejiang.counties)
    await expect.poll(() => page.locator('[data-testid="ranking-table"] caption').textContent()).toContain('浙江省')
    expect(page.url()).toContain('#/province/330000')
    await page.screenshot({ path: screenshotPath('province-zhejiang') })
  })
})

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSite } from '../support/site.ts'

const site = openSite()
let page: Page

beforeAll(() => {
  page = site.page
})

const shotsDir = join(process.cwd(), '.tmp', 'shots')
const shot = (name: string) => {
  mkdirSync(shotsDir, { recursive: true })
  return join(shotsDir, `${name}.png`)
}

const sizes = [
  { width: 375, height: 812 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]
// Presentation mode (大屏) is for wall screens: it is looked at and must not scroll sideways, thumbs aside.
const pages: [name: string, path: string, ready: string][] = [
  ['province', '#/province/430000', '[data-testid="ranking-table"] tbody tr[data-code]'],
  ['county', '#/county/430121', '[data-testid="trend-grid"]'],
  ['present', '#/province/430000?present=1', '[data-testid="present-title"]'],
]

/** Boxes wider than what they show: the page, and the ranking's own scroll box. */
const overflowing = (p: Page) =>
  p.evaluate(() =>
    [document.scrollingElement!, ...document.querySelectorAll('.table-wrap')]
      .filter((e) => e.scrollWidth > e.clientWidth)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
  )

/**
 * Controls a thumb cannot hit: shown, and under 44 px either way. A checkbox or radio counts
 * by its label; a link inside a sentence is exempt (WCAG 2.5.8), as is the map's skip link
 * that shows only on focus.
 */
const smallTargets = (p: Page) =>
  p.evaluate(() => {
    const targets = [...document.querySelectorAll<HTMLElement>('a[href], button, select, input, summary')]
      .map((e) => (e instanceof HTMLInputElement && /checkbox|radio/.test(e.type) ? (e.closest('label') ?? e) : e))
      .filter((e) => {
        const block = e.tagName === 'A' ? e.closest('p, li') : null
        return !block || block.textContent!.trim() === e.textContent!.trim()
      })
    return [...new Set(targets)]
      .map((e) => ({ e, box: e.getBoundingClientRect() }))
      .filter(({ e, box }) => box.width > 0 && box.height > 0 && e.closest('[aria-hidden="true"]') === null)
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ e, box }) => `${e.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`)
  })

describe('layouts from a phone to a wall screen', () => {
  for (const size of sizes) {
    for (const [name, path, ready] of pages) {
      const thumbs = size.width < 500 && name !== 'present'
      it(`${name} at ${size.width}×${size.height}: nothing scrolls sideways${thumbs ? ', thumb-sized targets' : ''}`, async () => {
        await page.setViewportSize(size)
        await page.goto(`${site.server.url}${path}`)
        // Attached, not visible: a phone shows the ranking's first and last ten instead of its table.
        await page.locator(ready).first().waitFor({ state: 'attached', timeout: 60_000 })
        await page.locator('[data-testid="start-progress"]').waitFor({ state: 'detached', timeout: 60_000 })
        await page.evaluate(() => document.fonts.ready)
        // The first screen, then the page down to 4 screens' worth, in parts a person can look at.
        await page.screenshot({ path: shot(`${name}-${size.width}x${size.height}`) })
        const height = await page.evaluate(() => document.documentElement.scrollHeight)
        const part = Math.max(1200, size.height)
        for (let y = size.height, i = 2; y < Math.min(height, 4 * part); y += part, i++) {
          const clip = { x: 0, y, width: size.width, height: Math.min(part, height - y) }
          await page.screenshot({ path: shot(`${name}-${size.width}x${size.height}-${i}`), fullPage: true, clip })
        }
        expect(await overflowing(page)).toEqual([])
        if (thumbs) expect(await smallTargets(page)).toEqual([])
      })
    }
  }
})

describe('the ranking at 1024 px', () => {
  it('leaves 走势 and 名次变化 out, and 显示更多列 brings them back under the map, still without sideways scrolling', async () => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.goto(`${site.server.url}#/province/430000`)
    const table = page.locator('[data-testid="ranking-table"]')
    await table.locator('tbody tr[data-code]').first().waitFor({ timeout: 60_000 })
    const headers = () => table.locator('thead th').allTextContents()
    expect((await headers()).join('|')).not.toMatch(/走势|名次变化/)
    const more = page.locator('[data-testid="more-columns"]')
    expect(await more.getAttribute('aria-pressed')).toBe('false')
    await more.click()
    await expect.poll(async () => (await headers()).join('|')).toMatch(/名次变化.*走势/)
    expect(await more.getAttribute('aria-pressed')).toBe('true')
    const map = (await page.locator('[data-testid="map"]').boundingBox())!
    expect((await table.boundingBox())!.y).toBeGreaterThan(map.y + map.height)
    await table.scrollIntoViewIfNeeded()
    await page.screenshot({ path: shot('province-1024x768-more-columns') })
    expect(await overflowing(page)).toEqual([])
    await more.click()
    await expect.poll(async () => (await headers()).join('|')).not.toMatch(/走势/)
  })
})

describe('the national table at 1024×768', () => {
  it('wraps neither 排名 nor a change such as “+1.50个百分点”', async () => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.goto(`${site.server.url}#/`)
    const table = page.locator('[data-testid="province-table"]')
    await table.locator('tbody tr').first().waitFor({ timeout: 60_000 })
    await page.screenshot({ path: shot('national-1024x768') })
    // A cell's text on more than one line has line boxes at more than one height.
    const wrapped = await table.evaluate((t) =>
      [...t.querySelectorAll('thead th:first-child, tbody td')]
        .filter((cell) => {
          const range = document.createRange()
          range.selectNodeContents(cell)
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1
        })
        .map((cell) => cell.textContent),
    )
    expect(wrapped).toEqual([])
    expect(await overflowing(page)).toEqual([])
  })
})

// Presentation mode (大屏, ?present=1): the whole screen at 1920×1080 and 1280×720 with no
// scrollbars and nothing cut off, figures in type readable across a room, the 模拟数据 mark,
// the same figures as the query run in Node, and auto-play with its keys (→ ← space Esc).
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { formatValue } from '../../src/indicators/format.ts'
import { aggregateQuery, rankingQuery, type AggregateRow, type RankingRow } from '../../src/queries/index.ts'
import { DEFAULT_PLAYLIST } from '../../src/present/playlist.ts'
import { screenshotPath } from '../support/browser.ts'
import { openSiteWithData } from '../support/site.ts'

const site = openSiteWithData(['430000'])
let page: Page

const publicShare = getIndicator('kg_public_share')
const after = (id: string, delta = 1) =>
  DEFAULT_PLAYLIST[(DEFAULT_PLAYLIST.indexOf(id) + delta + DEFAULT_PLAYLIST.length) % DEFAULT_PLAYLIST.length]!
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]

beforeAll(() => {
  page = site.page
})

const frame = () => page.locator('[data-testid="present"]')
const indicatorInUrl = () => new URL(page.url().replace('#', '')).searchParams.get('indicator')

/** The page does not scroll either way, and the frame's content stays inside the viewport. */
async function fitsTheScreen(): Promise<void> {
  const fit = await page.evaluate(() => {
    const s = document.scrollingElement!
    const present = document.querySelector<HTMLElement>('[data-testid="present"]')!
    const sides = [...present.querySelectorAll<HTMLElement>('.map-side, .figures-side')]
    const keys = present.querySelector('.keys')!.getBoundingClientRect()
    const lastRows = [...present.querySelectorAll('.rank-list li:last-child, .present-legend, .headline')]
    return {
      page: s.scrollWidth <= s.clientWidth && s.scrollHeight <= s.clientHeight,
      frame: present.scrollHeight <= present.clientHeight && present.scrollWidth <= present.clientWidth,
      sides: sides.every((e) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1),
      above: lastRows.every((e) => e.getBoundingClientRect().bottom <= keys.top + 1),
      footer: keys.bottom <= innerHeight && keys.right <= innerWidth,
    }
  })
  expect(fit).toEqual({ page: true, frame: true, sides: true, above: true, footer: true })
}

/** The smallest type of any figure on the screen, in px. */
const smallestFigure = () =>
  page
    .locator('[data-testid="present"] .figure')
    .evaluateAll((els) => Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))))

describe('presentation mode', () => {
  it('fills 1920×1080 and 1280×720 with the map, its legend, the headline and the first and last ten, as the query gives them', async () => {
    const year = 2024
    const ranking = await site.db.query<RankingRow>(rankingQuery(publicShare, { province: '430000', year }))
    const [agg] = (
      await site.db.query<AggregateRow>(aggregateQuery(publicShare, { province: '430000', by: 'province' }))
    ).filter((a) => a.year === year)
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await page.goto(`${site.server.url}#/province/430000?present=1`)
      await page.locator('[data-testid="present-map"] svg path[data-code]').first().waitFor({ timeout: 60_000 })
      await expect
        .poll(() => page.locator('[data-testid="present-figure"]').textContent())
        .toBe(formatValue(agg!.figure, publicShare))
      expect(await page.locator('[data-testid="present-pass"]').textContent()).toContain(
        `${agg!.pass} / ${agg!.pass + agg!.basic + agg!.fail}个`,
      )
      const best = page.locator('.rank-list:not(.worst) .value')
      expect(await best.allTextContents()).toEqual(ranking.slice(0, 10).map((r) => formatValue(r.value, publicShare)))
      expect(await page.locator('.rank-list.worst li').count()).toBe(10)
      // What the screen shows, said on it: place, indicator, year and unit; and that the data is simulated.
      const title = await page.locator('[data-testid="present-title"]').textContent()
      for (const part of ['湖南省', publicShare.label, `${year}年`, '单位：%']) expect(title).toContain(part)
      await expect.poll(() => frame().locator('[data-testid="source-badge"]').textContent()).toContain('模拟数据')
      expect(await frame().locator('[data-testid="source-badge"]').isVisible()).toBe(true)
      expect(await page.locator('[data-testid="map-legend"] li').count()).toBeGreaterThan(1)
      // The normal page's header and ranking are not drawn under it.
      expect(await page.locator('.app-header, main.overview').count()).toBe(0)
      expect(await smallestFigure()).toBeGreaterThanOrEqual(28)
      await fitsTheScreen()
      await page.screenshot({ path: screenshotPath(`present-province-${size.width}x${size.height}`) })
    }
  })

  it('fits the longest indicator name at 1280×720: the title wraps, nothing is cut off', async () => {
    const longest = getIndicator('per_student_pri_growth')
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto(`${site.server.url}#/province/430000?present=1&indicator=${longest.id}`)
    await expect
      .poll(() => page.locator('[data-testid="present-title"]').textContent(), { timeout: 60_000 })
      .toContain(longest.label)
    await expect.poll(() => page.locator('.rank-list.worst li').count(), { timeout: 60_000 }).toBe(10)
    expect(await smallestFigure()).toBeGreaterThanOrEqual(28)
    await fitsTheScreen()
    await page.screenshot({ path: screenshotPath('present-province-long-name-1280x720') })
  })

  it('stays tidy on smaller screens: 1024×768 without scrollbars, a phone scrolling down only', async () => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.goto(`${site.server.url}#/province/430000?present=1`)
    await page.locator('[data-testid="present-map"] svg').waitFor({ timeout: 60_000 })
    await fitsTheScreen()
    await page.screenshot({ path: screenshotPath('present-province-1024x768') })
    await page.setViewportSize({ width: 375, height: 812 })
    await page.locator('[data-testid="present-map"] svg').waitFor()
    const s = await page.evaluate(() => [
      document.scrollingElement!.scrollWidth,
      document.scrollingElement!.clientWidth,
    ])
    expect(s[0]).toBeLessThanOrEqual(s[1]!)
    expect(await smallestFigure()).toBeGreaterThanOrEqual(28)
    await page.screenshot({ path: screenshotPath('present-province-375x812'), fullPage: true })
  })

  it('opens from the page’s button, plays through the indicators, and answers → ← space and Esc', async () => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto(`${site.server.url}#/province/430000`)
    await page.locator('[data-testid="present-open"]').click()
    await frame().waitFor()
    expect(page.url()).toContain('present=1')

    await page.goto(`${site.server.url}#/province/430000?present=1&play=1&every=3`)
    await frame().waitFor()
    const first = publicShare.id
    // Auto-play steps on by itself, and each step replaces the history entry.
    await expect.poll(indicatorInUrl, { timeout: 60_000 }).toBe(after(first))
    await expect
      .poll(() => page.locator('[data-testid="present-title"]').textContent(), { timeout: 60_000 })
      .toContain(getIndicator(after(first)).label)
    expect(await page.locator('[data-testid="present-progress"]').getAttribute('data-playing')).toBe('true')
    await page.screenshot({ path: screenshotPath('present-playing-1280x720') })
    // Space pauses: nothing moves on for longer than a step.
    await page.keyboard.press(' ')
    expect(await page.locator('[data-testid="present-progress"]').getAttribute('data-playing')).toBe('false')
    const paused = indicatorInUrl()
    await page.waitForTimeout(4_000)
    expect(indicatorInUrl()).toBe(paused)
    // → and ← step by hand.
    await page.keyboard.press('ArrowRight')
    await expect.poll(indicatorInUrl).toBe(after(paused!))
    await page.keyboard.press('ArrowLeft')
    await expect.poll(indicatorInUrl).toBe(paused)
    // Space resumes.
    await page.keyboard.press(' ')
    await expect.poll(indicatorInUrl, { timeout: 60_000 }).toBe(after(paused!))
    // Esc leaves the mode for the normal page, on the indicator shown.
    const shown = indicatorInUrl()
    await page.keyboard.press('Escape')
    await page.locator('main.overview').waitFor()
    expect(page.url()).not.toContain('present=')
    expect(page.url()).not.toContain('play=')
    expect(indicatorInUrl()).toBe(shown)
    expect(await page.locator('.app-header').isVisible()).toBe(true)
  })

  it('shows the national view the same way: the provinces’ map, the headline and the first and last ten', async () => {
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await page.goto(`${site.server.url}#/?present=1`)
      await page.locator('[data-testid="national-map"] .canvas svg').first().waitFor({ timeout: 60_000 })
      await expect.poll(() => page.locator('.rank-list:not(.worst) li').count()).toBe(10)
      await expect.poll(() => frame().locator('[data-testid="source-badge"]').textContent()).toContain('模拟数据')
      expect(await page.locator('[data-testid="present-title"]').textContent()).toContain('全国')
      expect(await smallestFigure()).toBeGreaterThanOrEqual(28)
      await fitsTheScreen()
      await page.screenshot({ path: screenshotPath(`present-national-${size.width}x${size.height}`) })
    }
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSite } from '../support/site.ts'

const site = openSite()
let page: Page

beforeAll(() => {
  page = site.page
})

/** What has the keyboard focus: its tag, test id, text, and the county row it is in. */
const focused = (p: Page) =>
  p.evaluate(() => {
    const e = document.activeElement as HTMLElement | null
    return {
      tag: e?.tagName.toLowerCase() ?? '',
      testid: e?.getAttribute('data-testid') ?? '',
      text: e?.textContent?.trim() ?? '',
      row: e?.closest('[data-testid="ranking-table"] tr[data-code]')?.getAttribute('data-code') ?? '',
    }
  })

/** Tab (Shift+Tab with `back`) until `found` holds of the focused element; at most `limit` presses. */
async function tabTo(p: Page, found: (f: Awaited<ReturnType<typeof focused>>) => boolean, back = false, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await p.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    const f = await focused(p)
    if (found(f)) return f
  }
  throw new Error(`${limit} presses of Tab did not reach the element`)
}

describe('keyboard only', () => {
  it('national → province → indicator → year → ranking → county → back, without a mouse', async () => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${site.server.url}#/`)
    await page.locator('[data-testid="province-table"] tbody tr').first().waitFor({ timeout: 60_000 })

    // The first stop is the skip link; it leads to the page's heading.
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'a', text: '跳到主要内容' })
    expect(await page.locator('.skip-link').isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: '全国各省概览' })

    // A province from the national table: the new page's heading takes the focus and names the tab.
    await tabTo(page, (f) => f.tag === 'a' && f.text === '湖南省')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain('#/province/430000')
    await expect.poll(async () => (await focused(page)).tag).toBe('h1')
    expect((await focused(page)).text).toBe('湖南省区县概览')
    expect(await page.title()).toBe('湖南省区县概览 - 县域教育督导看板')

    // Indicator and year: arrow keys on the selects; focus stays where it is.
    await page.locator('[data-testid="ranking-table"] tbody tr[data-code]').first().waitFor({ timeout: 60_000 })
    await tabTo(page, (f) => f.testid === 'indicator-select')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.url()).toContain('indicator=')
    expect((await focused(page)).testid).toBe('indicator-select')
    await tabTo(page, (f) => f.testid === 'year-select')
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => page.url()).toContain('year=2023')
    expect((await focused(page)).testid).toBe('year-select')
    const chosen = new URL(page.url().replace('#/', '')).searchParams
    await expect.poll(() => page.locator('[data-testid="ranking-table"] caption').textContent()).toContain('（2023年）')

    // Into the ranking: T from anywhere but a text field or a select (Tab off the selects first).
    await tabTo(page, (f) => f.tag === 'button')
    await page.keyboard.press('t')
    const first = await focused(page)
    expect(first.row).toMatch(/^43\d{4}$/)
    await page.keyboard.press('Tab')
    const second = await focused(page)
    expect(second.row).toMatch(/^43\d{4}$/)
    expect(second.row).not.toBe(first.row)

    // The county opens on the same indicator and year; its name is the heading with the focus.
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain(`#/county/${second.row}`)
    expect(page.url()).toContain(`indicator=${chosen.get('indicator')}`)
    expect(page.url()).toContain('year=2023')
    await expect.poll(async () => (await focused(page)).tag).toBe('h1')
    expect((await focused(page)).text).toBe(second.text)
    expect(await page.title()).toBe(`${second.text} - 县域教育督导看板`)

    // Back (headless Chromium has no Alt+←: the page's 返回, a Shift+Tab before the heading's
    // breadcrumbs): the province page with the same choices, its heading focused.
    await tabTo(page, (f) => f.testid === 'back', true)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain('#/province/430000')
    expect(page.url()).toContain('year=2023')
    await expect.poll(async () => (await focused(page)).text).toBe('湖南省区县概览')
  })

  it('shows where the focus is: a sort header, the map’s link to the table', async () => {
    const ring = () =>
      page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!)
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
      })
    await tabTo(page, (f) => f.tag === 'button' && f.text.startsWith('全省排名'))
    expect(await ring()).toBe(true)
    await tabTo(page, (f) => f.text.includes('按 T 键'), true)
    expect(await ring()).toBe(true)
    expect(await page.locator('[data-testid="map"] .skip').isVisible()).toBe(true)
  })

  it('steps through the map’s counties with the arrow keys, in ranking order, and opens one with Enter', async () => {
    await tabTo(page, (f) => f.testid === 'map-keys')
    const order = await page
      .locator('[data-testid="ranking-table"] tbody tr[data-code]')
      .evaluateAll((rows) =>
        rows.slice(0, 2).map((r) => [r.getAttribute('data-code')!, r.querySelector('th')!.textContent!.trim()]),
      )
    const chosen = page.locator('[data-testid="map-chosen"]')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => chosen.textContent()).toMatch(new RegExp(`^${order[0]![1]}：.*第1名`))
    expect(await page.locator('[data-testid="map"] path.highlight').count()).toBe(1)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => chosen.textContent()).toMatch(new RegExp(`^${order[1]![1]}：`))
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain(`#/county/${order[1]![0]}`)
    await expect.poll(async () => (await focused(page)).text).toBe(order[1]![1])
  })
})

// History hygiene (Back undoes one choice, typing and playing cost no entries) and the
// header's 复制链接, with the clipboard and without one (a site on plain http at an
// intranet address has no navigator.clipboard).
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { screenshotPath } from '../support/browser.ts'
import { rankingTable } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
const VIEWPORT = { width: 1366, height: 768 }

/** What a person sees of the province page's choices: the URL, the ranking's caption and sort, the controls. */
interface View {
  path: string
  query: Record<string, string>
  caption: string
  sorted: string
  indicator: string
  year: string
  prefecture: string
  type: string
  search: string
}

const view = (p: Page): Promise<View> =>
  p.evaluate(() => {
    const [path = '', search = ''] = location.hash.split('?')
    const value = (id: string) =>
      document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-testid="${id}"]`)?.value ?? ''
    const table = document.querySelector('[data-testid="ranking-table"]')
    const sorted = [...(table?.querySelectorAll('thead th') ?? [])]
      .filter((th) => (th.getAttribute('aria-sort') ?? 'none') !== 'none')
      .map((th) => `${th.textContent?.replace(/[▲▼]/g, '').trim()} ${th.getAttribute('aria-sort')}`)
      .join(', ')
    return {
      path,
      query: Object.fromEntries(new URLSearchParams(search)),
      caption: table?.querySelector('caption')?.textContent?.trim() ?? '',
      sorted,
      indicator: value('indicator-select'),
      year: value('year-select'),
      prefecture: value('prefecture-filter'),
      type: value('type-filter'),
      search: value('county-search'),
    }
  })

const historyLength = (p: Page) => p.evaluate(() => history.length)

/** The view once the page has shown the choice's answers and stopped changing. */
async function settled(p: Page, expected: Partial<View>): Promise<View> {
  await expect.poll(() => view(p)).toMatchObject(expected)
  await p.locator('main[aria-busy="false"]').waitFor()
  let last = await view(p)
  for (;;) {
    await p.waitForTimeout(300)
    const now = await view(p)
    if (JSON.stringify(now) === JSON.stringify(last)) return now
    last = now
  }
}

describe('history', () => {
  it('adds one entry per choice and none for typing a search; Back and Forward restore each view exactly', async () => {
    const page = site.page
    await page.goto(`${site.server.url}#/province/430000`)
    await rankingTable(page).waitFor({ timeout: 60_000 })
    const start = await settled(page, { path: '#/province/430000' })
    const before = await historyLength(page)

    const search = page.locator('[data-testid="county-search"]')
    await search.click()
    await search.pressSequentially('csx', { delay: 120 })
    const searched = await settled(page, { query: { q: 'csx' }, search: 'csx' })
    expect(searched.caption).not.toBe(start.caption)
    const typed = await historyLength(page)
    expect(typed - before).toBeLessThanOrEqual(1)

    const select = (id: string, value: string) => page.locator(`[data-testid="${id}"]`).selectOption(value)
    const types = await page
      .locator('[data-testid="type-filter"] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean))
    const type = types.includes('县') ? '县' : types[0]!
    const choices: [() => Promise<unknown>, Partial<View>][] = [
      [() => select('indicator-select', 'kg_gross_enrol_rate'), { indicator: 'kg_gross_enrol_rate' }],
      [() => select('year-select', '2020'), { year: '2020', caption: expect.stringContaining('（2020年）') }],
      [() => rankingTable(page).locator('thead button', { hasText: '区县' }).click(), { sorted: '区县 ascending' }],
      [
        () => select('prefecture-filter', '430100'),
        { prefecture: '430100', caption: expect.stringMatching(/^长沙市/) },
      ],
      [() => select('type-filter', type), { type }],
      [
        () => select('indicator-select', 'kg_inclusive_rate'),
        { caption: expect.stringContaining('普惠性幼儿园覆盖率') },
      ],
    ]
    const views = [searched]
    for (const [choose, expected] of choices) {
      await choose()
      views.push(await settled(page, expected))
      expect(await historyLength(page)).toBe(typed + views.length - 1)
    }
    // Each choice kept the ones before it, the typed search among them.
    expect(views.at(-1)!.query).toEqual({
      q: 'csx',
      indicator: 'kg_inclusive_rate',
      year: '2020',
      sort: 'name',
      prefecture: '430100',
      type,
    })
    await page.screenshot({ path: screenshotPath('history-six-choices') })

    for (let i = views.length - 2; i >= 0; i--) {
      await page.goBack()
      await expect.poll(() => view(page)).toEqual(views[i])
    }
    for (let i = 1; i < views.length; i++) {
      await page.goForward()
      await expect.poll(() => view(page)).toEqual(views[i])
    }
    expect(await historyLength(page)).toBe(typed + views.length - 1)
  })

  it('a drag along the timeline is one entry, its steps replace it; playing adds none', async () => {
    const page = site.page
    const shown = await view(page)
    expect(shown.year).toBe('2020')
    const before = await historyLength(page)

    const range = page.locator('[data-testid="timeline-range"]')
    await range.scrollIntoViewIfNeeded()
    const box = (await range.boundingBox())!
    const years = { first: 2015, last: 2024 }
    const xOf = (y: number) => box.x + 8 + ((box.width - 16) * (y - years.first)) / (years.last - years.first)
    await page.mouse.move(xOf(2020), box.y + box.height / 2)
    await page.mouse.down()
    for (let y = 2020; y >= 2016; y--) await page.mouse.move(xOf(y) - 4, box.y + box.height / 2, { steps: 4 })
    await page.mouse.up()
    const dragged = await settled(page, { year: expect.not.stringMatching(/^2020$/) })
    expect(Number(dragged.year)).toBeLessThan(2019)
    expect(await historyLength(page)).toBe(before + 1)

    const play = page.locator('[data-testid="timeline-play"]')
    await play.click()
    await expect.poll(async () => (await view(page)).year).not.toBe(dragged.year)
    await play.click()
    expect(await historyLength(page)).toBe(before + 1)

    // Back from the played years returns to the year before the drag, not through its steps.
    await page.goBack()
    await expect.poll(() => view(page)).toEqual(shown)
  })
})

/** A page of a new profile on the province page; `init` runs before the app. */
async function freshPage(
  init?: (context: BrowserContext) => Promise<unknown>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({ viewport: VIEWPORT })
  await init?.(context)
  const page = await context.newPage()
  await page.goto(`${site.server.url}#/province/430000?indicator=kg_inclusive_rate&year=2019`)
  await rankingTable(page).waitFor({ timeout: 60_000 })
  return { context, page }
}

describe('复制链接', () => {
  it('is reached by the keyboard, copies the whole address with its view, and says so', async () => {
    const { context, page } = await freshPage((c) =>
      c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.server.url).origin }),
    )
    const button = page.locator('[data-testid="copy-link"]')
    for (let i = 0; i < 15 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab')
    }
    await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true)
    expect(await button.evaluate((b) => getComputedStyle(b).outlineStyle)).toBe('solid')
    await page.keyboard.press('Enter')
    const status = page.locator('[data-testid="copy-link-status"]')
    await expect.poll(() => status.textContent()).toBe('已复制链接')
    expect(await status.getAttribute('role')).toBe('status')
    await page.locator('.app-header').screenshot({ path: screenshotPath('history-copy-link') })
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(page.url())
    expect(copied).toContain('#/province/430000?indicator=kg_inclusive_rate&year=2019')

    // On every page: the county page and the rules page too.
    for (const hash of ['#/county/430121?year=2018', '#/rules']) {
      await page.goto(`${site.server.url}${hash}`)
      await button.click()
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.server.url}${hash}`)
    }
    await context.close()
  })

  it('without a clipboard, offers the link selected, with the words to copy it by hand', async () => {
    const { context, page } = await freshPage((c) =>
      c.addInitScript(() => Reflect.deleteProperty(Navigator.prototype, 'clipboard')),
    )
    expect(await page.evaluate(() => 'clipboard' in navigator)).toBe(false)
    await page.locator('[data-testid="copy-link"]').click()
    const manual = page.locator('[data-testid="copy-link-manual"]')
    await manual.waitFor()
    expect(await manual.textContent()).toContain('请按 Ctrl+C 复制')
    const field = manual.locator('input')
    expect(await field.inputValue()).toBe(page.url())
    expect(await field.getAttribute('readonly')).not.toBeNull()
    const selection = await field.evaluate((el: HTMLInputElement) => ({
      focused: el === document.activeElement,
      selected: el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0),
    }))
    expect(selection).toEqual({ focused: true, selected: page.url() })
    await page.screenshot({
      path: screenshotPath('history-copy-link-manual'),
      clip: { x: 566, y: 0, width: 800, height: 200 },
    })

    // Copying it by hand is acknowledged and puts the field away; Escape closes it too.
    await page.keyboard.press('Control+C')
    await expect.poll(() => page.locator('[data-testid="copy-link-status"]').textContent()).toBe('已复制链接')
    await manual.waitFor({ state: 'detached' })
    await page.locator('[data-testid="copy-link"]').click()
    await manual.waitFor()
    await page.keyboard.press('Escape')
    await manual.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('copy-link')
    await context.close()
  })
})

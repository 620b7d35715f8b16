import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { formatValue } from '../../src/indicators/format.ts'
import { aggregateQuery, rankingQuery, type AggregateRow, type RankingRow } from '../../src/queries/index.ts'
import type { Database } from '../../src/db/types.ts'
import { screenshotPath } from '../support/browser.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { rankingCount, rankingTable as table, withEveryRow } from '../support/ranking.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
let page: Page
let db: Database

const enrolRate = getIndicator('kg_gross_enrol_rate')
const rowValues = (p: Page) => withEveryRow(p, (t) => t.locator('tbody td.value').allTextContents())

beforeAll(async () => {
  page = site.page
  db = (await bundledDatabase(['430000'])).db
})

describe('province overview', () => {
  it('switches indicator and year, and shows the same numbers as the query run in Node', async () => {
    await page.goto(`${site.server.url}#/province/430000`)
    await table(page).waitFor({ timeout: 60_000 })
    await page.locator('[data-testid="indicator-select"]').selectOption(enrolRate.id)
    await page.locator('[data-testid="year-select"]').selectOption('2020')
    await expect.poll(() => table(page).locator('caption').textContent()).toContain('学前三年毛入园率（2020年）')
    expect(page.url()).toContain('indicator=kg_gross_enrol_rate')
    expect(page.url()).toContain('year=2020')

    const expected = await db.query<RankingRow>(rankingQuery(enrolRate, { province: '430000', year: 2020 }))
    await expect.poll(() => rowValues(page)).toEqual(expected.map((r) => formatValue(r.value, enrolRate)))
    const [agg] = (
      await db.query<AggregateRow>(aggregateQuery(enrolRate, { province: '430000', by: 'province' }))
    ).filter((a) => a.year === 2020)
    expect(await page.locator('[data-testid="summary-figure"]').textContent()).toBe(formatValue(agg!.figure, enrolRate))
    expect(await page.locator('[data-testid="summary-pass"]').textContent()).toContain(
      `${agg!.pass} / ${agg!.pass + agg!.basic + agg!.fail}个`,
    )
  })

  it('draws only the rows in view; scrolling and the Tab key bring the others, in ranking order', async () => {
    const expected = (await db.query<RankingRow>(rankingQuery(enrolRate, { province: '430000', year: 2020 }))).map(
      (r) => formatValue(r.value, enrolRate),
    )
    const drawn = table(page).locator('tbody tr[data-code]')
    const indexes = () => drawn.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))))
    expect(await rankingCount(page)).toBe(expected.length)
    const first = await indexes()
    expect(first.length).toBeGreaterThan(15)
    expect(first.length).toBeLessThan(expected.length / 2)
    expect(first[0]).toBe(2)

    const wrap = page.locator('.table-wrap')
    const height = await wrap.evaluate((e) => e.scrollHeight)
    await wrap.evaluate((e) => (e.scrollTop = e.scrollHeight))
    await expect.poll(async () => (await indexes()).at(-1)).toBe(expected.length + 1)
    const last = await indexes()
    expect(last).toEqual(last.map((_, i) => last[0]! + i))
    expect(await drawn.last().locator('td.value').textContent()).toBe(expected.at(-1))
    // The spacer rows keep the scrollbar true: the table is as tall with any rows drawn.
    expect(Math.abs((await wrap.evaluate((e) => e.scrollHeight)) - height)).toBeLessThan(40)

    await wrap.evaluate((e) => (e.scrollTop = 0))
    await drawn.first().locator('a').focus()
    // At a person's pace, one key per frame at most: the rows follow the scroll a frame later.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    }
    const focused = page.locator('[data-testid="ranking-table"] tr:has(a:focus)')
    expect(await focused.getAttribute('aria-rowindex')).toBe('42')
    expect(await focused.locator('td.value').textContent()).toBe(expected[40])
  })

  it('draws the ranking bars and the distribution as the query gives them; a bar names its county, marks it on the map, and opens it', async () => {
    const expected = (await db.query<RankingRow>(rankingQuery(enrolRate, { province: '430000', year: 2020 }))).filter(
      (r) => r.value !== null,
    )
    const bars = page.locator('.chart-panel').first().locator('.bar-chart')
    await bars.scrollIntoViewIfNeeded()
    // Drawn wider for paper, the charts fit their column again on screen: a drawing never holds its box open.
    await page.emulateMedia({ media: 'print' })
    await page.emulateMedia({ media: 'screen' })
    const column = (await page.locator('.panels > .left').boundingBox())!
    await expect
      .poll(async () => bars.locator('svg').evaluate((svg) => svg.getBoundingClientRect().right))
      .toBeLessThanOrEqual(column.x + column.width + 1)
    await expect.poll(() => bars.locator('svg > g > rect').count()).toBe(expected.length)
    // Ranked best first: the bars' heights follow the values.
    const heights = await bars
      .locator('svg > g > rect')
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))))
    const values = expected.map((r) => r.value!)
    const slope = (heights[0]! - heights.at(-1)!) / (values[0]! - values.at(-1)!)
    heights.forEach((h, i) => expect(h - heights[0]!).toBeCloseTo((values[i]! - values[0]!) * slope, 0))
    // Each of the distribution's bins tells its count; together they are every county with a value in the query.
    const histogram = page.locator('.chart-panel').nth(1).locator('.bar-chart')
    const bins = histogram.locator('svg > g > rect')
    expect(await bins.count()).toBeGreaterThanOrEqual(5)
    let counted = 0
    for (const box of await bins.evaluateAll((rects) =>
      rects.map((r) => r.getBoundingClientRect().toJSON() as DOMRect),
    )) {
      // Over the bin's slot, above the bar if it is short: the whole slot answers the pointer.
      await page.mouse.move(Math.round(box.x + box.width / 2), Math.round(box.y + box.height) - 2)
      await expect.poll(() => histogram.locator('.bar-tooltip').isVisible()).toBe(true)
      counted += Number(/区县数：(\d+)个/.exec((await histogram.locator('.bar-tooltip').textContent())!)![1])
    }
    expect(counted).toBe(expected.length)

    // A bar is under 2 px wide, the pointer moves by whole pixels: it names whichever county it is on.
    const third = (await bars.locator('svg > g > rect').nth(2).boundingBox())!
    const [x, y] = [Math.round(third.x + third.width / 2), Math.round(third.y + third.height / 2)]
    await page.mouse.move(x, y)
    const tip = bars.locator('.bar-tooltip')
    await expect.poll(() => tip.isVisible()).toBe(true)
    const text = (await tip.textContent())!
    const county = expected.slice(0, 5).find((r) => text.startsWith(`${r.name}（${r.prefecture}）`))!
    expect(county, text).toBeDefined()
    expect(text).toContain(`第${county.rank}名：${formatValue(county.value, enrolRate)}`)
    expect(await page.locator('[data-testid="map"] path.highlight').count()).toBe(1)
    await page.screenshot({ path: screenshotPath('overview-bars-hover') })
    await page.mouse.click(x, y)
    await expect.poll(() => page.url()).toContain(`#/county/${county.code}`)
    await page.goBack()
    await table(page).locator('caption').waitFor()
  })

  it('sorts by a column, both ways', async () => {
    await table(page).locator('thead button', { hasText: '区县' }).click()
    const names = await withEveryRow(page, (t) => t.locator('tbody th').allTextContents())
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare))
    expect(page.url()).toContain('sort=name')
    await table(page).locator('thead button', { hasText: '区县' }).click()
    expect(page.url()).toContain('desc=1')
    await table(page).locator('thead button', { hasText: '全省排名' }).click()
  })

  it('filters to a prefecture: the map zooms to it and the breadcrumb leads back', async () => {
    const expected = (
      await db.query<RankingRow>(rankingQuery(enrolRate, { province: '430000', year: 2020, prefecture: '431200' }))
    ).length
    await page.locator('[data-testid="prefecture-filter"]').selectOption('431200')
    await expect.poll(() => rankingCount(page)).toBe(expected)
    expect(await table(page).locator('tbody tr[data-code]').count()).toBe(expected)
    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-regions')).toBe(String(expected))
    expect(await page.locator('nav.crumbs').textContent()).toContain('怀化市')
    await page.screenshot({ path: screenshotPath('overview-huaihua') })
    await page.locator('[data-testid="crumb-province"]').click()
    await expect.poll(() => rankingCount(page)).toBeGreaterThan(expected)
  })

  it('plays the timeline two steps without reloading data', async () => {
    await page.locator('[data-testid="year-select"]').selectOption('2018')
    await expect.poll(() => table(page).locator('caption').textContent()).toContain('2018年')
    await page.locator('[data-testid="timeline-play"]').click()
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('year=2020')
    await page.locator('[data-testid="timeline-play"]').click()
    // On a busy machine a third step may land before the pause: read the year it stopped at.
    const year = Number(/year=(\d{4})/.exec(page.url())![1])
    expect(year).toBeGreaterThanOrEqual(2020)
    await expect.poll(() => table(page).locator('caption').textContent()).toContain(`${year}年`)
    const expected = await db.query<RankingRow>(rankingQuery(enrolRate, { province: '430000', year }))
    await expect.poll(() => rowValues(page)).toEqual(expected.map((r) => formatValue(r.value, enrolRate)))
  })

  it('reproduces the view from a shared URL, at projector size too', async () => {
    await table(page).locator('thead button', { hasText: '较上年' }).click()
    const url = page.url()
    const names = (p: Page) => withEveryRow(p, (t) => t.locator('tbody th').allTextContents())
    const before = await names(page)
    const other = await site.browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await other.goto(url)
    await expect.poll(() => names(other), { timeout: 60_000 }).toEqual(before)
    expect(await other.locator('[data-testid="indicator-select"]').inputValue()).toBe(enrolRate.id)
    await other.waitForTimeout(500)
    await other.screenshot({ path: screenshotPath('overview-1920') })
    await page.screenshot({ path: screenshotPath('overview-1366') })
    await other.close()
  })

  it('walks back through choices with the browser history', async () => {
    await page.goBack()
    expect(page.url()).not.toContain('sort=change')
  })

  it('keeps the last province whole while the next one’s data is on its way, then shows the next one whole', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/data/panel/330000.parquet', async (route) => {
      await held
      await route.continue()
    })
    const caption = await table(page).locator('caption').textContent()
    const codes = () =>
      table(page)
        .locator('tbody tr[data-code]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''))
    const before = await codes()
    await page.locator('[data-testid="province-select"]').selectOption('330000')
    await expect.poll(() => page.locator('main.overview').getAttribute('aria-busy')).toBe('true')
    await page.waitForTimeout(500)
    // Not 湖南's rows under 浙江's name: the caption, the rows and the map stay 湖南's until 浙江 has answered.
    expect(await table(page).locator('caption').textContent()).toBe(caption)
    expect(await codes()).toEqual(before)
    expect(before.every((c) => c.startsWith('43'))).toBe(true)
    release()
    await expect.poll(() => table(page).locator('caption').textContent(), { timeout: 60_000 }).toContain('浙江省')
    const after = await codes()
    expect(after.length).toBeGreaterThan(20)
    expect(after.every((c) => c.startsWith('33'))).toBe(true)
    await page.unroute('**/data/panel/330000.parquet')
  })
})

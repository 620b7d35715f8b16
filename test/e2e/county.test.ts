import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { HEADLINE_INDICATOR_IDS, getIndicator } from '../../src/indicators/catalog.ts'
import { formatValue } from '../../src/indicators/format.ts'
import { countyProblems } from '../../src/indicators/problems.ts'
import { RULES } from '../../src/indicators/rules.ts'
import { countySeriesQuery, ruleStatusQuery, type RuleStatusRow, type SeriesRow } from '../../src/queries/index.ts'
import type { Database } from '../../src/db/types.ts'
import { problemsContent, reportLines } from '../../src/export/reportSection.ts'
import { screenshotPath } from '../support/browser.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { downloadedDocx, downloadedText } from '../support/download.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
let page: Page
let db: Database

beforeAll(async () => {
  page = site.page
  db = (await bundledDatabase(['430000'])).db
})

describe('county page', () => {
  let code = ''

  it('opens from a click on the province map', async () => {
    await page.goto(`${site.server.url}#/province/430000`)
    const shapes = page.locator('[data-testid="map"] .canvas > svg')
    await shapes.waitFor({ timeout: 60_000 })
    const box = (await shapes.boundingBox())!
    for (let i = 1; i < 20 && !(await page.locator('.map-tooltip').isVisible()); i++) {
      await page.mouse.move(box.x + (box.width * i) / 20, box.y + box.height / 2)
      await page.waitForTimeout(100)
    }
    await page.mouse.down()
    await page.mouse.up()
    await expect.poll(() => page.url()).toMatch(/#\/county\/43\d{4}/)
    code = /#\/county\/(\d{6})/.exec(page.url())![1]!
    await expect.poll(() => page.locator('[data-testid="county-name"]').textContent()).toBeTruthy()
  })

  it('shows the KPI values and problem sentences the same queries give in Node', async () => {
    const series = await db.query<SeriesRow>(countySeriesQuery(code))
    const cards = page.locator('[data-testid="kpi-cards"] article')
    await expect.poll(() => cards.count()).toBe(HEADLINE_INDICATOR_IDS.length)
    for (const id of HEADLINE_INDICATOR_IDS) {
      const expected = formatValue(series.find((r) => r.indicator === id && r.year === 2024)?.value, getIndicator(id))
      expect(
        await page
          .locator(`[data-testid="kpi-cards"] article[data-indicator="${id}"] [data-testid="kpi-value"]`)
          .textContent(),
        id,
      ).toBe(expected)
    }
    const expectProblems = async (county: string) => {
      const rules = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: '430000', code: county }))
      const sentences = countyProblems(rules, 2024).map((p) => `${p.sentence}。`)
      await expect
        .poll(async () =>
          (await page.locator('[data-testid="problems"] li').allTextContents()).map((t) => t.replace(/看图$/, '')),
        )
        .toEqual(sentences)
      return sentences
    }
    await expectProblems(code)
    // Until a county's rules have answered, its list says it is judging: never another county's verdict, nor “no problems”.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { problemTexts: string[] }).problemTexts = [])
      const record = () =>
        seen.push(
          `${document.querySelector('[data-testid="problems"]')?.textContent ?? ''}|${document.querySelector('[data-testid="two-no-decrease"] h3')?.textContent ?? ''}`,
        )
      new MutationObserver(record).observe(document.getElementById('app')!, {
        childList: true,
        subtree: true,
        characterData: true,
      })
    })
    // 鹤城区 has at least one problem in 2024, so the comparison is not of two empty lists.
    await page.goto(`${site.server.url}#/county/431202`)
    const sentences = await expectProblems('431202')
    expect(sentences.length).toBeGreaterThan(0)
    const seen = (await page.evaluate(() => (window as unknown as { problemTexts: string[] }).problemTexts)).filter(
      (t) => t.includes('鹤城区'),
    )
    expect(seen.some((t) => t.includes('正在逐项判断'))).toBe(true)
    expect(
      seen.filter((t) => !t.includes('正在逐项判断') && !sentences.every((line) => t.includes(line.slice(0, 20)))),
    ).toEqual([])
    // The 两个只增不减 heading likewise: judging, or its final verdict, nothing in between.
    await page.locator('[data-testid="two-no-decrease"][aria-busy="false"]').waitFor()
    const verdict = (await page.locator('[data-testid="two-no-decrease"] h3').textContent())!
    const headings = seen.map((t) => t.split('|')[1]!).filter((h) => h)
    expect(headings.filter((h) => !h.includes('正在逐项判断') && h !== verdict)).toEqual([])
    await page.screenshot({ path: screenshotPath('county-top'), fullPage: false })
  })

  it('exports the county’s problems as a Word document and as text, labelled 模拟数据', async () => {
    const rules = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: '430000', code: '431202' }))
    const lines = reportLines({
      ...problemsContent('鹤城区2024年存在问题', countyProblems(rules, 2024)),
      date: '',
      source: '模拟数据',
    }).map((l) => l.text)
    const buttons = page.locator('[data-testid="problems"]')
    const docx = await downloadedDocx(page, buttons.locator('[data-testid="export-docx"]'))
    expect(docx.name).toBe('鹤城区2024年存在问题.docx')
    expect(docx.paragraphs.filter((_, i) => i !== 2)).toEqual(lines.filter((_, i) => i !== 2))
    expect(docx.paragraphs[1]).toBe('数据来源：模拟数据')
    const text = await downloadedText(page, buttons.locator('[data-testid="export-txt"]'))
    expect(text.bom).toBe(true)
    expect(text.lines.filter(Boolean)).toEqual(docx.paragraphs)
  })

  it('adds two counties to compare, and a reload gives the same page', async () => {
    const add = page.locator('[data-testid="compare-add"]')
    await add.selectOption({ index: 1 })
    await add.selectOption({ index: 1 })
    const rows = page.locator('[data-testid="compare-table"] tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    const before = await rows.allTextContents()
    expect(page.url()).toMatch(/compare=\d{6}(%2C|,)\d{6}/)
    await page.reload()
    await expect.poll(() => rows.allTextContents(), { timeout: 60_000 }).toEqual(before)
    await page.locator('[data-testid="compare"]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('county-compare') })
  })

  it('jumps to another county by pinyin initials', async () => {
    await page.locator('[data-testid="county-jump"]').fill('csx')
    await page.locator('[data-testid="county-jump-results"] a', { hasText: '长沙县' }).click()
    await expect.poll(() => page.locator('[data-testid="county-name"]').textContent()).toBe('长沙县')
    expect(page.url()).toContain('#/county/430121')
  })

  it('leads back to the province and the prefecture with the indicator, year and base year it was opened with', async () => {
    await page.goto(`${site.server.url}#/county/430121?indicator=kg_public_share&year=2023&base=2020`)
    const crumbs = page.locator('nav.crumbs a')
    await expect.poll(() => crumbs.count(), { timeout: 60_000 }).toBe(3)
    for (const href of (await crumbs.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).slice(1)) {
      expect(href).toMatch(/^#\/province\/430000\?/)
      expect(Object.fromEntries(new URLSearchParams(href!.split('?')[1]))).toMatchObject({
        indicator: 'kg_public_share',
        year: '2023',
        base: '2020',
      })
    }
    await crumbs.nth(2).click()
    await expect.poll(() => page.url()).toMatch(/prefecture=430100/)
    await expect.poll(() => page.locator('main.overview').getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false')
    expect(page.url()).toContain('base=2020')
  })
})

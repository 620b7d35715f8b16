// A site with a missing and a corrupt province file, a missing and a corrupt boundary file,
// and links with unknown parts: each says what is wrong in Chinese, and the rest keeps
// working; and a site whose county list is missing or corrupt.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Manifest } from '../../src/service/dataset.ts'
import { screenshotPath } from '../support/browser.ts'
import { rankingCount } from '../support/ranking.ts'
import { ENGINE_NEEDED } from '../../src/composables/useQuery.ts'
import { openSite } from '../support/site.ts'

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8')) as Manifest
const site = openSite({
  files: {
    'data/panel/430000.parquet': null,
    'data/panel/450000.parquet': 'PAR1 not really',
    'geo/440000.json': '{"type":"Topo',
    'geo/320000.json': null,
  },
})
let page: Page

beforeAll(() => {
  page = site.page
})

const alertText = () => page.locator('main [role="alert"]').first().textContent()
const rankingRows = () => rankingCount(page)
const notices = () => page.locator('[data-testid="notice"] span').allTextContents()

describe('missing and corrupt files', () => {
  it('names a missing province file and what to do, and another province still opens', async () => {
    await page.goto(`${site.server.url}#/province/430000`)
    await expect
      .poll(alertText, { timeout: 90_000 })
      .toContain(
        '数据文件 data/panel/430000.parquet 无法读取：服务器返回 HTTP 404。请确认网站目录完整复制了 data 文件夹。',
      )
    await page.screenshot({ path: screenshotPath('error-missing-parquet') })
    // Without its rows the province still has its policy line: 无数据, not 无标准.
    expect(await page.locator('[data-testid="summary"]').textContent()).toContain('达标区县无数据')
    expect(await page.locator('[data-testid="ranking-table"] thead').textContent()).toContain('达标（≥50%）')
    await page.locator('[data-testid="province-select"]').selectOption('330000')
    const zhejiang = manifest.provinces.find((p) => p.code === '330000')!
    await expect.poll(rankingRows).toBe(zhejiang.counties)
    await expect
      .poll(() => page.locator('[data-testid="map"]').getAttribute('data-regions'))
      .toBe(String(zhejiang.counties))
    expect(await page.locator('main [role="alert"]').count()).toBe(0)
  })

  it('names a corrupt province file on the roll-up page', async () => {
    await page.goto(`${site.server.url}#/province/450000/problems`)
    await expect
      .poll(alertText)
      .toMatch(
        /^数据文件 data\/panel\/450000\.parquet 无法读取：不是有效的 Parquet 文件.*请从原网站目录重新复制该文件。$/,
      )
  })

  it('names a corrupt boundary file in place of the map, and the ranking still works', async () => {
    await page.goto(`${site.server.url}#/province/440000`)
    await expect
      .poll(() => page.locator('[data-testid="map"] [role="alert"]').textContent())
      .toBe('边界文件 geo/440000.json 无法读取：不是有效的 JSON，可能在复制时损坏，请从原网站目录重新复制该文件。')
    await expect.poll(rankingRows).toBe(manifest.provinces.find((p) => p.code === '440000')!.counties)
    await page.screenshot({ path: screenshotPath('error-corrupt-boundary') })
  })

  it('names a missing boundary file in place of the map, and the ranking still works', async () => {
    await page.goto(`${site.server.url}#/province/320000`)
    await expect
      .poll(() => page.locator('[data-testid="map"] [role="alert"]').textContent())
      .toBe('边界文件 geo/320000.json 无法读取：服务器返回 HTTP 404。请确认网站目录完整复制了 geo 文件夹。')
    const jiangsu = manifest.provinces.find((p) => p.code === '320000')!
    await expect.poll(rankingRows).toBe(jiangsu.counties)
    await page.locator('[data-testid="year-select"]').selectOption('2018')
    await expect.poll(() => page.locator('[data-testid="ranking-table"] caption').textContent()).toContain('2018年')
    expect(await rankingRows()).toBe(jiangsu.counties)
    await page.screenshot({ path: screenshotPath('error-missing-boundary') })
  })

  it('names a missing or corrupt county list once; the page keeps the build’s figures, what needs computing says so, the rules page still opens', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1366, height: 768 } })
    const cases = [
      {
        body: null,
        message:
          /^数据文件 data\/counties\.parquet 无法读取：服务器返回 HTTP 404。请确认网站目录完整复制了 data 文件夹。$/,
      },
      {
        body: 'PAR1 not really',
        message: /^数据文件 data\/counties\.parquet 无法读取：不是有效的 Parquet 文件.*请从原网站目录重新复制该文件。$/,
      },
    ]
    try {
      for (const { body, message } of cases) {
        await context.unrouteAll()
        await context.route('**/data/counties.parquet', (route) =>
          body === null ? route.fulfill({ status: 404 }) : route.fulfill({ body }),
        )
        const other = await context.newPage()
        await other.goto(`${site.server.url}#/province/330000`)
        await expect
          .poll(() => other.locator('[data-testid="start-error"] p').first().textContent(), { timeout: 60_000 })
          .toMatch(message)
        expect(await other.locator('[data-testid="start-error"] p').nth(1).textContent()).toContain('仍可查看')
        expect(await rankingCount(other)).toBe(manifest.provinces.find((p) => p.code === '330000')!.counties)
        expect(await other.locator('main [role="alert"]').count()).toBe(0)
        await other.locator('[data-testid="indicator-select"]').selectOption('kg_pupil_teacher')
        await expect.poll(() => other.locator('main [role="alert"]').allTextContents()).toEqual([ENGINE_NEEDED])
        await other.locator('header a', { hasText: '规则说明' }).click()
        await expect.poll(() => other.locator('[data-testid="rules-table"] tbody tr').count()).toBeGreaterThan(20)
      }
    } finally {
      await context.close()
    }
  })
})

describe('links with unknown parts', () => {
  it('drops an unknown indicator and year, says so, and corrects the link', async () => {
    await page.goto(`${site.server.url}#/province/330000?indicator=no_such&year=1999&sort=name`)
    await expect
      .poll(notices)
      .toEqual([
        '链接中的指标“no_such”不存在，已显示默认指标公办园在园幼儿占比',
        `链接中的年份“1999”不在数据年份（2015—${manifest.years.at(-1)}年）之内，已显示${manifest.years.at(-1)}年`,
      ])
    await expect.poll(() => page.url()).toBe(`${site.server.url}#/province/330000?sort=name`)
    await expect.poll(rankingRows).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('notice-url-fallback') })
    await page.locator('[data-testid="notice"] button').first().click()
    await expect.poll(notices).toHaveLength(1)
    await page.locator('[data-testid="notice"] button').click()
    await expect.poll(() => page.locator('[data-testid="notices"]').count()).toBe(0)
  })

  it('shows the national overview for an unknown province', async () => {
    await page.goto(`${site.server.url}#/province/990000?year=2020`)
    await expect.poll(notices).toEqual(['链接中的省份代码“990000”不在数据中，已显示全国概览'])
    await expect.poll(() => page.url()).toBe(`${site.server.url}#/?year=2020`)
    await expect
      .poll(() => page.locator('[data-testid="province-table"] tbody tr').count())
      .toBe(manifest.provinces.length)
  })

  it('shows the province of an unknown county code', async () => {
    await page.goto(`${site.server.url}#/county/339999`)
    await expect.poll(notices).toContain('链接中的区县代码“339999”不在数据中，已显示浙江省概览')
    await expect.poll(() => page.url()).toBe(`${site.server.url}#/province/330000`)
    await expect.poll(rankingRows).toBeGreaterThan(0)
  })
})

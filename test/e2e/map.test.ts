import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { feature } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import type { FeatureCollection } from 'geojson'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Manifest } from '../../src/service/dataset.ts'
import { regionColors } from '../../src/charts/choropleth.ts'
import { mapClassesOverYears, type MapClass } from '../../src/charts/mapClasses.ts'
import type { Database } from '../../src/db/types.ts'
import { getIndicator, DEFAULT_INDICATOR_ID } from '../../src/indicators/catalog.ts'
import { formatChange, formatRankChange, formatValue } from '../../src/indicators/format.ts'
import { rankingQuery, type RankingRow } from '../../src/queries/ranking.ts'
import { provinceSeriesQuery, seriesByCounty, type ProvinceSeriesRow } from '../../src/queries/series.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { screenshotPath } from '../support/browser.ts'
import { openSite } from '../support/site.ts'
import { SITE_DIR } from '../support/staticServer.ts'

const manifest = JSON.parse(readFileSync(join(SITE_DIR, 'data', 'manifest.json'), 'utf8')) as Manifest
const site = openSite()
const share = getIndicator(DEFAULT_INDICATOR_ID)
let page: Page
let database: Promise<Database> | undefined
/** The bundled data of Zhejiang in Node, loaded once. */
const zhejiangDb = () => (database ??= bundledDatabase(['330000']).then((b) => b.db))

/** The province's colour classes as the page makes them: every county's values over all years. */
async function classesOverYears(db: Database): Promise<MapClass[]> {
  const series = seriesByCounty(await db.query<ProvinceSeriesRow>(provinceSeriesQuery(share, '330000')), manifest.years)
  return mapClassesOverYears(series, manifest.years, share)
}

beforeAll(async () => {
  page = site.page
})

describe('province choropleth', () => {
  it('draws every county of the province from the real boundaries', async () => {
    await page.goto(`${site.server.url}#/province/330000`)
    const map = page.locator('[data-testid="map"]')
    await map.locator('.canvas > svg').waitFor({ timeout: 60_000 })
    const zhejiang = manifest.provinces.find((p) => p.code === '330000')!
    await expect.poll(() => map.getAttribute('data-regions')).toBe(String(zhejiang.counties))
    expect(Number(await map.getAttribute('data-regions-with-data'))).toBeGreaterThan(zhejiang.counties * 0.9)
    expect(await map.getAttribute('aria-label')).toContain(`${zhejiang.counties}个区县`)
  })

  it('colours every county by its class and says its figures as the same query gives them in Node', async () => {
    const db = await zhejiangDb()
    const rows = await db.query<RankingRow>(rankingQuery(share, { province: '330000', year: 2024 }))
    const expected = regionColors(rows, await classesOverYears(db))
    const fills = await page
      .locator('[data-testid="map"] path[data-code]')
      .evaluateAll((paths) => paths.map((p) => [p.getAttribute('data-code')!, p.getAttribute('fill')!] as const))
    expect(fills.length).toBe(rows.length)
    expect(new Map(fills)).toEqual(expected)
    // The tooltip of the county ranked first: the pointer moves over its shape.
    const top = rows.find((r) => r.rank === 1)!
    const shape = page.locator(`[data-testid="map"] path[data-code="${top.code}"]`)
    const box = (await shape.boundingBox())!
    await shape.dispatchEvent('mousemove', { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 })
    const tip = page.locator('.map-tooltip')
    await expect.poll(() => tip.textContent()).toContain(top.name)
    expect(await tip.textContent()).toContain(`${share.label}（2024年）：${formatValue(top.value, share)}`)
    expect(await tip.textContent()).toContain(`全省排名：第1名（${formatRankChange(top.rank, top.prev_rank)}）`)
    expect(await tip.textContent()).toContain(`较上年：${formatChange(top.value, top.prev_value, share)}`)
    await page.locator('[data-testid="map"] .canvas').dispatchEvent('mouseleave')
    await expect.poll(() => tip.count()).toBe(0)
  })

  it('shows an escaped tooltip with rank, change and status when a county is hovered', async () => {
    const shapes = page.locator('[data-testid="map"] .canvas > svg')
    const box = (await shapes.boundingBox())!
    const names = new Set(await page.locator('[data-testid="ranking-table"] tbody th').allTextContents())
    // Sweep across the middle of the map until the pointer is over a county.
    let text = ''
    for (let i = 1; i < 20 && !text.includes('全省排名'); i++) {
      await page.mouse.move(box.x + (box.width * i) / 20, box.y + box.height / 2)
      await page.waitForTimeout(150)
      const tip = page.locator('.map-tooltip')
      text = (await tip.isVisible()) ? ((await tip.textContent()) ?? '') : ''
    }
    expect(text).toContain('全省排名')
    expect(text).toContain('较上年')
    expect(text).toMatch(/达标情况：(达标|基本达标|未达标|无数据)/)
    expect([...names].some((n) => text.includes(n))).toBe(true)
    // The hovered county is highlighted in the ranking beside the map.
    await expect.poll(() => page.locator('[data-testid="ranking-table"] tr.highlighted').count()).toBe(1)
    await page.screenshot({ path: screenshotPath('map-zhejiang-tooltip') })
  })

  it('takes a user’s own GeoJSON, lists what did not match, and restores the default', async () => {
    const zhejiang = manifest.provinces.find((p) => p.code === '330000')!
    // An "official map" whose code property is ADCODE and which lacks one county.
    const topo = JSON.parse(readFileSync('public/geo/330000.json', 'utf8')) as Topology<{
      counties: GeometryCollection<{ code: string; name: string }>
    }>
    const counties = feature(topo, topo.objects.counties) as FeatureCollection
    const features = counties.features
      .slice(1)
      .map((f) => ({ ...f, properties: { ADCODE: f.properties!.code, NAME: f.properties!.name } }))
    features.push({ ...features[0]!, properties: { ADCODE: '999999', NAME: '<b>外来要素</b>' } })
    const file = join(tmpdir(), 'zhejiang-official.geojson')
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }))

    await page.locator('[data-testid="boundary-upload"] > summary').click()
    await page.locator('[data-testid="boundary-file"]').setInputFiles(file)
    await expect.poll(() => page.locator('[data-testid="boundary-property"]').inputValue()).toBe('ADCODE')
    const report = page.locator('[data-testid="boundary-report"]')
    await expect.poll(() => report.textContent()).toContain(`匹配 ${zhejiang.counties - 1} 个区县`)
    expect(await report.textContent()).toContain('ADCODE = “999999”（<b>外来要素</b>）')
    expect(await report.textContent()).toContain('没有边界的区县 1 个')
    await page.locator('[data-testid="boundary-apply"]').click()
    const map = page.locator('[data-testid="map"]')
    await expect.poll(() => map.getAttribute('data-regions')).toBe(String(zhejiang.counties - 1))
    await page.screenshot({ path: screenshotPath('map-own-boundaries') })
    await page.locator('[data-testid="boundary-reset"]').click()
    await expect.poll(() => map.getAttribute('data-regions')).toBe(String(zhejiang.counties))
  })

  it('keeps one legend, of one height, across the years, and colours the year shown by it', async () => {
    const map = page.locator('[data-testid="map"]')
    const legend = map.locator('[data-testid="map-legend"]')
    const seen: { labels: string[]; height: number }[] = []
    for (const year of [2016, 2024]) {
      await page.goto(`${site.server.url}#/province/330000?indicator=${share.id}&year=${year}`)
      await expect.poll(() => map.getAttribute('aria-label'), { timeout: 60_000 }).toContain(`（${year}年）`)
      await map.locator('.canvas > svg').waitFor()
      seen.push({ labels: await legend.locator('li').allTextContents(), height: (await legend.boundingBox())!.height })
      await legend.evaluate((el) => el.scrollIntoView({ block: 'end' }))
      await page.screenshot({ path: screenshotPath(`map-year-${year}`) })
    }
    expect(seen[0]!.labels).toEqual(seen[1]!.labels)
    expect(seen[0]!.height).toBe(seen[1]!.height)
    // The classes are those of every county's values over all years; 2024's fills follow them.
    const db = await zhejiangDb()
    const classes = await classesOverYears(db)
    expect(seen[0]!.labels).toEqual(classes.map((c) => c.label))
    const rows = await db.query<RankingRow>(rankingQuery(share, { province: '330000', year: 2024 }))
    const fills = await map
      .locator('path[data-code]')
      .evaluateAll((paths) => paths.map((p) => [p.getAttribute('data-code')!, p.getAttribute('fill')!] as const))
    expect(new Map(fills)).toEqual(regionColors(rows, classes))
  })
})

// The county page's 学校 section on the bundled (simulated) schools: the school file is fetched
// only once the section is opened, its 差异系数 equal the 办法's enrolment-weighted formula
// computed here in native DuckDB from the same file with SQL of this test's own, its list has
// every school, and a broken file is said in Chinese in the section alone.
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshotPath } from '../support/browser.ts'
import { openSite } from '../support/site.ts'
import { SITE_DIR } from '../support/staticServer.ts'

const CODE = '430121'
// The file the page was served (the build's copy of public/data): the layer may be regenerated meanwhile.
const FILE = join(SITE_DIR, 'data', 'schools', '430000.parquet')

/** Which 学段 have a part in each section, and the other part that shares a whole-school resource. */
const SECTIONS = {
  pri: { stages: ['小学', '教学点', '九年一贯制学校'], counted: ['小学', '九年一贯制学校'] },
  jun: { stages: ['初中', '九年一贯制学校', '完全中学'], counted: ['初中', '九年一贯制学校', '完全中学'] },
} as const

async function native<T>(sql: string): Promise<T[]> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect()
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[]
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')

/**
 * 生均教学及辅助用房面积's coefficient: X_i = the school's area ÷ all its pupils (so each part
 * of a 九年一贯制学校 or 完全中学 gets the whole school's figure), P_i the section's pupils,
 * X̄ = Σ P_i X_i / Σ P_i, S = sqrt(Σ P_i (X_i − X̄)² / Σ P_i), CV = S / X̄.
 */
async function buildingAreaCv(section: keyof typeof SECTIONS, year: number): Promise<number> {
  const [row] = await native<{ cv: number }>(`
    WITH s AS (
      SELECT ${section}_enrol AS p,
        building_area / (COALESCE(pri_enrol, 0) + COALESCE(jun_enrol, 0) + COALESCE(sh_enrol, 0)) AS x
      FROM read_parquet('${FILE}')
      WHERE code = '${CODE}' AND year = ${year} AND stage IN (${list(SECTIONS[section].counted)})
        AND ${section}_enrol > 0 AND building_area IS NOT NULL
    ), m AS (SELECT sum(p * x) / sum(p) AS mean FROM s)
    SELECT sqrt(sum(p * (x - mean) * (x - mean)) / sum(p)) / any_value(mean) AS cv FROM s, m`)
  return Number(row!.cv)
}

const schoolFiles = (requested: readonly string[]) => requested.filter((p) => p.includes('/data/schools/'))

/** Opens the county cold and waits until its own work is done: engine up, figures and trends painted. */
async function openCounty(page: Page, url: string): Promise<string[]> {
  const requested: string[] = []
  page.on('request', (r) => requested.push(new URL(r.url()).pathname))
  await page.goto(`${url}#/county/${CODE}`)
  await page.waitForFunction(
    () => ['duckdb-ready', 'content-painted'].every((m) => performance.getEntriesByName(m).length > 0),
    null,
    { timeout: 120_000 },
  )
  await page.locator('[data-testid="trend-grid"], [data-testid="schools"]').first().waitFor({ timeout: 60_000 })
  return requested
}

describe('county page: 学校 section', () => {
  const site = openSite()

  it('fetches no school file until the section is opened, then shows the weighted 差异系数 of the formula', async () => {
    const page = site.page
    const requested = await openCounty(page, site.server.url)
    await page.waitForTimeout(1500)
    // The log records the page's data files, and none of them is a school file yet.
    expect(requested.some((p) => p.endsWith('/data/panel/430000.parquet'))).toBe(true)
    expect(schoolFiles(requested)).toEqual([])

    await page.locator('[data-testid="schools"]').scrollIntoViewIfNeeded()
    const year = Number(await page.locator('[data-testid="year-select"]').inputValue())
    for (const section of ['pri', 'jun'] as const) {
      const cell = page.locator(
        `[data-testid="school-cv-${section}"] tr[data-indicator="building_area"] [data-testid="cv"]`,
      )
      await cell.waitFor({ timeout: 120_000 })
      const cv = await buildingAreaCv(section, year)
      expect(cv).toBeGreaterThan(0.05)
      expect(await cell.textContent(), section).toBe((Math.round(cv * 1000) / 1000).toFixed(3))
    }
    expect(schoolFiles(requested)).toEqual(['/data/schools/430000.parquet'])
    await page.screenshot({ path: screenshotPath('county-schools') })
  })

  it('says once that the schools are simulated, and never shows an undefined coefficient as 0', async () => {
    const text = (await site.page.locator('[data-testid="schools"]').innerText()).replace(/\s+/g, '')
    expect(text.split('模拟数据').length - 1).toBe(1)
    const cvs = await site.page.locator('[data-testid="schools"] [data-testid="cv"]').allTextContents()
    expect(cvs).toHaveLength(16)
    for (const t of cvs) expect(t).toMatch(/^(0\.\d{3}|1\.\d{3}|仅1所学校，无法计算|无数据|均值为0，无法计算)$/)
    expect(cvs).not.toContain('0.000')
  })

  it('lists every school of each section that year, all of them when printed', async () => {
    const page = site.page
    const year = Number(await page.locator('[data-testid="year-select"]').inputValue())
    await page.emulateMedia({ media: 'print' })
    try {
      const ids: string[] = []
      for (const section of ['pri', 'jun'] as const) {
        const [{ n }] = (await native<{ n: string }>(
          `SELECT count(*) AS n FROM read_parquet('${FILE}') WHERE code = '${CODE}' AND year = ${year} AND stage IN (${list(SECTIONS[section].stages)})`,
        )) as [{ n: string }]
        const rows = page.locator(`[data-testid="school-list-${section}"] tbody tr[data-code]`)
        await expect.poll(() => rows.count(), { message: section }).toBe(Number(n))
        ids.push(...(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')!))))
      }
      const [{ n }] = (await native<{ n: string }>(
        `SELECT count(*) AS n FROM read_parquet('${FILE}') WHERE code = '${CODE}' AND year = ${year} AND stage <> '高级中学'`,
      )) as [{ n: string }]
      expect(new Set(ids).size).toBe(Number(n))
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })
})

describe('county page: a broken school file', () => {
  const site = openSite({ files: { 'data/schools/430000.parquet': 'not a parquet file' } })

  it('says in the section which file could not be read, and the rest of the page stays', async () => {
    const page = site.page
    await openCounty(page, site.server.url)
    await page.locator('[data-testid="schools"]').scrollIntoViewIfNeeded()
    const alert = page.locator('[data-testid="schools"] [role="alert"]')
    await alert.waitFor({ timeout: 120_000 })
    expect(await alert.textContent()).toMatch(
      /^学校数据未能读取：数据文件 data\/schools\/430000\.parquet 无法读取：不是有效的 Parquet 文件/,
    )
    expect(await page.locator('[data-testid="kpi-cards"] article').count()).toBeGreaterThan(0)
    expect(await page.locator('[role="alert"]').count()).toBe(1)
  })
})

// The bench's import of one file per year: a whole province's ten yearly CSVs picked at once,
// checked, accepted, timed from the pick to the notice that the data is shown.
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { writeYearCsvs } from '../test/support/importFixtures.ts'

export const YEAR_FILES = { province: '430000', years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] }
/** Budget of the whole step, ms (issue 20). */
export const YEAR_FILES_BUDGET = 5000

/** The ten files, written afresh in the temp folder; their paths. */
export function yearFiles(): Promise<string[]> {
  const dir = join(tmpdir(), 'county-edu-bench-years')
  mkdirSync(dir, { recursive: true })
  return writeYearCsvs(dir, YEAR_FILES.province, YEAR_FILES.years)
}

/** One run: ms from the pick to the notice, and from the notice to the province page's ranking of the imported rows. */
export interface YearImport {
  accepted: number
  province: number
}

/**
 * One run in a fresh context: once the engine is up, the files are picked, checked and
 * accepted as a user clicks, then the province page is opened. Its indicators are ranked
 * when it asks (not at the accept), so that step is timed too.
 */
export async function measureYearImport(browser: Browser, url: string, paths: readonly string[]): Promise<YearImport> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const page = await context.newPage()
  await page.goto(`${url}#/import`)
  // The import is measured on its own, not overlapping the engine's start.
  await page.waitForFunction(() => performance.getEntriesByName('duckdb-ready').length > 0, null, { timeout: 120_000 })
  const start = performance.now()
  await page.locator('[data-testid="import-input"]').setInputFiles([...paths])
  await page.locator('[data-testid="import-check"]:not([disabled])').click({ timeout: 60_000 })
  await page.locator('[data-testid="import-accept"]:not([disabled])').click({ timeout: 60_000 })
  await page.locator('[data-testid="import-notice"]').waitFor({ timeout: 60_000 })
  const accepted = performance.now() - start
  await page.evaluate((hash) => (location.hash = hash), `#/province/${YEAR_FILES.province}`)
  await page.locator('main.overview[aria-busy="false"] [data-testid="ranking-table"] tbody tr').first().waitFor({
    timeout: 60_000,
  })
  const province = performance.now() - start - accepted
  await context.close()
  return { accepted, province }
}

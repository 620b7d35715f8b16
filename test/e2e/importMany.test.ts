// Several files picked at once in real Chromium — two yearly CSVs that repeat a county-year
// with another figure, and a workbook whose notes sheet comes before two data sheets — read
// into one report grouped by file and sheet, and accepted in one step.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshotPath } from '../support/browser.ts'
import { workbook } from '../support/importFixtures.ts'
import { openSite } from '../support/site.ts'

const site = openSite()
const HEADER = '行政区划代码,年份,在园幼儿数(人),公办园在园幼儿数(人)'
const rows = (year: number) => [
  ['430121', year, 40000, 24000],
  ['430181', year, 36000, 18000],
]
const report = (p: Page) => p.locator('[data-testid="import-report"]')
const fileCard = (p: Page, name: string) => p.locator(`[data-testid="import-file-${name}"]`)
/** The report's issue rows of one file, each as its text. */
const issuesOf = (p: Page, file: string) =>
  p.locator(`[data-testid="import-issues"] tbody[data-file="${file}"] tr`).allTextContents()

describe('several files at once', () => {
  it('yearly CSVs and a workbook with a notes sheet: every data sheet offered, one report, one accept', async () => {
    const { page, server } = site
    await page.goto(`${server.url}#/import`)
    const book = await workbook([
      { name: '说明', rows: [['填报说明：人数单位为人'], ['数据见后面的工作表']] },
      ...[2021, 2022].map((year) => ({ name: `${year}年`, rows: [HEADER.split(','), ...rows(year)] })),
    ])
    const csv = (lines: string[]) => Buffer.from(`${[HEADER, ...lines].join('\r\n')}\r\n`)
    await page.locator('[data-testid="import-input"]').setInputFiles([
      {
        name: '长沙2021-2022.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: book,
      },
      { name: '2023.csv', mimeType: 'text/csv', buffer: csv(rows(2023).map((r) => r.join(','))) },
      {
        name: '2024.csv',
        mimeType: 'text/csv',
        buffer: csv([...rows(2024).map((r) => r.join(',')), '430181,2023,36500,18000']),
      },
    ])
    await expect.poll(() => page.locator('[data-testid^="import-file-"]').count()).toBe(3)
    const sheets = fileCard(page, '长沙2021-2022.xlsx').locator('[data-testid="import-sheets"] li')
    expect(await sheets.allTextContents()).toEqual([
      expect.stringContaining('工作表“2021年”（2 行）'),
      expect.stringContaining('工作表“2022年”（2 行）'),
      expect.stringContaining('跳过工作表“说明”：没有可识别的表头'),
    ])
    expect(
      await sheets.locator('input[type="checkbox"]').evaluateAll((b) => b.map((x) => (x as HTMLInputElement).checked)),
    ).toEqual([true, true])
    await page.screenshot({ path: screenshotPath('import-many-files'), fullPage: true })

    await page.locator('[data-testid="import-check"]:not([disabled])').click()
    await report(page).waitFor({ timeout: 60_000 })
    const files = await report(page).locator('table.files tbody tr').allTextContents()
    expect(files.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^长沙2021-2022\.xlsx ?2021年 ?2 ?2 ?0 ?0$/),
      expect.stringMatching(/^长沙2021-2022\.xlsx ?2022年 ?2 ?2 ?0 ?0$/),
      expect.stringMatching(/^2023\.csv ?UTF-8 ?2 ?2 ?0 ?0$/),
      expect.stringMatching(/^2024\.csv ?UTF-8 ?3 ?2 ?1 ?0$/),
    ])
    // Grouped by file and sheet: the notes sheet passed over, and the repeated county-year in both files.
    const notes = await issuesOf(page, '长沙2021-2022.xlsx')
    expect(notes[0]).toContain('长沙2021-2022.xlsx · 工作表“说明”（1 处）')
    expect(notes[1]).toContain('整张工作表未导入')
    // The workbook's group comes first, as its file does.
    expect(await page.locator('[data-testid="import-issues"] tbody').first().getAttribute('data-file')).toBe(
      '长沙2021-2022.xlsx',
    )
    expect((await issuesOf(page, '2024.csv')).join('\n')).toContain(
      '浏阳市2023年的数据重复，且与2023.csv第3行的数值不同：在园幼儿数（2023.csv第3行为36000，本行为36500）',
    )
    expect((await issuesOf(page, '2023.csv')).join('\n')).toContain('浏阳市2023年的数据在2024.csv第4行又出现一次')
    const accept = page.locator('[data-testid="import-accept"]')
    expect(await accept.textContent()).toContain('导入全部 3 个文件中的 8 行有效数据')
    await page.screenshot({ path: screenshotPath('import-many-report'), fullPage: true })

    await accept.click()
    await expect.poll(() => page.locator('[data-testid="import-notice"]').textContent()).toContain('已导入 8 行数据')
    expect(await page.locator('[data-testid="source-badge"]').textContent()).toContain(
      '长沙2021-2022.xlsx、2023.csv、2024.csv',
    )
    await page.locator('[data-testid="clear-user-data"]').click()
    await expect.poll(() => page.locator('[data-testid="source-badge"]').textContent()).toContain('模拟数据')
  })
})

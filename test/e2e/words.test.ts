// The words a leader takes into a meeting, read off the built site: the roll-up's sentences
// (on screen and in the exported text) each name their rule, policy lines read 2020年 and
// 全面消除, the indicator notes give the formula in the template's field names, the summary
// strip numbers 前三 / 后三 with the scope's own ranks and ties, the county trends' legend
// names the province figure for what it is.
import { describe, expect, it } from 'vitest'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { RULES, type Rule } from '../../src/indicators/rules.ts'
import { rankingQuery, type RankingRow } from '../../src/queries/index.ts'
import { screenshotPath } from '../support/browser.ts'
import { downloadedText } from '../support/download.ts'
import { openSiteWithData } from '../support/site.ts'

const site = openSiteWithData()

/** How a sentence names a rule: its title, or the words the documents use for it. */
function subject(rule: Rule): string {
  if (rule.id === 'salary_gap') return '义务教育教师平均工资'
  if (rule.id === 'two_no_decrease') return '两个只增不减'
  return rule.title.replace(/增长率$/, '')
}

const ruleOf = (id: string) => RULES.find((r) => r.id === id)!

describe('words on the pages and in the exports', () => {
  it('names the rule in every sentence of the roll-up, on screen and in the exported text', async () => {
    await site.page.goto(`${site.server.url}#/province/430000/problems?year=2024`)
    const items = site.page.locator('[data-testid="rollup"] > li')
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBeGreaterThan(20)
    const shown = await items.evaluateAll((lis) =>
      lis.map((li) => [
        li.getAttribute('data-rule')!,
        li.querySelector('.sentence')!.textContent!.replace(/在地图上查看$/, ''),
      ]),
    )
    for (const [id, text] of shown) {
      for (const s of text!.split('。').filter((t) => t.trim())) expect(s, id).toContain(subject(ruleOf(id!)))
      expect(text, id).not.toMatch(/(增加|减少)0个/)
    }
    // Every rule is met by all counties somewhere in 2024: its sentence says which rule.
    expect(shown.filter(([, t]) => t!.includes('各区县')).length).toBeGreaterThan(0)
    await site.page.screenshot({ path: screenshotPath('words-rollup') })
    await site.page
      .locator('[data-testid="rollup"] > li')
      .filter({ hasText: '各区县' })
      .first()
      .scrollIntoViewIfNeeded()
    await site.page.screenshot({ path: screenshotPath('words-rollup-met') })

    const text = await downloadedText(site.page, site.page.locator('[data-testid="export-txt"]'))
    const lines = text.lines.filter((l) => /^\d+\. /.test(l))
    expect(lines).toHaveLength(shown.length)
    lines.forEach((line, i) => {
      const id = shown[i]![0]!
      for (const s of line
        .replace(/^\d+\. /, '')
        .split('。')
        .filter(Boolean))
        expect(s, id).toContain(subject(ruleOf(id)))
    })
  })

  it('writes a line in force for one year as that year, and a line of 0 as 全面消除, on the rules page', async () => {
    await site.page.goto(`${site.server.url}#/rules`)
    const table = site.page.locator('[data-testid="rules-table"]')
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60_000 }).toBe(RULES.length)
    const text = (await table.textContent())!
    expect(text).not.toMatch(/(\d{4})年—\1年/)
    expect(text).not.toMatch(/≤0(%|个)/)
    const large = (await table.locator('tr[data-rule="large_class_share"]').textContent())!
    expect(large).toContain('2020年：≤5%')
    expect(large).toContain('2021年起：全面消除')
    expect(await table.locator('tr[data-rule="huge_class_share"]').textContent()).toContain('2018年：≤2%')
    await table.locator('tr[data-rule="large_class_share"]').scrollIntoViewIfNeeded()
    await site.page.screenshot({ path: screenshotPath('words-rules') })
  })

  it('gives the indicator’s formula in the template’s field names and its lines by year', async () => {
    await site.page.goto(`${site.server.url}#/province/430000?indicator=kg_public_share&year=2024`)
    const info = site.page.locator('[data-testid="indicator-info"]')
    await info.locator('summary').click({ timeout: 60_000 })
    const text = (await info.textContent())!
    expect(text).toContain('公办园在园幼儿数 ÷ 在园幼儿数 × 100')
    expect(text).not.toMatch(/[a-z]+_[a-z_]+/)
    expect(text).toContain('按合计数计算')

    await site.page.goto(`${site.server.url}#/province/430000?indicator=large_class_share&year=2024`)
    await expect.poll(() => info.locator('summary').textContent(), { timeout: 60_000 }).toContain('义务教育大班额比例')
    if (!(await info.evaluate((d) => (d as HTMLDetailsElement).open))) await info.locator('summary').click()
    const large = (await info.textContent())!
    expect(large).toContain('2020年：≤5%')
    expect(large).toContain('2021年起：全面消除')
    expect(large).toContain('（小学56人及以上班级数 + 初中56人及以上班级数）÷（小学班级数 + 初中班级数）× 100')
  })

  it('numbers 前三 and 后三 with the prefecture’s own ranks when a prefecture is chosen', async () => {
    const share = getIndicator('kg_public_share')
    const rows = (
      await site.db.query<RankingRow>(rankingQuery(share, { province: '430000', year: 2024, prefecture: '431200' }))
    ).filter((r) => r.rank_prefecture !== null)
    rows.sort((a, b) => a.rank_prefecture! - b.rank_prefecture! || a.code.localeCompare(b.code))
    const worst = rows.slice(-3).reverse()
    const best = rows.slice(0, 3)
    expect(worst[0]!.rank_prefecture).toBeLessThanOrEqual(rows.length)
    expect(worst[0]!.rank).not.toBe(worst[0]!.rank_prefecture)

    await site.page.goto(`${site.server.url}#/province/430000?indicator=kg_public_share&year=2024&prefecture=431200`)
    const strip = site.page.locator('[data-testid="summary"]')
    const list = (which: string) => strip.locator(`.list ol${which} li`).allTextContents()
    // The names first: the strip shows the page's previous choice until the new one's answers are in.
    const names = (texts: string[]) => texts.map((t) => t.replace(/^(并列)?第\d+/, '').replace(/ .*$/, ''))
    await expect.poll(async () => names(await list('.worst')), { timeout: 60_000 }).toEqual(worst.map((r) => r.name))
    expect(names(await list(':not(.worst)'))).toEqual(best.map((r) => r.name))
    const rankOf = (texts: string[]) => texts.map((t) => /^(?:并列)?第(\d+)/.exec(t)?.[1] ?? t)
    expect(rankOf(await list('.worst'))).toEqual(worst.map((r) => String(r.rank_prefecture)))
    expect(rankOf(await list(':not(.worst)'))).toEqual(best.map((r) => String(r.rank_prefecture)))
    await strip.screenshot({ path: screenshotPath('words-summary-prefecture') })
  })

  it('tells counties tied at the top as 并列第1', async () => {
    const rate = getIndicator('disabled_enrol_rate')
    const rows = await site.db.query<RankingRow>(rankingQuery(rate, { province: '430000', year: 2024 }))
    const tied = rows.filter((r) => r.rank === 1).length
    expect(tied).toBeGreaterThanOrEqual(3)
    await site.page.goto(`${site.server.url}#/province/430000?indicator=${rate.id}&year=2024`)
    const best = site.page.locator('[data-testid="summary"] .list ol:not(.worst) li')
    const top = rows.filter((r) => r.rank === 1).map((r) => r.name)
    // The names first: the strip shows the page's previous choice until the new one's answers are in.
    const onTop = (texts: string[]) => texts.length === 3 && texts.every((t) => top.some((name) => t.includes(name)))
    await expect.poll(async () => onTop(await best.allTextContents()), { timeout: 60_000 }).toBe(true)
    for (const t of await best.allTextContents()) expect(t).toMatch(/^并列第1\D/)
    await site.page.locator('[data-testid="summary"]').screenshot({ path: screenshotPath('words-summary-tied') })
    await site.page.screenshot({ path: screenshotPath('words-province') })
  })

  it('labels the province line of the county trends as computed from totals', async () => {
    await site.page.goto(`${site.server.url}#/county/430121`)
    const legend = site.page.locator('[data-testid="trend-grid"] .legend')
    await legend.waitFor({ timeout: 60_000 })
    const text = (await legend.textContent())!
    expect(text).toContain('全省（按合计数计算）')
    expect(text).not.toContain('比值之和')
    await legend.screenshot({ path: screenshotPath('words-county-legend') })
  })
})

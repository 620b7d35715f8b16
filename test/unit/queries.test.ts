import { beforeAll, describe, expect, it } from 'vitest'
import { getIndicator } from '../../src/indicators/catalog.ts'
import type { Database } from '../../src/db/types.ts'
import { aggregateQuery, countySeriesQuery, rankingQuery, ruleStatusQuery, type AggregateRow, type RankingRow, type RuleStatusRow, type SeriesRow } from '../../src/queries/index.ts'
import { RULES } from '../../src/indicators/rules.ts'
import { provinceRollup } from '../../src/indicators/rollup.ts'
import { createNodeDatabase } from '../support/nodeDb.ts'
import { FIXTURE_PROVINCE, loadFixture } from '../fixtures/panel.ts'

let db: Database
beforeAll(async () => {
  db = await createNodeDatabase()
  await loadFixture(db)
})

const publicShare = getIndicator('kg_public_share')

describe('rankingQuery', () => {
  it('ranks every county of the province, best first, with last year and status', async () => {
    const rows = await db.query<RankingRow>(rankingQuery(publicShare, { province: FIXTURE_PROVINCE, year: 2022 }))
    expect(rows.map((r) => [r.code, r.rank, r.prev_rank, r.status])).toEqual([
      ['990202', 1, 1, '达标'],
      ['990101', 2, 2, '达标'],
      ['990201', 3, 2, '达标'], // exactly 50% meets the 50% line; tied 2nd in 2021
      ['990102', 4, 4, '未达标'],
    ])
    const a = rows.find((r) => r.code === '990101')!
    expect(a.value).toBeCloseTo((5054 / 10086) * 100, 10)
    expect(a.value!.toFixed(1)).toBe('50.1')
    expect(a.change).toBeCloseTo((5054 / 10086) * 100 - 50, 10)
    const b = rows.find((r) => r.code === '990102')!
    expect(b.threshold).toBe(50)
    expect(b.gap).toBeCloseTo(10, 10)
  })

  it('lists a county without data last as 无数据', async () => {
    const rows = await db.query<RankingRow>(rankingQuery(publicShare, { province: FIXTURE_PROVINCE, year: 2023 }))
    expect(rows.map((r) => [r.code, r.rank, r.status])).toEqual([
      ['990201', 1, '达标'],
      ['990101', 2, '达标'],
      ['990102', 3, '未达标'],
      ['990202', null, '无数据'],
    ])
  })

  it('filters to one prefecture and ranks within it', async () => {
    const rows = await db.query<RankingRow>(rankingQuery(publicShare, { province: FIXTURE_PROVINCE, year: 2022, prefecture: '990200' }))
    expect(rows.map((r) => [r.code, r.rank, r.rank_prefecture])).toEqual([
      ['990202', 1, 1],
      ['990201', 3, 2],
    ])
  })

  it('computes growth year on year, as the seeds do', async () => {
    const growth = getIndicator('edu_budget_growth')
    const rows = await db.query<RankingRow>(rankingQuery(growth, { province: FIXTURE_PROVINCE, year: 2023 }))
    const a = rows.find((r) => r.code === '990101')!
    expect(a.value!.toFixed(2)).toBe('1.07')
    const b = rows.find((r) => r.code === '990102')!
    expect(b.value).toBeCloseTo((29000 / 30000 - 1) * 100, 10)
    expect(b.status).toBe('未达标')
  })

  it('computes the teacher–civil servant pay gap', async () => {
    const rows = await db.query<RankingRow>(rankingQuery(getIndicator('salary_gap'), { province: FIXTURE_PROVINCE, year: 2022 }))
    expect(rows.find((r) => r.code === '990101')!.value).toBe(11046)
    expect(rows.find((r) => r.code === '990102')!.status).toBe('未达标')
  })
})

describe('aggregateQuery', () => {
  it('gives the province figure as a ratio of sums, with quartiles across counties', async () => {
    const rows = await db.query<AggregateRow>(aggregateQuery(publicShare, { province: FIXTURE_PROVINCE, by: 'province' }))
    const y2022 = rows.find((r) => r.year === 2022)!
    expect(y2022.figure).toBeCloseTo(((5054 + 4000 + 5000 + 6000) / (10086 + 10000 + 10000 + 8000)) * 100, 10)
    expect(y2022.median).toBeCloseTo((50 + (5054 / 10086) * 100) / 2, 10)
    expect([y2022.counties, y2022.with_data, y2022.pass, y2022.fail]).toEqual([4, 4, 3, 1])
    const y2023 = rows.find((r) => r.year === 2023)!
    expect(y2023.figure).toBeCloseTo(((5100 + 4500 + 5200) / 30000) * 100, 10)
    expect([y2023.counties, y2023.with_data]).toEqual([3, 3])
  })

  it('gives per-prefecture figures', async () => {
    const rows = await db.query<AggregateRow>(aggregateQuery(publicShare, { province: FIXTURE_PROVINCE, by: 'prefecture' }))
    const bing = rows.find((r) => r.scope === '990200' && r.year === 2022)!
    expect(bing.figure).toBeCloseTo((11000 / 18000) * 100, 10)
  })

  it('gives the growth of the province total for growth indicators', async () => {
    const rows = await db.query<AggregateRow>(aggregateQuery(getIndicator('edu_budget_growth'), { province: FIXTURE_PROVINCE, by: 'province' }))
    const y2022 = rows.find((r) => r.year === 2022)!
    expect(y2022.figure).toBeCloseTo(((57314.66 + 30000 + 42000 + 21000) / (55000 + 31000 + 40000 + 20000) - 1) * 100, 10)
  })
})

describe('countySeriesQuery', () => {
  it('returns every indicator by year for one county, with gaps as null', async () => {
    const rows = await db.query<SeriesRow>(countySeriesQuery('990101'))
    const share = rows.filter((r) => r.indicator === 'kg_public_share').map((r) => [r.year, r.rank])
    expect(share).toEqual([[2021, 2], [2022, 2], [2023, 2]])
    const growth = rows.filter((r) => r.indicator === 'edu_budget_growth')
    expect(growth[0]!.value).toBeNull()
    const absent = rows.filter((r) => r.indicator === 'cv_primary')
    expect(absent.every((r) => r.value === null && r.status === '无数据')).toBe(true)
  })
})

describe('ruleStatusQuery', () => {
  const rule = (id: string) => RULES.find((r) => r.id === id)!

  it('counts consecutive years with the same status', async () => {
    const rows = await db.query<RuleStatusRow>(ruleStatusQuery([rule('kg_public_share')], { province: FIXTURE_PROVINCE }))
    const b = rows.filter((r) => r.code === '990102').map((r) => [r.year, r.status, r.streak, r.gap])
    expect(b).toEqual([[2021, '未达标', 1, 12], [2022, '未达标', 2, 10], [2023, '未达标', 3, 5]])
    const d = rows.filter((r) => r.code === '990202').map((r) => [r.year, r.status, r.streak])
    expect(d).toEqual([[2021, '达标', 1], [2022, '达标', 2]])
  })

  it('judges 两个只增不减 on the legs that have values, naming the legs that broke', async () => {
    const rows = await db.query<RuleStatusRow>(ruleStatusQuery([rule('two_no_decrease')], { province: FIXTURE_PROVINCE }))
    const byCode = (code: string) => rows.filter((r) => r.code === code).map((r) => [r.year, r.status, r.failing, r.streak])
    expect(byCode('990101')).toEqual([[2021, '无数据', null, 1], [2022, '达标', null, 1], [2023, '达标', null, 2]])
    expect(byCode('990102')).toEqual([[2021, '无数据', null, 1], [2022, '未达标', 'edu_budget_growth', 1], [2023, '未达标', 'edu_budget_growth', 2]])
  })

  it('evaluates several rules for one county in one statement', async () => {
    const rows = await db.query<RuleStatusRow>(ruleStatusQuery([rule('kg_public_share'), rule('salary_gap'), rule('two_no_decrease')], { province: FIXTURE_PROVINCE, code: '990102' }))
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(['990102']))
    expect(rows.filter((r) => r.rule === 'salary_gap').map((r) => [r.year, r.status, r.gap])).toEqual([[2021, '未达标', 5000], [2022, '未达标', 4000], [2023, '达标', 0]])
  })
})

describe('province problem roll-up', () => {
  it('counts failing counties per rule with the change since last year, in the users’ words', async () => {
    const rows = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: FIXTURE_PROVINCE }))
    const names = new Map([['990101', '甲区'], ['990102', '乙县'], ['990201', '丙市'], ['990202', '丁县']])
    const items = provinceRollup(rows, 2023, names, '全省')
    const share = items.find((i) => i.rule.id === 'kg_public_share')!
    expect([share.failing, share.previousFailing, share.newlyFailing, share.newlyPassing]).toEqual([1, 1, 0, 0])
    expect(share.sentence).toBe('全省有1个区县公办园在园幼儿占比未达到50%，与上年持平')
    expect(share.counties).toEqual([{ code: '990102', name: '乙县', gap: 5, streak: 3, detail: '45.0%，差5.00个百分点' }])
    const two = items.find((i) => i.rule.id === 'two_no_decrease')!
    expect(two.sentence).toBe('全省有1个区县未实现“两个只增不减”，与上年持平')
    expect(two.counties[0]!.detail).toBe('一般公共预算教育支出增长率')
    const pay = items.find((i) => i.rule.id === 'salary_gap')!
    // 乙县 paid teachers 4000 元 less in 2022 and 1000 元 more in 2023.
    expect([pay.failing, pay.previousFailing, pay.newlyPassing]).toEqual([0, 1, 1])
    expect(pay.sentence).toBe('全省各区县均达到要求，比上年减少1个')
  })

  it('narrows to one prefecture', async () => {
    const rows = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: FIXTURE_PROVINCE }))
    const items = provinceRollup(rows, 2022, new Map([['990201', '丙市'], ['990202', '丁县']]), '丙州')
    expect(items.find((i) => i.rule.id === 'kg_public_share')!.sentence).toBe('丙州各区县均达到要求，与上年持平')
  })
})

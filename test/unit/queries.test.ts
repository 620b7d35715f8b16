import { beforeAll, describe, expect, it } from 'vitest'
import { getIndicator, INDICATORS } from '../../src/indicators/catalog.ts'
import type { Database } from '../../src/db/types.ts'
import {
  aggregateQuery,
  countySeriesQuery,
  rankingQueries,
  rankingQuery,
  rankingsByYear,
  rankingYearsQuery,
  rollupStatusQuery,
  rulesAhead,
  ruleStatusQuery,
  type AggregateRow,
  type RankingRow,
  type RankingYearRow,
  type RuleStatusRow,
  type SeriesRow,
} from '../../src/queries/index.ts'
import { RULES } from '../../src/indicators/rules.ts'
import { provinceRollup } from '../../src/indicators/rollup.ts'
import { createNodeDatabase } from '../support/nodeDb.ts'
import { BOUNDARY_PROVINCE, FIXTURE_PROVINCE, loadFixture } from '../fixtures/panel.ts'
import { countyProblems } from '../../src/indicators/problems.ts'
import { STORED_DECIMALS } from '../../src/indicators/precision.ts'

/** A value as SQL stores it: rounded to STORED_DECIMALS. */
const stored = (x: number) => Math.round(x * 10 ** STORED_DECIMALS) / 10 ** STORED_DECIMALS

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
    expect(a.value).toBeCloseTo(stored((5054 / 10086) * 100), 9)
    expect(a.value!.toFixed(1)).toBe('50.1')
    expect(a.change).toBeCloseTo(stored((5054 / 10086) * 100 - 50), 9)
    const b = rows.find((r) => r.code === '990102')!
    expect(b.threshold).toBe(50)
    expect(b.gap).toBeCloseTo(stored(10), 9)
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
    const rows = await db.query<RankingRow>(
      rankingQuery(publicShare, { province: FIXTURE_PROVINCE, year: 2022, prefecture: '990200' }),
    )
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
    expect(b.value).toBeCloseTo(stored((29000 / 30000 - 1) * 100), 9)
    expect(b.status).toBe('未达标')
  })

  it('computes the teacher–civil servant pay gap', async () => {
    const rows = await db.query<RankingRow>(
      rankingQuery(getIndicator('salary_gap'), { province: FIXTURE_PROVINCE, year: 2022 }),
    )
    expect(rows.find((r) => r.code === '990101')!.value).toBe(11046)
    expect(rows.find((r) => r.code === '990102')!.status).toBe('未达标')
  })
})

describe('rankingYearsQuery', () => {
  it('gives, split by year, every year’s rankingQuery rows exactly, for every indicator', async () => {
    const years = (
      await db.query<{ year: number }>({ sql: 'SELECT DISTINCT year FROM panel ORDER BY year', params: [] })
    ).map((r) => r.year)
    // A year without data still lists every county, as 无数据.
    const asked = [...years, years.at(-1)! + 1]
    expect(years.length).toBeGreaterThan(2)
    for (const province of [FIXTURE_PROVINCE, BOUNDARY_PROVINCE]) {
      for (const ind of INDICATORS) {
        const split = rankingsByYear(await db.query<RankingYearRow>(rankingYearsQuery(ind, province, asked)), asked)
        expect(rankingQueries(ind, province, asked)).toEqual(asked.map((year) => rankingQuery(ind, { province, year })))
        for (const [i, year] of asked.entries()) {
          expect(split[i], `${province} ${ind.id} ${year}`).toEqual(
            await db.query<RankingRow>(rankingQuery(ind, { province, year })),
          )
        }
      }
    }
  })
})

describe('rulesAhead', () => {
  it('gives, split by county, each county’s ruleStatusQuery rows exactly, streaks included, and each year’s roll-up’s', async () => {
    for (const province of [FIXTURE_PROVINCE, BOUNDARY_PROVINCE]) {
      const codes = (
        await db.query<{ code: string }>({
          sql: 'SELECT code FROM counties WHERE province_code = ? ORDER BY code',
          params: [province],
        })
      ).map((r) => r.code)
      const years = (
        await db.query<{ year: number }>({
          sql: 'SELECT DISTINCT year FROM panel WHERE code LIKE ? ORDER BY year',
          params: [`${province.slice(0, 2)}%`],
        })
      ).map((r) => r.year)
      const ahead = rulesAhead(RULES, province, years, codes)
      const parts = ahead.answers.split(await db.query<RuleStatusRow>(ahead.query))
      // The very statements (so the cache keys) the roll-up and each county page ask.
      expect(ahead.answers.queries).toEqual([
        ...years.map((y) => rollupStatusQuery(RULES, province, y)),
        ...codes.map((code) => ruleStatusQuery(RULES, { province, code })),
      ])
      for (const [i, q] of ahead.answers.queries.entries()) {
        const own = await db.query<RuleStatusRow>(q)
        expect(own.length, `${province} ${q.params.join(' ')}`).toBeGreaterThan(0)
        expect(parts[i], `${province} ${q.params.join(' ')}`).toEqual(own)
      }
    }
  })
})

describe('aggregateQuery', () => {
  it('gives the province figure as a ratio of sums, with quartiles across counties', async () => {
    const rows = await db.query<AggregateRow>(
      aggregateQuery(publicShare, { province: FIXTURE_PROVINCE, by: 'province' }),
    )
    const y2022 = rows.find((r) => r.year === 2022)!
    expect(y2022.figure).toBeCloseTo(stored(((5054 + 4000 + 5000 + 6000) / (10086 + 10000 + 10000 + 8000)) * 100), 9)
    expect(y2022.median).toBeCloseTo(stored((50 + (5054 / 10086) * 100) / 2), 9)
    expect([y2022.counties, y2022.with_data, y2022.pass, y2022.fail]).toEqual([4, 4, 3, 1])
    const y2023 = rows.find((r) => r.year === 2023)!
    expect(y2023.figure).toBeCloseTo(stored(((5100 + 4500 + 5200) / 30000) * 100), 9)
    expect([y2023.counties, y2023.with_data]).toEqual([3, 3])
  })

  it('gives per-prefecture figures', async () => {
    const rows = await db.query<AggregateRow>(
      aggregateQuery(publicShare, { province: FIXTURE_PROVINCE, by: 'prefecture' }),
    )
    const bing = rows.find((r) => r.scope === '990200' && r.year === 2022)!
    expect(bing.figure).toBeCloseTo(stored((11000 / 18000) * 100), 9)
  })

  it('gives the growth of the province total for growth indicators', async () => {
    const rows = await db.query<AggregateRow>(
      aggregateQuery(getIndicator('edu_budget_growth'), { province: FIXTURE_PROVINCE, by: 'province' }),
    )
    const y2022 = rows.find((r) => r.year === 2022)!
    expect(y2022.figure).toBeCloseTo(
      stored(((57314.66 + 30000 + 42000 + 21000) / (55000 + 31000 + 40000 + 20000) - 1) * 100),
      9,
    )
  })
})

describe('countySeriesQuery', () => {
  it('returns every indicator by year for one county, with gaps as null', async () => {
    const rows = await db.query<SeriesRow>(countySeriesQuery('990101'))
    const share = rows.filter((r) => r.indicator === 'kg_public_share').map((r) => [r.year, r.rank])
    expect(share).toEqual([
      [2021, 2],
      [2022, 2],
      [2023, 2],
    ])
    const growth = rows.filter((r) => r.indicator === 'edu_budget_growth')
    expect(growth[0]!.value).toBeNull()
    const absent = rows.filter((r) => r.indicator === 'cv_primary')
    expect(absent.every((r) => r.value === null && r.status === '无数据')).toBe(true)
  })
})

describe('ruleStatusQuery', () => {
  const rule = (id: string) => RULES.find((r) => r.id === id)!

  it('counts consecutive years with the same status', async () => {
    const rows = await db.query<RuleStatusRow>(
      ruleStatusQuery([rule('kg_public_share')], { province: FIXTURE_PROVINCE }),
    )
    const b = rows.filter((r) => r.code === '990102').map((r) => [r.year, r.status, r.streak, r.gap])
    expect(b).toEqual([
      [2021, '未达标', 1, 12],
      [2022, '未达标', 2, 10],
      [2023, '未达标', 3, 5],
    ])
    const d = rows.filter((r) => r.code === '990202').map((r) => [r.year, r.status, r.streak])
    expect(d).toEqual([
      [2021, '达标', 1],
      [2022, '达标', 2],
    ])
  })

  it('judges 两个只增不减 on the legs that have values, naming the legs that broke', async () => {
    const rows = await db.query<RuleStatusRow>(
      ruleStatusQuery([rule('two_no_decrease')], { province: FIXTURE_PROVINCE }),
    )
    const byCode = (code: string) =>
      rows.filter((r) => r.code === code).map((r) => [r.year, r.status, r.failing, r.streak])
    expect(byCode('990101')).toEqual([
      [2021, '无数据', null, 1],
      [2022, '达标', null, 1],
      [2023, '达标', null, 2],
    ])
    expect(byCode('990102')).toEqual([
      [2021, '无数据', null, 1],
      [2022, '未达标', 'edu_budget_growth', 1],
      [2023, '未达标', 'edu_budget_growth', 2],
    ])
  })

  it('evaluates several rules for one county in one statement', async () => {
    const rows = await db.query<RuleStatusRow>(
      ruleStatusQuery([rule('kg_public_share'), rule('salary_gap'), rule('two_no_decrease')], {
        province: FIXTURE_PROVINCE,
        code: '990102',
      }),
    )
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(['990102']))
    expect(rows.filter((r) => r.rule === 'salary_gap').map((r) => [r.year, r.status, r.gap])).toEqual([
      [2021, '未达标', 5000],
      [2022, '未达标', 4000],
      [2023, '达标', 0],
    ])
  })
})

describe('rule lines across a policy change and a 基本达标 band (边界省)', () => {
  const rule = (id: string) => RULES.find((r) => r.id === id)!
  const judge = async (ids: readonly string[]) =>
    db.query<RuleStatusRow>(ruleStatusQuery(ids.map(rule), { province: BOUNDARY_PROVINCE }))
  const byCounty = (rows: readonly RuleStatusRow[], id: string, code: string) =>
    rows.filter((r) => r.rule === id && r.code === code).map((r) => [r.year, r.threshold, r.status])

  it('judges 毛入园率 against 85% in 2020 and 90% from 2021; a value on the line passes', async () => {
    const rows = await judge(['kg_gross_enrol_rate'])
    expect(byCounty(rows, 'kg_gross_enrol_rate', '980101')).toEqual([
      [2020, 85, '达标'],
      [2021, 90, '未达标'],
    ])
    expect(rows.find((r) => r.code === '980101' && r.year === 2021)!.gap).toBeCloseTo(stored(3), 9)
    expect(byCounty(rows, 'kg_gross_enrol_rate', '980102')).toEqual([
      [2020, 85, '达标'],
      [2021, 90, '达标'],
    ])
    expect(byCounty(rows, 'kg_gross_enrol_rate', '980103')).toEqual([
      [2020, 85, '未达标'],
      [2021, 90, '达标'],
    ])
  })

  it('gives 差异系数 0.60 基本达标, 0.70 未达标, 0.50 达标, and the band’s edge 0.65 基本达标', async () => {
    const rows = await judge(['cv_primary', 'cv_junior', 'balanced_cv'])
    expect(byCounty(rows, 'cv_primary', '980101')).toEqual([
      [2020, 0.5, '基本达标'],
      [2021, 0.5, '基本达标'],
    ])
    expect(rows.find((r) => r.rule === 'cv_primary' && r.code === '980101' && r.year === 2021)!.streak).toBe(2)
    expect(byCounty(rows, 'cv_primary', '980102')).toEqual([
      [2020, 0.5, '达标'],
      [2021, 0.5, '达标'],
    ])
    expect(byCounty(rows, 'cv_primary', '980103')).toEqual([
      [2020, 0.5, '基本达标'],
      [2021, 0.5, '未达标'],
    ])
    expect(byCounty(rows, 'cv_junior', '980103')).toEqual([
      [2020, 0.45, '基本达标'],
      [2021, 0.45, '未达标'],
    ])
    const both = (code: string) =>
      rows.filter((r) => r.rule === 'balanced_cv' && r.code === code).map((r) => [r.year, r.status, r.failing])
    expect(both('980101')).toEqual([
      [2020, '基本达标', null],
      [2021, '基本达标', null],
    ])
    expect(both('980102')).toEqual([
      [2020, '达标', null],
      [2021, '达标', null],
    ])
    expect(both('980103')).toEqual([
      [2020, '基本达标', null],
      [2021, '未达标', 'cv_junior,cv_primary'],
    ])
  })

  it('judges 班额 and 每百名学生高学历教师数 on the line and just past it', async () => {
    const rows = await judge(['pri_class_size', 'jun_class_size', 'pri_high_edu_per100', 'jun_high_edu_per100'])
    for (const id of ['pri_class_size', 'jun_class_size', 'pri_high_edu_per100', 'jun_high_edu_per100']) {
      expect(
        byCounty(rows, id, '980101').map(([year, , status]) => [year, status]),
        id,
      ).toEqual([
        [2020, '达标'],
        [2021, '未达标'],
      ])
      expect(
        byCounty(rows, id, '980102').map(([, , status]) => status),
        id,
      ).toEqual(['无数据', '无数据'])
    }
  })

  it('tells 基本达标 after 未达标 in a county’s problems, and nothing for 达标', async () => {
    const rows = await judge(['cv_primary', 'kg_gross_enrol_rate'])
    const sentences = (code: string, year: number) =>
      countyProblems(
        rows.filter((r) => r.code === code),
        year,
      ).map((p) => [p.status, p.sentence])
    expect(sentences('980101', 2021)).toEqual([
      ['未达标', '2021年学前三年毛入园率为87.0%，低于90%的要求，差距3.00个百分点'],
      [
        '基本达标',
        '2021年小学校际差异系数为0.600，达到≤0.65的基本达标标准，未达到≤0.5的要求，差距0.100，已连续2年基本达标',
      ],
    ])
    expect(sentences('980103', 2021)).toEqual([
      ['未达标', '2021年小学校际差异系数为0.700，高于0.5的要求，差距0.200，也未达到≤0.65的基本达标标准'],
    ])
    expect(sentences('980102', 2021)).toEqual([])
  })

  it('rolls up 未达标 beyond the band and counts 基本达标 apart', async () => {
    const rows = await judge(['cv_primary', 'balanced_cv', 'kg_gross_enrol_rate'])
    const names = new Map([
      ['980101', '戊县'],
      ['980102', '己县'],
      ['980103', '庚县'],
    ])
    const at = (year: number, id: string) => provinceRollup(rows, year, names, '全省').find((i) => i.rule.id === id)!
    const cv2021 = at(2021, 'cv_primary')
    expect([cv2021.judged, cv2021.failing, cv2021.basic, cv2021.failingShare]).toEqual([3, 1, 1, (1 / 3) * 100])
    expect(cv2021.sentence).toBe(
      '全省有1个区县（占33.3%）小学校际差异系数高于0.65，未达到基本达标标准，未达标区县比上年增加1个；另有1个区县基本达标（≤0.65），未达到≤0.5的要求',
    )
    expect(at(2020, 'cv_primary').sentence).toBe(
      '全省各区县小学校际差异系数均达到基本达标标准，其中2个区县基本达标（≤0.65），未达到≤0.5的要求',
    )
    expect(at(2021, 'balanced_cv').sentence).toBe(
      '全省有1个区县（占33.3%）优质均衡校际差异系数未达到基本达标标准，未达标区县比上年增加1个；另有1个区县基本达标',
    )
    const enrol = at(2021, 'kg_gross_enrol_rate')
    expect([enrol.failing, enrol.newlyFailing, enrol.newlyPassing]).toEqual([1, 1, 1])
    expect(enrol.sentence).toBe(
      '全省有1个区县（占33.3%）学前三年毛入园率未达到90%，未达标区县数与上年持平（新增1个，转为达标1个）',
    )
  })
})

describe('province problem roll-up', () => {
  it('counts failing counties per rule with the change since last year, in the users’ words', async () => {
    const rows = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: FIXTURE_PROVINCE }))
    const names = new Map([
      ['990101', '甲区'],
      ['990102', '乙县'],
      ['990201', '丙市'],
      ['990202', '丁县'],
    ])
    const items = provinceRollup(rows, 2023, names, '全省')
    const share = items.find((i) => i.rule.id === 'kg_public_share')!
    expect([share.failing, share.previousFailing, share.newlyFailing, share.newlyPassing]).toEqual([1, 1, 0, 0])
    expect(share.sentence).toBe('全省有1个区县（占33.3%）公办园在园幼儿占比未达到50%，未达标区县数与上年持平')
    expect(share.counties).toEqual([
      { code: '990102', name: '乙县', gap: 5, streak: 3, detail: '45.0%，差5.00个百分点' },
    ])
    const two = items.find((i) => i.rule.id === 'two_no_decrease')!
    expect(two.sentence).toBe('全省有1个区县（占33.3%）未实现“两个只增不减”，未达标区县数与上年持平')
    expect(two.counties[0]!.detail).toBe('一般公共预算教育支出增长率')
    const pay = items.find((i) => i.rule.id === 'salary_gap')!
    // 乙县 paid teachers 4000 元 less in 2022 and 1000 元 more in 2023.
    expect([pay.failing, pay.previousFailing, pay.newlyPassing]).toEqual([0, 1, 1])
    expect(pay.sentence).toBe('全省各区县义务教育教师平均工资均不低于当地公务员，未达标区县比上年减少1个')
  })

  it('narrows to one prefecture', async () => {
    const rows = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: FIXTURE_PROVINCE }))
    const items = provinceRollup(
      rows,
      2022,
      new Map([
        ['990201', '丙市'],
        ['990202', '丁县'],
      ]),
      '丙州',
    )
    expect(items.find((i) => i.rule.id === 'kg_public_share')!.sentence).toBe(
      '丙州各区县公办园在园幼儿占比均达到要求（≥50%），上年也无未达标区县',
    )
  })
})

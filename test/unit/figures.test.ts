// The edges of the figures (issue: figures a leader can take into a meeting), on the real
// engine with a panel small enough to check by hand: 测验省 (970000), one prefecture, four
// counties, 2016–2018.
//   小学校际差异系数 reported 0.354 by 970101/970102/970103 (在校生 4321, 3333, 5555): cv ×
//     在校生 ÷ 在校生 gives 0.354, 0.3539999999999999, 0.354; 970104 reports 0.398, and in
//     2017 970101–970104 report 0.398 / 0.399 / 0.398 / 0.399 (median exactly 0.3985).
//   一般公共预算教育支出 (万元): 970101 1000 → 1100 → 1210, 970102 1000 → (missing) → 900,
//     970103 2000 → 2000 → 2000, 970104 500 → 450 → 500.
//   学前三年毛入园率 2018: 970101 84957 / 100000 = 84.957% (against ≥85%).
//   教师与公务员工资差额 (元): 970104 −4 in 2017, 1556 in 2018.
//   小学在校生 of 970104: 1000, 5000, 1000 (a spike in 2017); 小学专任教师 100 each year.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/types.ts'
import { SCHEMA_SQL } from '../../src/db/schema.ts'
import { getIndicator, INDICATORS } from '../../src/indicators/catalog.ts'
import { doubtText } from '../../src/indicators/doubts.ts'
import { formatChange, formatValue } from '../../src/indicators/format.ts'
import { fillValuesQuery } from '../../src/queries/indicatorSql.ts'
import {
  aggregateQuery,
  countySeriesQuery,
  rankingQuery,
  type AggregateRow,
  type RankingRow,
  type SeriesRow,
} from '../../src/queries/index.ts'
import { createNodeDatabase } from '../support/nodeDb.ts'

const P = '970000'
const columns = [
  'code',
  'year',
  'pri_enrol',
  'cv_primary',
  'edu_budget',
  'budget_total',
  'kg_enrol',
  'pop_3_5',
  'teacher_salary',
  'civil_salary',
  'pri_teachers',
  'jun_teachers',
] as const
type Row = [string, number, number, number, number | null, number, number, number, number, number, number, number]
const rows: Row[] = [
  ['970101', 2016, 4321, 0.354, 1000, 10000, 900, 1000, 70000, 70000, 100, 0],
  ['970101', 2017, 4321, 0.398, 1100, 10000, 900, 1000, 70000, 70000, 100, 0],
  ['970101', 2018, 4321, 0.354, 1210, 10000, 84957, 100000, 70000, 70000, 100, 0],
  ['970102', 2016, 3333, 0.354, 1000, 10000, 900, 1000, 70000, 70000, 100, 0],
  ['970102', 2017, 3333, 0.399, null, 10000, 900, 1000, 70000, 70000, 100, 0],
  ['970102', 2018, 3333, 0.354, 900, 10000, 900, 1000, 70000, 70000, 100, 0],
  ['970103', 2016, 5555, 0.354, 2000, 10000, 900, 1000, 70000, 70000, 100, 0],
  ['970103', 2017, 5555, 0.398, 2000, 10000, 900, 1000, 70000, 70000, 100, 0],
  ['970103', 2018, 5555, 0.354, 2000, 10000, 900, 1000, 70000, 70000, 100, 0],
  ['970104', 2016, 1000, 0.398, 500, 10000, 900, 1000, 70000, 70000, 100, 0],
  ['970104', 2017, 5000, 0.399, 450, 10000, 900, 1000, 69996, 70000, 100, 0],
  ['970104', 2018, 1000, 0.398, 500, 10000, 900, 1000, 71556, 70000, 100, 0],
]

let db: Database
beforeAll(async () => {
  db = await createNodeDatabase()
  for (const sql of SCHEMA_SQL) await db.exec(sql)
  const counties = ['970101', '970102', '970103', '970104'].map(
    (c, i) => `('${c}', '测${i}县', '970100', '测市', '${P}', '测验省', '县', 100000, true, 'c${i}')`,
  )
  await db.exec(`INSERT INTO counties VALUES ${counties.join(', ')}`)
  const values = rows.map(
    (r) => `(${r.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : v)).join(', ')})`,
  )
  await db.exec(`INSERT INTO panel (${columns.join(', ')}) VALUES ${values.join(', ')}`)
  await db.query(fillValuesQuery(INDICATORS, P))
})

const ranking = (id: string, year: number) =>
  db.query<RankingRow>(rankingQuery(getIndicator(id), { province: P, year }))
const byCode = (rs: readonly RankingRow[], code: string) => rs.find((r) => r.code === code)!
const provinceFigures = async (id: string) =>
  (await db.query<AggregateRow>(aggregateQuery(getIndicator(id), { province: P, by: 'province' }))).filter(
    (a) => a.scope === P,
  )

describe('figures at their edges', () => {
  it('ties equal reported values however the parts divide (0.354 three times ranks 1, 1, 1)', async () => {
    const rs = await ranking('cv_primary', 2016)
    for (const code of ['970101', '970102', '970103']) {
      expect(byCode(rs, code).value).toBe(0.354)
      expect(byCode(rs, code).rank).toBe(1)
    }
    expect(byCode(rs, '970104').rank).toBe(4)
  })

  it('stores a median half-way between two values as that decimal, shown rounded away from zero', async () => {
    const y2017 = (await provinceFigures('cv_primary')).find((a) => a.year === 2017)!
    expect(y2017.median).toBe(0.3985)
    expect(formatValue(y2017.median, getIndicator('cv_primary'))).toBe('0.399')
  })

  it('computes the province growth over the counties with both years, and counts those left out', async () => {
    const figures = await provinceFigures('edu_budget_growth')
    const y2017 = figures.find((a) => a.year === 2017)!
    // 970102 has no 2017 budget: 970101, 970103, 970104 give (1100 + 2000 + 450) ÷ (1000 + 2000 + 500).
    expect(y2017.figure).toBeCloseTo(((1100 + 2000 + 450) / (1000 + 2000 + 500) - 1) * 100, 6)
    expect(y2017.left_out).toBe(1)
    const y2018 = figures.find((a) => a.year === 2018)!
    expect(y2018.figure).toBeCloseTo(((1210 + 2000 + 500) / (1100 + 2000 + 450) - 1) * 100, 6)
    expect(y2018.left_out).toBe(1)
    expect(figures.find((a) => a.year === 2016)!.figure).toBeNull()
    expect((await provinceFigures('edu_budget')).every((a) => a.left_out === 0)).toBe(true)
  })

  it('judges a value short of the line and shows it with the digits that say so', async () => {
    const row = byCode(await ranking('kg_gross_enrol_rate', 2018), '970101')
    expect(row.value).toBe(84.957)
    expect(row.status).toBe('未达标')
    expect(formatValue(row.value, getIndicator('kg_gross_enrol_rate'), 2018)).toBe('84.96%')
  })

  it('gives no % change from a base of 0 or less: a pay gap from −4元 to 1,556元 is +1,560元', async () => {
    const row = byCode(await ranking('salary_gap', 2018), '970104')
    expect([row.prev_value, row.value, row.change, row.change_pct]).toEqual([-4, 1556, 1560, null])
    expect(formatChange(row.value, row.prev_value, getIndicator('salary_gap'))).toBe('+1,560元')
  })

  it('marks a value whose raw figures jump beyond 3× as doubtful, on the year of the spike only', async () => {
    const ptr = getIndicator('pri_pupil_teacher')
    const doubts = (await db.query<SeriesRow>(countySeriesQuery('970104', [ptr]))).map((r) => [r.year, r.doubt])
    expect(doubts).toEqual([
      [2016, null],
      [2017, 'pri_enrol:2017:spike:5.0'],
      [2018, null],
    ])
    expect(doubtText('pri_enrol:2017:spike:5.0')).toBe(
      '数据存疑：小学在校生数2017年与上年、下年都相差5.0倍以上，请核实',
    )
    expect(byCode(await ranking('pri_pupil_teacher', 2017), '970104').doubt).toBe('pri_enrol:2017:spike:5.0')
    expect(byCode(await ranking('pri_pupil_teacher', 2017), '970101').doubt).toBeNull()
  })
})

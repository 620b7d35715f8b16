// The ranking compared with a base year (对比基年): every county's value then and now, the
// change, the ranks and the statuses then, checked against SQL written here from the raw
// counts, for two provinces, a rate (个百分点) and an amount (%).
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/types.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { rankingQuery, type RankingRow } from '../../src/queries/ranking.ts'
import { bundledDatabase } from '../support/bundled.ts'

const PROVINCES = ['430000', '650000']
let db: Database

interface Independent {
  code: string
  now: number | null
  then: number | null
  rank_now: number | null
  rank_then: number | null
}

/** Each county's value in both years from the panel's raw fields, ranked per year (ties share a rank). */
function independentSql(value: string, order: 'ASC' | 'DESC'): string {
  return `WITH v AS (
      SELECT code, year, round(${value}, 6) AS value FROM panel
      WHERE substr(code, 1, 2) = substr(?, 1, 2) AND year IN (?, ?)
    ), r AS (
      SELECT *, CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY year, value IS NULL ORDER BY value ${order}) END AS rk FROM v
    )
    SELECT c.code, n.value AS now, t.value AS then, n.rk AS rank_now, t.rk AS rank_then
    FROM counties c LEFT JOIN r n ON n.code = c.code AND n.year = ? LEFT JOIN r t ON t.code = c.code AND t.year = ?
    WHERE c.province_code = ? ORDER BY c.code`
}

async function compare(id: string, value: string, year: number, base: number) {
  const ind = getIndicator(id)
  for (const province of PROVINCES) {
    const rows = await db.query<RankingRow>(rankingQuery(ind, { province, year, base }))
    const expected = await db.query<Independent>({
      sql: independentSql(value, ind.good === 'up' ? 'DESC' : 'ASC'),
      params: [province, year, base, year, base, province],
    })
    expect(rows.length, province).toBe(expected.length)
    const byCode = new Map(rows.map((r) => [r.code, r]))
    for (const e of expected) {
      const r = byCode.get(e.code)!
      expect([r.value, r.prev_value, r.rank, r.prev_rank], e.code).toEqual([e.now, e.then, e.rank_now, e.rank_then])
      if (e.now === null || e.then === null) expect(r.change, e.code).toBeNull()
      else expect(r.change, e.code).toBeCloseTo(e.now - e.then, 6)
    }
    expect(rows.filter((r) => r.prev_value !== null).length, province).toBeGreaterThan(10)
  }
  return ind
}

beforeAll(async () => {
  db = (await bundledDatabase(PROVINCES)).db
}, 120_000)

describe('ranking with a base year', () => {
  it('gives 大班额比例 then and now, the change in 个百分点, the ranks and the status then (2020: ≤5%)', async () => {
    await compare(
      'large_class_share',
      '(pri_classes_56 + jun_classes_56) * 100.0 / NULLIF(pri_classes + jun_classes, 0)',
      2024,
      2020,
    )
    const rows = await db.query<RankingRow>(
      rankingQuery(getIndicator('large_class_share'), { province: '430000', year: 2024, base: 2020 }),
    )
    for (const r of rows.filter((x) => x.prev_value !== null))
      expect(r.prev_status, r.code).toBe(r.prev_value! <= 5 ? '达标' : '未达标')
  })

  it('gives 教育支出 then and now with the change in %', async () => {
    await compare('edu_budget', 'edu_budget', 2024, 2018)
    const rows = await db.query<RankingRow>(
      rankingQuery(getIndicator('edu_budget'), { province: '650000', year: 2024, base: 2018 }),
    )
    for (const r of rows.filter((x) => x.prev_value! > 0 && x.value !== null))
      expect(r.change_pct, r.code).toBeCloseTo(((r.value! - r.prev_value!) / r.prev_value!) * 100, 4)
  })

  it('is the year-before ranking when no base year is chosen', async () => {
    const ind = getIndicator('large_class_share')
    const none = await db.query<RankingRow>(rankingQuery(ind, { province: '430000', year: 2024, base: null }))
    const before = await db.query<RankingRow>(rankingQuery(ind, { province: '430000', year: 2024, base: 2023 }))
    expect(none).toEqual(before)
  })
})

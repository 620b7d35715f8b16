// The data service's answers ahead: what it answers lands in the cache, and work begun on
// data that is then replaced must not load the old province into the new panel.
import { describe, expect, it } from 'vitest'
import { parquetToIPC } from '../../src/db/parquet.ts'
import { DataService } from '../../src/service/service.ts'
import type { Database } from '../../src/db/types.ts'
import type { Query } from '../../src/util/query.ts'
import { DEFAULT_INDICATOR_ID, getIndicator, type Indicator } from '../../src/indicators/catalog.ts'
import { provinceStatements, rankingsAhead } from '../../src/queries/province.ts'
import { rankingQuery } from '../../src/queries/ranking.ts'
import { DATA_DIR, fsFetchBytes } from '../support/bundled.ts'
import { decodeDataFile } from '../../src/service/dataset.ts'
import { stage } from '../../src/service/userData.ts'
import { PANEL_COLUMNS } from '../../src/db/schema.ts'
import { INDICATORS } from '../../src/indicators/catalog.ts'
import { computedValuesQuery } from '../../src/queries/indicatorSql.ts'
import { aggregateQuery } from '../../src/queries/aggregates.ts'
import { createNodeDatabase } from '../support/nodeDb.ts'

/** The Node engine, counting the statements it is asked. */
async function countingDatabase(): Promise<{ db: Database; asked: Query[] }> {
  const inner = await createNodeDatabase()
  const asked: Query[] = []
  return { db: { ...inner, query: (q) => (asked.push(q), inner.query(q)) }, asked }
}

/** Resolves once the service marks that its list of statements ahead is done. */
async function prefetched(): Promise<void> {
  while (performance.getEntriesByName('prefetched').length === 0)
    await new Promise((resolve) => setTimeout(resolve, 20))
}

const BEIJING = '110000'
const first = getIndicator(DEFAULT_INDICATOR_ID)
const others = ['kg_gross_enrol_rate', 'large_class_share'].map(getIndicator)
const ahead = others.flatMap((i) =>
  Object.values(provinceStatements(i, 2024, BEIJING)).map((query) => ({ province: BEIJING, indicators: [i], query })),
)

describe('answers ahead', () => {
  it('answers the listed statements into the cache, so asking them needs no engine', async () => {
    const { db, asked } = await countingDatabase()
    const service = new DataService(db, fsFetchBytes(DATA_DIR), parquetToIPC)
    await service.ensureProvince(BEIJING, [first])
    performance.clearMarks('prefetched')
    service.prefetch(ahead)
    await prefetched()
    const before = asked.length
    for (const { query } of ahead) {
      const rows = await service.query(query)
      expect(rows.length).toBeGreaterThan(0)
      expect(rows).toStrictEqual(await db.query(query))
    }
    // Each statement above was asked of the engine once more, by the comparison only.
    expect(asked.length - before).toBe(ahead.length)
  }, 60_000)

  it('answers every year’s ranking from one statement, and a view asking for one meanwhile waits for it', async () => {
    const { db, asked } = await countingDatabase()
    const service = new DataService(db, fsFetchBytes(DATA_DIR), parquetToIPC)
    await service.ensureProvince(BEIJING, [first])
    const years = [2020, 2021, 2022, 2023, 2024]
    const [indicator] = others as [Indicator]
    performance.clearMarks('prefetched')
    const before = asked.length
    service.prefetch([{ province: BEIJING, indicators: [indicator], ...rankingsAhead(indicator, BEIJING, years) }])
    // Asked while that statement is on its way (after the background ranking): no statement of its own.
    while (!asked.some((q) => q.sql.includes('unnest('))) await new Promise((resolve) => setTimeout(resolve, 1))
    const asking = service.query(rankingQuery(indicator, { province: BEIJING, year: 2021 }))
    await prefetched()
    const rows = await asking
    // The background ranking of the other indicators runs meanwhile; of rankings, only the one statement was asked.
    const rankings = asked.slice(before).filter((q) => q.sql.includes('CROSS JOIN yrs'))
    expect(rankings.map((q) => q.sql.includes('unnest('))).toEqual([true])
    for (const year of years) {
      const q = rankingQuery(indicator, { province: BEIJING, year })
      expect(await service.query(q), String(year)).toStrictEqual(await db.query(q))
    }
    expect(rows).toStrictEqual(await db.query(rankingQuery(indicator, { province: BEIJING, year: 2021 })))
  }, 60_000)

  it('drops its list when the data is replaced, and loads nothing of the old data into the new panel', async () => {
    const { db } = await countingDatabase()
    const service = new DataService(db, fsFetchBytes(DATA_DIR), parquetToIPC)
    await service.ensureProvince(BEIJING, [first])
    performance.clearMarks('prefetched')
    service.prefetch(ahead)
    await service.clearUserData()
    await prefetched()
    const count = async (table: string) =>
      (await db.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${table}`, params: [] }))[0]!.n
    expect(await count('panel')).toBe(0)
    expect(await count('county_values')).toBe(0)
  }, 60_000)
})

describe('a user’s accepted data', () => {
  it('is ranked when a view asks, not at the accept, and gives the figures of ranking everything at once', async () => {
    const { db, asked } = await countingDatabase()
    const service = new DataService(db, fsFetchBytes(DATA_DIR), parquetToIPC)
    const fetch = fsFetchBytes(DATA_DIR)
    // 湖南's bundled rows, imported as if they were the user's.
    const ipc = await decodeDataFile(fetch, parquetToIPC, 'panel/430000.parquet', PANEL_COLUMNS)
    await service.init()
    await stage(db, ipc)
    const meta = {
      label: '湖南.csv',
      files: [{ name: '湖南.csv', rows: 1220 }],
      importedAt: '2026-12-02T08:00:00.000Z',
      years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
      provinces: { '430000': { counties: 122, rows: 1220 } },
    }
    const before = asked.length
    await service.acceptImport(meta, new Blob([ipc.slice()]))
    const count = async (table: string) =>
      (await db.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${table}`, params: [] }))[0]!.n
    expect(asked.slice(before).some((q) => q.sql.includes('INSERT INTO county_values'))).toBe(false)
    expect(await count('county_values')).toBe(0)

    // The province view's first statement ranks only its indicator.
    const q = rankingQuery(first, { province: '430000', year: 2024 })
    await service.ensureProvince('430000', [first])
    const ranked = await db.query<{ indicator: string }>({
      sql: 'SELECT DISTINCT indicator FROM county_values',
      params: [],
    })
    expect(ranked.map((r) => r.indicator)).toContain(first.id)
    expect((await service.query(q)).length).toBe(122)

    // The national figures rank the rest; the result equals one statement over everything.
    await service.ensureSummary()
    const order = 'ORDER BY ALL'
    const values = await db.query({ sql: `SELECT * FROM county_values ${order}`, params: [] })
    const all = computedValuesQuery(INDICATORS, null)
    expect(values).toStrictEqual(await db.query({ sql: `SELECT * FROM (${all.sql}) ${order}`, params: all.params }))
    const summary = await db.query({
      sql: `SELECT indicator, province_code, year, figure FROM province_summary ${order}`,
      params: [],
    })
    const figures = aggregateQuery(INDICATORS, { province: null, by: 'province' })
    const expected = await db.query({
      sql: `SELECT indicator, scope AS province_code, year, figure FROM (${figures.sql}) ${order}`,
      params: figures.params,
    })
    expect(summary.length).toBeGreaterThan(0)
    expect(summary).toStrictEqual(expected)
  }, 120_000)
})

// The first view is painted from snapshots written by `npm run data`; once DuckDB answers,
// not one figure may change. Every snapshot is read the browser's way (gunzip, keyed by
// statement) and compared with the live query over the bundled Parquet.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseManifest } from '../../src/service/dataset.ts'
import { Snapshots } from '../../src/service/snapshot.ts'
import type { Database } from '../../src/db/types.ts'
import { COUNTY_VALUES_COLUMNS } from '../../src/db/schema.ts'
import { DEFAULT_INDICATOR_ID, INDICATORS } from '../../src/indicators/catalog.ts'
import { computedValuesQuery } from '../../src/queries/indicatorSql.ts'
import { firstViewQueries } from '../../src/queries/snapshot.ts'
import { DATA_DIR, bundledDatabase, fsFetchBytes } from '../support/bundled.ts'

const manifest = parseManifest(readFileSync(join(DATA_DIR, 'manifest.json'), 'utf8'))
const latest = manifest.years.at(-1)!
const snapshots = new Snapshots(fsFetchBytes(DATA_DIR))

async function expectSnapshotEqualsLive(db: Database, code: string): Promise<void> {
  const file = manifest.provinces.find((p) => p.code === code)?.snapshot
  expect(file, code).toBeDefined()
  for (const q of firstViewQueries(code, latest)) {
    const live = await db.query(q)
    expect(live.length, code).toBeGreaterThan(0)
    expect(await snapshots.rows(file!, q), `${code}: ${q.sql.slice(0, 60)}`).toStrictEqual(live)
  }
}

describe('first-view snapshots', () => {
  let all: Database
  // Loading and filling all 31 provinces: the same allowance as the calibration test's.
  beforeAll(async () => {
    all = (await bundledDatabase('all')).db
  }, 180_000)

  it('equal the live queries figure for figure in every province', async () => {
    for (const p of manifest.provinces) await expectSnapshotEqualsLive(all, p.code)
  }, 120_000)

  it('equal them with only that province loaded, as in the browser', async () => {
    for (const code of ['430000', '650000']) await expectSnapshotEqualsLive((await bundledDatabase([code])).db, code)
  }, 60_000)

  it('rest on county values computed at build time that equal the live computation bit for bit', async () => {
    const columns = COUNTY_VALUES_COLUMNS.map((c) => c.name).join(', ')
    for (const p of manifest.provinces) {
      const indicators = INDICATORS.filter((i) => p.values?.indicators.includes(i.id))
      expect(
        indicators.map((i) => i.id),
        p.code,
      ).toEqual([DEFAULT_INDICATOR_ID])
      const live = computedValuesQuery(indicators, p.code)
      const shipped = `SELECT ${columns} FROM county_values WHERE province_code = ? AND indicator IN (${indicators.map((i) => `'${i.id}'`).join(', ')})`
      // Both ways round: no row of one is missing from the other, NULLs and all.
      for (const [a, b] of [
        [shipped, live.sql],
        [live.sql, shipped],
      ]) {
        const diff = await all.query<{ n: number }>({
          sql: `SELECT count(*) AS n FROM ((${a}) EXCEPT ALL (${b}))`,
          params: a === shipped ? [p.code, ...live.params] : [...live.params, p.code],
        })
        expect(diff[0]!.n, p.code).toBe(0)
      }
      const [{ n }] = (await all.query<{ n: number }>({
        sql: `SELECT count(*) AS n FROM (${shipped})`,
        params: [p.code],
      })) as [{ n: number }]
      expect(n, p.code).toBe(p.counties * manifest.years.length)
    }
  }, 120_000)

  it('answer nothing but the statements they were computed for', async () => {
    const file = manifest.provinces.find((p) => p.code === '430000')!.snapshot!
    const [ranking] = firstViewQueries('430000', latest)
    expect(await snapshots.rows(file, { ...ranking!, params: [latest - 1, '430000'] })).toBeNull()
    expect(await snapshots.rows('snapshots/missing.json.gz', ranking!)).toBeNull()
  })
})

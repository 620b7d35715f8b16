// Every page's first view is painted from snapshots written by `npm run data`; once DuckDB
// answers, not one figure may change. Every snapshot is read the browser's way (gunzip, keyed
// by statement) and compared with the live query over the bundled Parquet.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseManifest } from '../../src/service/dataset.ts'
import { snapshotFile, Snapshots } from '../../src/service/snapshot.ts'
import type { Database } from '../../src/db/types.ts'
import { COUNTY_VALUES_COLUMNS } from '../../src/db/schema.ts'
import { DEFAULT_INDICATOR_ID, INDICATORS } from '../../src/indicators/catalog.ts'
import { computedValuesQuery } from '../../src/queries/indicatorSql.ts'
import { firstViewQueries, SNAPSHOT_PART, type SnapshotPart } from '../../src/queries/snapshot.ts'
import { bundledPlan } from '../../data/snapshots.ts'
import { DATA_DIR, bundledDatabase, fsFetchBytes } from '../support/bundled.ts'

const manifest = parseManifest(readFileSync(join(DATA_DIR, 'manifest.json'), 'utf8'))
const latest = manifest.years.at(-1)!
const snapshots = new Snapshots(fsFetchBytes(DATA_DIR))

async function expectPartEqualsLive(db: Database, part: SnapshotPart): Promise<void> {
  for (const q of part.queries) {
    const live = await db.query(q)
    expect(live.length, part.name).toBeGreaterThan(0)
    const early = await snapshots.rows(snapshotFile(part.name, manifest.snapshots), q)
    expect(early, `${part.name}: ${q.sql.slice(0, 60)}`).toStrictEqual(live)
  }
}

/** Each province's own parts, and its first, middle and last county's. */
const sampled = (plan: SnapshotPart[], code: string) => {
  const counties = plan.filter((p) => p.name.startsWith(SNAPSHOT_PART.county(code.slice(0, 2))))
  return [
    ...plan.filter((p) => p.name.startsWith(code)),
    ...[counties[0], counties[counties.length >> 1], counties.at(-1)].filter((p) => p !== undefined),
  ]
}

describe('first-view snapshots', () => {
  let all: Database
  let plan: SnapshotPart[]
  // Loading and filling all 31 provinces: the same allowance as the calibration test's.
  beforeAll(async () => {
    const bundled = await bundledDatabase('all')
    all = bundled.db
    await bundled.loader.ensureSummary()
    plan = await bundledPlan(
      all,
      manifest.provinces.map((p) => p.code),
      manifest.years,
    )
  }, 180_000)

  it('cover every page of every province and county: the national page, first view, roll-up, bands, county', () => {
    expect(manifest.snapshots).toBe('snapshots/')
    expect(plan.length).toBe(1 + 3 * manifest.provinces.length + manifest.provinces.reduce((n, p) => n + p.counties, 0))
    expect(plan.find((p) => p.name === SNAPSHOT_PART.province('430000'))?.queries).toEqual(
      firstViewQueries('430000', latest),
    )
  })

  it('equal the live queries figure for figure: the national page, and each province’s pages', async () => {
    await expectPartEqualsLive(all, plan[0]!)
    for (const p of manifest.provinces) for (const part of sampled(plan, p.code)) await expectPartEqualsLive(all, part)
  }, 120_000)

  it('equal them with only that province loaded, as in the browser, for every county of two provinces', async () => {
    for (const code of ['430000', '650000']) {
      const db = (await bundledDatabase([code])).db
      for (const part of plan.filter(
        (p) => p.name.startsWith(code) || p.name.startsWith(SNAPSHOT_PART.county(code.slice(0, 2))),
      ))
        await expectPartEqualsLive(db, part)
    }
  }, 120_000)

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
    const file = snapshotFile(SNAPSHOT_PART.province('430000'))
    const [ranking] = firstViewQueries('430000', latest)
    expect(await snapshots.rows(file, { ...ranking!, params: [latest - 1, '430000'] })).toBeNull()
    expect(await snapshots.rows('snapshots/missing.json.gz', ranking!)).toBeNull()
  })

  it('read the same from a server that sent them inflated (Content-Encoding: gzip), and fetched ahead', async () => {
    const file = snapshotFile(SNAPSHOT_PART.province('430000'))
    const inflated = new Snapshots(async (path) => {
      const bytes = gunzipSync(await fsFetchBytes(DATA_DIR)(path))
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
    })
    inflated.prefetch(file)
    for (const q of firstViewQueries('430000', latest))
      expect(await inflated.rows(file, q)).toStrictEqual(await snapshots.rows(file, q))
  })
})

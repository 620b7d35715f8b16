import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { beforeAll, describe, expect, it } from 'vitest'
import { DataFileError, PanelLoader, parseManifest, type FetchBytes, type Manifest } from '../../src/service/dataset.ts'
import { tableFromIPC } from 'apache-arrow'
import { parquetToIPC } from '../../src/db/parquet.ts'
import { PANEL_COLUMNS } from '../../src/db/schema.ts'
import { INDICATORS, getIndicator } from '../../src/indicators/catalog.ts'
import type { Query } from '../../src/util/query.ts'
import { createNodeDatabase } from '../support/nodeDb.ts'

// Parquet written by native DuckDB (as `npm run data` writes it), read back through the
// browser's path: hyparquet → Arrow → DuckDB-wasm.
const dir = mkdtempSync(join(tmpdir(), 'loader-'))
const manifest: Manifest = {
  simulated: true,
  label: '模拟数据',
  generatedAt: '2026-01-01',
  years: [2022, 2023],
  countiesFile: 'counties.parquet',
  rows: 3,
  provinces: [
    { code: '990000', name: '测试省', file: 'panel/990000.parquet', counties: 2, rows: 3, bytes: 0 },
    { code: '980000', name: '损坏省', file: 'panel/980000.parquet', counties: 0, rows: 0, bytes: 0 },
  ],
}

const fetchBytes: FetchBytes = async (path) => {
  try {
    const b = readFileSync(join(dir, path))
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
  } catch {
    throw new DataFileError(`data/${path}`, '文件不存在')
  }
}

beforeAll(async () => {
  const native = await (await DuckDBInstance.create(':memory:')).connect()
  await native.run(`COPY (SELECT * FROM (VALUES
      ('990101', '甲区', '990100', '甲市', '990000', '测试省', '市辖区', 500000, true),
      ('990102', '乙县', '990100', '甲市', '990000', '测试省', '县', 300000, false)
    ) t(code, name, prefecture_code, prefecture, province_code, province, county_type, pop_2020, census_matched))
    TO '${dir}/counties.parquet' (FORMAT parquet, COMPRESSION zstd)`)
  await native.run(`CREATE TABLE p AS SELECT * FROM (VALUES
      ('990101', 2022, 5054::BIGINT, 10086::BIGINT, 57314.66),
      ('990101', 2023, 5100::BIGINT, 10000::BIGINT, 57926.18),
      ('990102', 2023, NULL, 9000::BIGINT, NULL)
    ) t(code, year, kg_public_enrol, kg_enrol, edu_budget)`)
  mkdirSync(join(dir, 'panel'))
  await native.run(`COPY p TO '${dir}/panel/990000.parquet' (FORMAT parquet, COMPRESSION zstd)`)
  writeFileSync(join(dir, 'panel/980000.parquet'), 'not a parquet file')
})

describe('PanelLoader', () => {
  it('loads counties and a province through hyparquet into DuckDB, with missing columns as NULL', async () => {
    const db = await createNodeDatabase()
    const loader = new PanelLoader(db, fetchBytes, manifest, parquetToIPC)
    await loader.ensureProvince('990000')
    const counties = await db.query<{ code: string; census_matched: boolean }>({
      sql: 'SELECT code, census_matched FROM counties ORDER BY code',
      params: [],
    })
    expect(counties).toEqual([
      { code: '990101', census_matched: true },
      { code: '990102', census_matched: false },
    ])
    const rows = await db.query<Record<string, unknown>>({
      sql: 'SELECT code, year, kg_public_enrol, kg_enrol, edu_budget, pop_3_5 FROM panel ORDER BY code, year',
      params: [],
    })
    expect(rows).toEqual([
      { code: '990101', year: 2022, kg_public_enrol: 5054, kg_enrol: 10086, edu_budget: 57314.66, pop_3_5: null },
      { code: '990101', year: 2023, kg_public_enrol: 5100, kg_enrol: 10000, edu_budget: 57926.18, pop_3_5: null },
      { code: '990102', year: 2023, kg_public_enrol: null, kg_enrol: 9000, edu_budget: null, pop_3_5: null },
    ])
  })

  it('reads a province file in any codec DuckDB writes, not only the build’s ZSTD', async () => {
    const native = await (await DuckDBInstance.create(':memory:')).connect()
    await native.run(`CREATE TABLE p AS SELECT * FROM read_parquet('${dir}/panel/990000.parquet')`)
    const columns = PANEL_COLUMNS.filter((c) => ['code', 'year', 'kg_enrol', 'edu_budget'].includes(c.name))
    const read = async (file: string) => {
      const b = readFileSync(file)
      return tableFromIPC(await parquetToIPC(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), columns))
        .toArray()
        .map((r) => r.toJSON())
    }
    const expected = await read(`${dir}/panel/990000.parquet`)
    expect(expected).toHaveLength(3)
    for (const codec of ['uncompressed', 'snappy', 'gzip', 'brotli', 'lz4_raw']) {
      await native.run(`COPY p TO '${dir}/codec-${codec}.parquet' (FORMAT parquet, COMPRESSION ${codec})`)
      expect(await read(`${dir}/codec-${codec}.parquet`), codec).toEqual(expected)
    }
  })

  it('loads a province once however often it is asked for', async () => {
    const db = await createNodeDatabase()
    const loader = new PanelLoader(db, fetchBytes, manifest, parquetToIPC)
    await Promise.all([loader.ensureProvince('990000'), loader.ensureProvince('990000')])
    const [{ n }] = (await db.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM panel', params: [] })) as [
      { n: number },
    ]
    expect(n).toBe(3)
  })

  it('ranks the indicators a view asks for first, the others step by step, once each', async () => {
    const db = await createNodeDatabase()
    const loader = new PanelLoader(db, fetchBytes, manifest, parquetToIPC)
    const ranked = async () =>
      (
        await db.query<{ indicator: string; n: number }>({
          sql: 'SELECT indicator, count(*) AS n FROM county_values GROUP BY indicator ORDER BY indicator',
          params: [],
        })
      ).map((r) => `${r.indicator}:${r.n}`)
    const share = getIndicator('kg_public_share')
    await loader.ensureProvince('990000', [share])
    expect(await ranked()).toEqual(['kg_public_share:3'])
    expect(await loader.fillNext('990000', 4)).toBe(true)
    expect(await ranked()).toHaveLength(5)
    // Asked for all, it ranks only those not ranked yet.
    await loader.ensureProvince('990000')
    expect(await ranked()).toHaveLength(INDICATORS.length)
    expect(new Set((await ranked()).map((r) => r.split(':')[1]))).toEqual(new Set(['3']))
    expect(await loader.fillNext('990000', 4)).toBe(false)
    const [{ value }] = (await db.query<{ value: number }>({
      sql: "SELECT value FROM county_values WHERE indicator = 'kg_public_share' AND code = '990101' AND year = 2022",
      params: [],
    })) as [{ value: number }]
    expect(value).toBeCloseTo(50.1, 1)
  })

  it('appends the county values the build computed, and computes them itself when that file is missing', async () => {
    const share = getIndicator('kg_public_share')
    const values = async (m: Manifest) => {
      const engine = await createNodeDatabase()
      // Inserts answer late, as in the browser's worker: the loader must wait for them.
      const db = {
        ...engine,
        query: async <T extends object>(q: Query) => (
          q.sql.startsWith('INSERT') && (await new Promise((r) => setTimeout(r, 100))),
          engine.query<T>(q)
        ),
      }
      await new PanelLoader(db, fetchBytes, m, parquetToIPC).ensureProvince('990000', [share])
      return db.query<{ code: string; year: number; value: number | null; rank_province: number | null }>({
        sql: "SELECT code, year, value, rank_province FROM county_values WHERE indicator = 'kg_public_share' ORDER BY code, year",
        params: [],
      })
    }
    const withFile = (file: string): Manifest => ({
      ...manifest,
      provinces: manifest.provinces.map((p) =>
        p.code === '990000' ? { ...p, values: { file, indicators: [share.id] } } : p,
      ),
    })
    const computed = await values(manifest)
    expect(computed).toHaveLength(3)
    // A file the build wrote, with a marker value the fill would never compute.
    const native = await (await DuckDBInstance.create(':memory:')).connect()
    await native.run(`COPY (SELECT 'kg_public_share' AS indicator, '990101' AS code, 2022::BIGINT AS year, '990000' AS province_code, '990100' AS prefecture_code,
        1.0 AS num, 2.0 AS den, 100.0 AS scale, true AS has_den, false AS growth, true AS up, 12.5 AS value, 50.0 AS threshold, '未达标' AS status, 37.5 AS gap,
        1::BIGINT AS rank_province, 1::BIGINT AS rank_prefecture) TO '${dir}/values.parquet' (FORMAT parquet)`)
    expect(await values(withFile('values.parquet'))).toEqual([
      { code: '990101', year: 2022, value: 12.5, rank_province: 1 },
    ])
    expect(await values(withFile('values/missing.parquet'))).toEqual(computed)
  })

  it('names the file when it is not Parquet, and keeps what was loaded', async () => {
    const db = await createNodeDatabase()
    const loader = new PanelLoader(db, fetchBytes, manifest, parquetToIPC)
    await loader.ensureProvince('990000')
    await expect(loader.ensureProvince('980000')).rejects.toThrow(
      /data\/panel\/980000\.parquet.*不是有效的 Parquet.*重新复制/,
    )
    const [{ n }] = (await db.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM panel', params: [] })) as [
      { n: number },
    ]
    expect(n).toBe(3)
    await expect(loader.ensureProvince('110000')).rejects.toThrow('数据集中没有省份代码 110000')
  })

  it('rejects a manifest that is not JSON with the file named', () => {
    expect(() => parseManifest('<html>')).toThrow('数据文件 data/manifest.json 无法读取')
    expect(() => parseManifest('{}')).toThrow(/缺少 provinces/)
  })
})

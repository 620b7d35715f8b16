import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { tableFromIPC } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { parquetToIPC } from '../../src/db/parquet.ts'
import { PANEL_COLUMNS, type Column } from '../../src/db/schema.ts'
import { RAW_FIELDS } from '../../src/indicators/fields.ts'
import { schoolAggregateQuery, schoolRowsSql } from '../../src/queries/schools.ts'
import { SCHOOL_COLUMNS, SCHOOL_TO_COUNTY, schoolColumnOf } from '../../src/schools/fields.ts'
import { createNodeDatabase } from '../support/nodeDb.ts'
import { DATA_DIR } from '../support/bundled.ts'

const SCHOOL_TABLE_COLUMNS: readonly Column[] = SCHOOL_COLUMNS.map((c) => ({
  name: c.id,
  kind: c.type === 'VARCHAR' ? 'text' : c.type === 'INTEGER' ? 'integer' : 'double',
}))
const SUMMED = [...new Set(SCHOOL_TO_COUNTY.map((s) => s.county))]

/**
 * Four schools of two counties, 2024 (only the columns that matter; the rest NULL):
 *   990101 甲区: A 公办 小学 (300 pupils; classes 5 ≤45, 2 46–55, 1 56–65, 0 66+; 20 随迁)
 *                B 民办 九年一贯制 (小学 100 pupils, 3 ≤45 classes; 初中 50 pupils, 1 class; 30 随迁)
 *   990102 乙县: C 公办 初中 (400 pupils; classes 6 ≤45, 1 46–55, 0, 1 66+; 随迁 empty)
 *                D 公办 教学点 (12 pupils, 1 class, 随迁 empty)
 * County sums: 甲区 pri_enrol 400, pri_classes 11, pri_classes_56 1, jun_enrol 50, jun_classes 1,
 * 随迁 50 of which 公办 20; 乙县 pri_enrol 12, jun_enrol 400, jun_classes 8, jun_classes_56 1,
 * jun_classes_66 1, 随迁 NULL (no school reported it); sh_* NULL for both (no school has them).
 */
const FIXTURE = `SELECT * FROM (VALUES
  ('A', '990101', 2024, '公办', 300, 5, 2, 1, 0, NULL, NULL, NULL, NULL, NULL, 20),
  ('B', '990101', 2024, '民办', 100, 3, 0, 0, 0, 50, 1, 0, 0, 0, 30),
  ('C', '990102', 2024, '公办', NULL, NULL, NULL, NULL, NULL, 400, 6, 1, 0, 1, NULL),
  ('D', '990102', 2024, '公办', 12, 1, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL)
) t(school_id, code, year, ownership, pri_enrol, pri_classes_45, pri_classes_46_55, pri_classes_56_65, pri_classes_66,
    jun_enrol, jun_classes_45, jun_classes_46_55, jun_classes_56_65, jun_classes_66, migrant_children)`

describe('school rows → county raw fields', () => {
  it('sums a hand-made fixture by the mapping, 公办 随迁 apart, NULL where no school reports', async () => {
    const db = await createNodeDatabase()
    await db.exec(`CREATE TABLE fixture AS ${FIXTURE}`)
    const given = [
      'school_id',
      'code',
      'year',
      'ownership',
      ...SCHOOL_COLUMNS.map((c) => c.id).filter((id) => /^(pri|jun)_(enrol|classes)|^migrant/.test(id)),
    ]
    // The schema's other columns come in as typed NULLs.
    await db.exec(`CREATE TABLE schools AS ${schoolRowsSql('fixture', new Map(given.map((id) => [id, id])))}`)
    const rows = await db.query<Record<string, number | string | null>>(schoolAggregateQuery('schools', null))
    expect(rows.map((r) => Object.keys(r))).toEqual([0, 1].map(() => ['code', 'year', ...RAW_FIELDS.map((f) => f.id)]))
    const pick = (r: Record<string, unknown>) => ({
      code: r['code'],
      pri_enrol: r['pri_enrol'],
      pri_classes: r['pri_classes'],
      pri_classes_56: r['pri_classes_56'],
      pri_classes_66: r['pri_classes_66'],
      jun_enrol: r['jun_enrol'],
      jun_classes: r['jun_classes'],
      jun_classes_56: r['jun_classes_56'],
      jun_classes_66: r['jun_classes_66'],
      migrant_children: r['migrant_children'],
      migrant_children_public: r['migrant_children_public'],
      sh_enrol: r['sh_enrol'],
      kg_enrol: r['kg_enrol'],
    })
    expect(rows.map(pick)).toEqual([
      {
        code: '990101',
        pri_enrol: 400,
        pri_classes: 11,
        pri_classes_56: 1,
        pri_classes_66: 0,
        jun_enrol: 50,
        jun_classes: 1,
        jun_classes_56: 0,
        jun_classes_66: 0,
        migrant_children: 50,
        migrant_children_public: 20,
        sh_enrol: null,
        kg_enrol: null,
      },
      {
        code: '990102',
        pri_enrol: 12,
        pri_classes: 1,
        pri_classes_56: 0,
        pri_classes_66: 0,
        jun_enrol: 400,
        jun_classes: 8,
        jun_classes_56: 1,
        jun_classes_66: 1,
        migrant_children: null,
        migrant_children_public: null,
        sh_enrol: null,
        kg_enrol: null,
      },
    ])
    const one = await db.query<{ code: string }>(schoolAggregateQuery('schools', '98'))
    expect(one).toEqual([])
  })

  it('reads the template headers (label with unit, label, or id) into the typed school columns', async () => {
    const template = readFileSync(join(DATA_DIR, 'school-template.csv'), 'utf8').replace(/^\uFEFF/, '')
    const headers = template.split('\r\n')[0]!.split(',')
    expect(headers.map(schoolColumnOf)).toEqual(SCHOOL_COLUMNS.map((c) => c.id))
    expect(schoolColumnOf('小学在校生数')).toBe('pri_enrol')
    expect(schoolColumnOf('pri_enrol')).toBe('pri_enrol')
    const db = await createNodeDatabase()
    await db.exec(`CREATE TABLE raw AS SELECT '430121' AS "行政区划代码", '2024' AS "年份", '12' AS "小学在校生数(人)"`)
    const sql = schoolRowsSql(
      'raw',
      new Map([
        ['行政区划代码', 'code'],
        ['年份', 'year'],
        ['小学在校生数(人)', 'pri_enrol'],
      ]),
    )
    expect(await db.query({ sql: `SELECT code, year, pri_enrol, jun_enrol FROM (${sql})`, params: [] })).toEqual([
      { code: '430121', year: 2024, pri_enrol: 12, jun_enrol: null },
    ])
  })

  // The simulated school layer against the panel it was split from, on the browser's engine.
  it.each(['110000', '460000', '640000'])('the simulated schools of %s sum to its county panel', async (province) => {
    const db = await createNodeDatabase()
    const bytes = (path: string) => {
      const b = readFileSync(join(DATA_DIR, path))
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
    }
    await db.insertIPC('schools', await parquetToIPC(bytes(`schools/${province}.parquet`), SCHOOL_TABLE_COLUMNS))
    await db.insertIPC('panel', await parquetToIPC(bytes(`panel/${province}.parquet`), PANEL_COLUMNS))
    const q = schoolAggregateQuery('schools', province.slice(0, 2))
    const [check] = await db.query<{ county_years: number; differ: number; schools: number; points: number }>({
      sql: `WITH agg AS (${q.sql})
        SELECT count(*) AS county_years,
          count(*) FILTER (WHERE ${SUMMED.map((f) => `panel.${f} IS DISTINCT FROM agg.${f}`).join(' OR ')}) AS differ,
          (SELECT count(DISTINCT school_id) FROM schools) AS schools,
          (SELECT count(DISTINCT school_id) FROM schools WHERE stage = '教学点') AS points
        FROM panel FULL JOIN agg USING (code, year)`,
      params: q.params,
    })
    expect(check!.differ).toBe(0)
    expect(check!.county_years).toBeGreaterThan(100)
    expect(check!.schools).toBeGreaterThan(check!.county_years / 10)
    if (province !== '110000') expect(check!.points).toBeGreaterThan(0)
  })
})

// The school files are written with PLAIN values in one row group (data/README.md, “学校数据”):
// the app's own reader (hyparquet in the worker) must give back what DuckDB reads, cell for cell.
describe('the school files through the app’s Parquet reader', () => {
  it('decodes the largest province file (410000) exactly as DuckDB reads it', async () => {
    const file = join(DATA_DIR, 'schools', '410000.parquet')
    const native = await (await DuckDBInstance.create(':memory:')).connect()
    const encodings = (
      await native.runAndReadAll(`SELECT DISTINCT encodings FROM parquet_metadata('${file}') ORDER BY 1`)
    )
      .getRowObjectsJS()
      .map((r) => String(r['encodings']))
    // Both kinds the writer chooses are in it: dictionary for the few-valued columns, PLAIN for the rest.
    expect(encodings.some((e) => e.includes('DICTIONARY'))).toBe(true)
    expect(encodings).toContain('PLAIN')
    const expected = (
      await native.runAndReadAll(`SELECT ${SCHOOL_COLUMNS.map((c) => c.id).join(', ')} FROM read_parquet('${file}')`)
    ).getColumnsJS()
    const b = readFileSync(file)
    const table = tableFromIPC(
      await parquetToIPC(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), SCHOOL_TABLE_COLUMNS),
    )
    expect(table.numRows).toBeGreaterThan(200_000)
    SCHOOL_COLUMNS.forEach((c, k) => {
      const got = table.getChild(c.id)!
      expect(
        Array.from({ length: table.numRows }, (_, i) => got.get(i) as unknown),
        c.id,
      ).toEqual(expected[k])
    })
  }, 120_000)
})

describe('npm run aggregate', () => {
  it('turns the school template (CSV) and a Parquet copy of it into county panel files of the site’s format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aggregate-'))
    // The template's two schools as CSV, and the same two under another county code as Parquet.
    const csv = join(dir, 'schools.csv')
    writeFileSync(csv, readFileSync(join(DATA_DIR, 'school-template.csv')))
    const native = await (await DuckDBInstance.create(':memory:')).connect()
    await native.run(
      `COPY (SELECT * REPLACE ('990101' AS code, 'X' || school_id AS school_id) FROM read_parquet('${join(DATA_DIR, 'schools', '430000.parquet')}')
        WHERE code = '430121' AND year = 2024 AND school_id IN (SELECT "学校标识码" FROM read_csv('${csv}', all_varchar = true)))
       TO '${join(dir, 'other.parquet')}' (FORMAT parquet)`,
    )
    const out = join(dir, 'out')
    const printed = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/aggregate.ts', csv, join(dir, 'other.parquet'), '--out', out],
      { encoding: 'utf8' },
    )
    expect(printed).toMatch(/4 行学校数据 → 2 行区县数据，2 个省份文件/)
    expect(printed).toMatch(/用时 \d+ ms；内存峰值 \d+ MB/)
    const describe = async (path: string) =>
      (await native.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`))
        .getRowObjectsJS()
        .map((r) => `${String(r['column_name'])} ${String(r['column_type'])}`)
    expect(await describe(join(out, '430000.parquet'))).toEqual(
      await describe(join(DATA_DIR, 'panel', '430000.parquet')),
    )
    const sums = (
      await native.runAndReadAll(
        `SELECT code, pri_enrol, jun_enrol, sh_enrol, migrant_children, kg_enrol FROM read_parquet('${out}/*.parquet') ORDER BY code`,
      )
    ).getRowObjectsJS()
    const expected = (
      await native.runAndReadAll(
        `SELECT sum(pri_enrol)::INTEGER AS pri_enrol, sum(jun_enrol)::INTEGER AS jun_enrol,
           sum(sh_enrol)::INTEGER AS sh_enrol, sum(migrant_children)::INTEGER AS migrant_children
         FROM read_parquet('${join(dir, 'other.parquet')}')`,
      )
    ).getRowObjectsJS()[0]
    expect(sums).toEqual([
      { code: '430121', ...expected, kg_enrol: null },
      { code: '990101', ...expected, kg_enrol: null },
    ])
  })
})

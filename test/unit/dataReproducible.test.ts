// `npm run data` must reproduce the committed public/data/ byte for byte, and what it wrote
// holds one row per county and per county-year: the engine's tables have no keys to enforce it.
// The simulation is what this test re-runs: every county-year value of the panel, the
// Parquet written from it, the county list, the CSV template and the manifest's province
// entries must come out as committed. The files the app's SQL derives from the panel
// (province figures, first values, snapshots) take most of a full run; the snapshots and
// values are checked against the live queries in snapshot.test.ts, and `npm run data:check`
// regenerates everything and compares every file.
import { DuckDBInstance } from '@duckdb/node-api'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { joinCensus, readCensus } from '../../data/lib/census.ts'
import { panelDivisions } from '../../data/lib/divisions.ts'
import { simulate } from '../../data/lib/simulate.ts'
import { NationalTargets, YEARS } from '../../data/lib/targets.ts'
import { writeParquet, writeTemplate, type Manifest, type ProvinceEntry } from '../../data/lib/write.ts'

const DATA = 'public/data'
const committed = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as Manifest
const bytes = (dir: string, file: string): Buffer => readFileSync(join(dir, file))

/** The county-years the committed template shows as examples (code and year cells). */
function templateExamples(): { code: string; year: number }[] {
  const rows = bytes(DATA, 'template.csv')
    .toString('utf8')
    .split('\r\n')
    .slice(1)
    .filter((r) => r !== '')
  return rows.map((r) => {
    const [code = '', year = ''] = r.split(',')
    return { code, year: Number(year) }
  })
}

describe('bundled data', () => {
  const out = mkdtempSync(join(tmpdir(), 'panel-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('is exactly what the generator writes: the simulated panel and the files written from it', async () => {
    const counties = joinCensus(panelDivisions(), readCensus('data/census2020_county.csv')).counties
    const targets = new NationalTargets('data/reference/national_indicators_2015_2024.csv')
    const { panel } = simulate(counties, targets, committed.seed)
    const provinces = await writeParquet(out, counties, panel)
    writeTemplate(out, panel, templateExamples())

    // The manifest's panel part: what writeParquet reports, with each file's size.
    const panelPart = ({ code, name, file, counties: n, rows, bytes: size }: ProvinceEntry) => ({
      code,
      name,
      file,
      counties: n,
      rows,
      bytes: size,
    })
    expect(provinces).toEqual(committed.provinces.map(panelPart))
    expect(provinces.reduce((s, p) => s + p.rows, 0)).toBe(committed.rows)
    expect(committed.years).toEqual([...YEARS])
    const panelFiles = (dir: string) =>
      readdirSync(join(dir, 'panel'))
        .sort()
        .map((f) => `panel/${f}`)
    expect(panelFiles(out)).toEqual(panelFiles(DATA))
    for (const f of ['counties.parquet', 'template.csv', ...panelFiles(DATA)])
      expect(bytes(out, f).equals(bytes(DATA, f)), f).toBe(true)
  }, 180_000)

  it('has one row per county in the county list and per county-year in every province file', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect()
    const repeated = async (sql: string) => (await (await conn.run(sql)).getRowObjects()).length
    expect(await repeated("SELECT code FROM 'public/data/counties.parquet' GROUP BY code HAVING count(*) > 1")).toBe(0)
    const panel = "read_parquet('public/data/panel/*.parquet', filename = true)"
    expect(await repeated(`SELECT code, year FROM ${panel} GROUP BY code, year HAVING count(*) > 1`)).toBe(0)
    // Each file holds its own province only, so no county-year is in two files either.
    expect(await repeated(`SELECT code FROM ${panel} GROUP BY code HAVING count(DISTINCT filename) > 1`)).toBe(0)
  })
})

// `npm run data` must reproduce the committed public/data/ byte for byte, and what it wrote
// holds one row per county and per county-year: the engine's tables have no keys to enforce it.
import { execFileSync } from 'node:child_process'
import { DuckDBInstance } from '@duckdb/node-api'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort()
}

describe('bundled data', () => {
  it('is exactly what the generator writes', () => {
    const out = mkdtempSync(join(tmpdir(), 'panel-'))
    execFileSync(process.execPath, ['--import', 'tsx', 'data/generate.ts', '--out', out], { stdio: 'pipe' })
    const committed = files('public/data')
    expect(files(out)).toEqual(committed)
    for (const f of committed) expect(readFileSync(join(out, f)).equals(readFileSync(join('public/data', f))), f).toBe(true)
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

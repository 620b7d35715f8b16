// `npx tsx scripts/csv-readers.ts [file.csv]`: the measurement behind the import's choice of
// CSV reader — papaparse over the decoded text (what the import worker runs) against
// DuckDB-wasm's own read_csv, on the same engine build the tests use, in Node.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Papa from 'papaparse'
import type * as Blocking from '@duckdb/duckdb-wasm/blocking'

const file = process.argv[2] ?? `${process.env.TMPDIR ?? '/tmp'}/county-edu-bench-100mb.csv`
const bytes = readFileSync(file)
const mb = bytes.length / 1048576

function time<T>(label: string, run: () => T): T {
  const start = performance.now()
  const result = run()
  const ms = performance.now() - start
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${(mb / (ms / 1000)).toFixed(0).padStart(4)} MB/s`)
  return result
}

const text = time('decode (TextDecoder, UTF-8)', () => new TextDecoder('utf-8').decode(bytes))
const rows = time('papaparse, row by row', () => {
  let n = 0
  Papa.parse<string[]>(text, { skipEmptyLines: true, step: () => void n++ })
  return n
})

const require = createRequire(import.meta.url)
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof Blocking
const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/duckdb-eh\.wasm$/, '')
const db = await duckdb.createDuckDB(
  {
    mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: '' },
    eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: '' },
  },
  new duckdb.VoidLogger(),
  duckdb.NODE_RUNTIME,
)
await db.instantiate()
db.registerFileBuffer('big.csv', new Uint8Array(bytes))
const conn = db.connect()
const counted = time('DuckDB-wasm read_csv into a table', () => {
  conn.query("CREATE TABLE t AS SELECT * FROM read_csv('big.csv', all_varchar = true)")
  return Number(conn.query('SELECT count(*) AS n FROM t').getChildAt(0)?.get(0))
})
console.log(`${mb.toFixed(0)} MB, ${rows - 1} data rows by papaparse, ${counted} by DuckDB`)

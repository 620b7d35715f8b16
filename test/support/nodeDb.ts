// The same DuckDB-wasm engine the browser runs, in Node, behind the app's Database interface.
import { createRequire } from 'node:module'
import type * as Blocking from '@duckdb/duckdb-wasm/blocking'
import { arrowToRows, type Database } from '../../src/db/types.ts'
import type { Query } from '../../src/util/query.ts'

const require = createRequire(import.meta.url)
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof Blocking

export async function createNodeDatabase(): Promise<Database> {
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/duckdb-eh\.wasm$/, '')
  const bundles = {
    mvp: { mainModule: dist + 'duckdb-mvp.wasm', mainWorker: dist + 'duckdb-node-mvp.worker.cjs' },
    eh: { mainModule: dist + 'duckdb-eh.wasm', mainWorker: dist + 'duckdb-node-eh.worker.cjs' },
  }
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME)
  await db.instantiate()
  db.open({ query: { castBigIntToDouble: true } })
  const conn = db.connect()
  conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false')
  return {
    async query<T extends object>(q: Query): Promise<T[]> {
      if (q.params.length === 0) return arrowToRows<T>(conn.query(q.sql))
      const stmt = conn.prepare(q.sql)
      try {
        return arrowToRows<T>(stmt.query(...q.params))
      } finally {
        stmt.close()
      }
    },
    async exec(sql: string): Promise<void> {
      conn.query(sql)
    },
    async insertIPC(table: string, ipc: Uint8Array): Promise<void> {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true })
    },
    async appendIPC(table: string, ipc: Uint8Array): Promise<void> {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: false })
    },
  }
}

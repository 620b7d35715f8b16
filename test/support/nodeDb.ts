// The same DuckDB-wasm engine the browser runs, in Node, behind the app's Database interface.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type * as Blocking from '@duckdb/duckdb-wasm/blocking'
import { leanEngineFile } from '../../scripts/engineExports.ts'
import { arrowToRows, type Database } from '../../src/db/types.ts'
import type { Query } from '../../src/util/query.ts'

const require = createRequire(import.meta.url)
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof Blocking

/** The blocking engine on the engine file the site ships (scripts/engineExports.ts), connected. */
export async function nodeConnection(bundle: 'eh' | 'mvp' = 'eh'): Promise<Blocking.DuckDBConnection> {
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'))
  const engine = (name: 'eh' | 'mvp') => ({
    mainModule: leanEngineFile(name),
    mainWorker: join(dist, `duckdb-node-${name}.worker.cjs`),
  })
  // Without an eh bundle DuckDB takes the mvp one, as a browser without wasm exceptions does.
  const bundles = bundle === 'eh' ? { mvp: engine('mvp'), eh: engine('eh') } : { mvp: engine('mvp') }
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME)
  await db.instantiate()
  db.open({ query: { castBigIntToDouble: true } })
  const conn = db.connect()
  conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false')
  return conn
}

export async function createNodeDatabase(): Promise<Database> {
  const conn = await nodeConnection()
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

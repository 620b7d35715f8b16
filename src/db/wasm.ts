// DuckDB-wasm in a Web Worker, from files bundled with the site: nothing is fetched from
// anywhere but the page's own origin.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import type { EngineReply } from './engineFetchWorker.ts'
import { PreparedStatements } from './prepared.ts'
import { arrowToRows, type Database, type StartProgress } from './types.ts'
import type { Query } from '../util/query.ts'

const INSTANTIATE_TIMEOUT_MS = 60_000

export class StartError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new StartError(message)), ms)
    promise.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}

export class WasmDatabase implements Database {
  private connection?: Promise<AsyncDuckDBConnection>
  private readonly listeners = new Set<(p: StartProgress) => void>()
  private readonly statements = new PreparedStatements()
  private turn: Promise<unknown> = Promise.resolve()

  onProgress(listener: (p: StartProgress) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(p: StartProgress): void {
    for (const l of this.listeners) l(p)
  }

  /** Starts the engine once; every caller shares the same promise, so early queries cannot race. */
  start(): Promise<AsyncDuckDBConnection> {
    this.connection ??= this.open()
    return this.connection
  }

  private async open(): Promise<AsyncDuckDBConnection> {
    const base = new URL('.', document.baseURI)
    const abs = (u: string) => new URL(u, base).href
    // The engine's client (with Arrow) loads beside the first view instead of before it.
    const { AsyncDuckDB, ConsoleLogger, LogLevel, selectBundle } = await import('@duckdb/duckdb-wasm')
    const bundle = await selectBundle({
      mvp: { mainModule: abs(mvpWasm), mainWorker: abs(mvpWorker) },
      eh: { mainModule: abs(ehWasm), mainWorker: abs(ehWorker) },
    })
    this.emit({ phase: 'download', fraction: 0 })
    const wasmUrl = await this.fetchEngine(bundle.mainModule)
    performance.mark('duckdb-wasm-fetched')
    this.emit({ phase: 'instantiate' })
    const worker = new Worker(bundle.mainWorker!)
    const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker)
    try {
      await withTimeout(
        db.instantiate(wasmUrl),
        INSTANTIATE_TIMEOUT_MS,
        '数据库引擎启动超时（60秒）。请刷新页面重试；如仍失败，请确认浏览器为较新版本的 Chrome、Edge 或 360 浏览器极速模式。',
      )
    } finally {
      URL.revokeObjectURL(wasmUrl)
    }
    await db.open({ query: { castBigIntToDouble: true } })
    performance.mark('duckdb-instantiated')
    const conn = await db.connect()
    // Never let DuckDB reach for an extension on the internet.
    await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false')
    this.emit({ phase: 'load' })
    return conn
  }

  /** The engine's bytes as a blob: URL, downloaded and gunzipped in a worker so that the
   * first view's paint does not share the page's thread with inflating 33 MB. */
  private fetchEngine(url: string): Promise<string> {
    const worker = new Worker(new URL('./engineFetchWorker.ts', import.meta.url), {
      type: 'module',
      name: 'engine-download',
    })
    return new Promise<string>((resolve, reject) => {
      worker.onmessage = ({ data }: MessageEvent<EngineReply>) => {
        if ('progress' in data) return this.emit(data.progress)
        worker.terminate()
        if ('wasm' in data) resolve(URL.createObjectURL(data.wasm))
        else reject(new StartError(data.error))
      }
      worker.onerror = (event) => {
        worker.terminate()
        reject(new StartError(`无法启动下载数据库引擎的后台线程：${event.message}`))
      }
      worker.postMessage(url)
    })
  }

  async query<T extends object>(q: Query): Promise<T[]> {
    const conn = await this.start()
    // One statement at a time, in the order asked. A prepared statement's preparing and its
    // run are two messages to the engine's worker; without the turn, the next statements'
    // preparing slipped in between, and the first view's first answer waited for all three.
    const mine = this.turn.then(() => this.run<T>(conn, q))
    this.turn = mine.catch(() => undefined)
    return mine
  }

  private async run<T extends object>(conn: AsyncDuckDBConnection, q: Query): Promise<T[]> {
    const start = performance.now()
    try {
      if (q.params.length === 0) return arrowToRows<T>(await conn.query(q.sql))
      return arrowToRows<T>(await this.statements.run(conn, q))
    } finally {
      // The benchmark reads these: how long the engine took, apart from rendering.
      performance.measure('sql', { start, detail: q.sql.slice(0, 80) })
    }
  }

  async exec(sql: string): Promise<void> {
    await (await this.start()).query(sql)
  }

  async insertIPC(table: string, ipc: Uint8Array): Promise<void> {
    await (await this.start()).insertArrowFromIPCStream(ipc, { name: table, create: true })
  }

  async appendIPC(table: string, ipc: Uint8Array): Promise<void> {
    await (await this.start()).insertArrowFromIPCStream(ipc, { name: table, create: false })
  }
}

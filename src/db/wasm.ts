// DuckDB-wasm in a Web Worker, from files bundled with the site: nothing is fetched from
// anywhere but the page's own origin.
import type { AsyncDuckDB, AsyncDuckDBConnection, DuckDBBundle, Logger } from '@duckdb/duckdb-wasm'
import { exceptions } from 'wasm-feature-detect'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import type { EngineReply } from './engineFetchWorker.ts'
import { isEngineWorkerReply, type EngineWorkerStart } from './engineSource.ts'
import { PreparedStatements } from './prepared.ts'
import { arrowToRows, type Database, type StartProgress } from './types.ts'
import type { Query } from '../util/query.ts'

type DuckDBModule = typeof import('@duckdb/duckdb-wasm')

const INSTANTIATE_TIMEOUT_MS = 60_000
const BROWSERS = '较新版本的 Chrome、Edge 或 360 浏览器极速模式'
const NO_WASM = `此浏览器不支持 WebAssembly，无法运行本页面的数据库引擎。请使用${BROWSERS}打开本页面。`
const TIMEOUT = `数据库引擎启动超时（60秒）。请刷新页面重试；如仍失败，请确认浏览器为${BROWSERS}。`

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

/** Starts engineWorker.ts; its own messages are taken before AsyncDuckDB's listener sees them. */
function spawnEngineWorker() {
  const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module', name: 'engine' })
  let verdict!: (v: 'streaming' | 'fallback') => void
  let compiled!: (downloadedAt: number) => void
  let failed!: (message: string) => void
  const replies = {
    verdict: new Promise<'streaming' | 'fallback'>((r) => (verdict = r)),
    /** Epoch time the server's response ended. */
    compiled: new Promise<number>((r) => (compiled = r)),
    failed: new Promise<string>((r) => (failed = r)),
  }
  worker.addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data
    if (!isEngineWorkerReply(data)) return
    event.stopImmediatePropagation()
    if (data.engine === 'compiled') return compiled(data.downloadedAt)
    if (data.engine === 'failed') {
      failed(data.message)
      return verdict('fallback')
    }
    verdict(data.engine)
  })
  worker.addEventListener('error', () => {
    failed('worker error')
    verdict('fallback')
  })
  return { worker, ...replies }
}

type EngineWorker = ReturnType<typeof spawnEngineWorker>

export class WasmDatabase implements Database {
  private connection?: Promise<AsyncDuckDBConnection>
  private readonly listeners = new Set<(p: StartProgress) => void>()
  private readonly statements = new PreparedStatements()
  private turn: Promise<unknown> = Promise.resolve()

  /** `due`: the engine's download and start wait for it (main.ts: until the first view is painted). */
  constructor(private readonly due: Promise<void> = Promise.resolve()) {}

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
    await this.due
    performance.mark('duckdb-started')
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') throw new StartError(NO_WASM)
    const base = new URL('.', document.baseURI)
    const abs = (u: string) => new URL(u, base).href
    const engine = spawnEngineWorker()
    // DuckDB's own choice (selectBundle without cross-origin isolation), made before its
    // client loads, so that the engine's download starts with the page.
    const bundle: DuckDBBundle = (await exceptions())
      ? { mainModule: abs(ehWasm), mainWorker: abs(ehWorker), pthreadWorker: null }
      : { mainModule: abs(mvpWasm), mainWorker: abs(mvpWorker), pthreadWorker: null }
    engine.worker.postMessage({ worker: bundle.mainWorker!, wasm: bundle.mainModule } satisfies EngineWorkerStart)
    this.emit({ phase: 'download' })
    // The engine's client (with Arrow) loads beside the first view and the download.
    const duckdb = await import('@duckdb/duckdb-wasm')
    const logger = new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING)
    const db = (await this.streamed(engine, duckdb, bundle, logger)) ?? (await this.fromBlob(duckdb, bundle, logger))
    await db.open({ query: { castBigIntToDouble: true } })
    performance.mark('duckdb-instantiated')
    const conn = await db.connect()
    // Never let DuckDB reach for an extension on the internet.
    await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false')
    this.emit({ phase: 'load' })
    return conn
  }

  /**
   * DuckDB compiling the engine as it streams from the server's response (engineWorker.ts), so
   * that later visits find the compiled code in the browser's cache; null, after nothing but
   * one request's headers, when the server does not label the file application/wasm, and when
   * compiling from the response fails.
   */
  private async streamed(
    engine: EngineWorker,
    duckdb: DuckDBModule,
    bundle: DuckDBBundle,
    logger: Logger,
  ): Promise<AsyncDuckDB | null> {
    const { worker, ...replies } = engine
    if ((await replies.verdict) !== 'streaming') {
      worker.terminate()
      return null
    }
    const db = new duckdb.AsyncDuckDB(logger, worker)
    const failed = replies.failed.then(() => false as const)
    const instantiated = Promise.race([db.instantiate(bundle.mainModule).then(() => true), failed])
    instantiated.catch(() => undefined)
    try {
      // Compiling has no time limit: it runs as the bytes arrive, over a slow intranet too.
      const downloadedAt = await Promise.race([replies.compiled, failed])
      if (downloadedAt !== false) {
        this.emit({ phase: 'instantiate' })
        if (await withTimeout(instantiated, INSTANTIATE_TIMEOUT_MS, TIMEOUT)) {
          // Here the end of the download, which the compile overlapped.
          const startTime = downloadedAt - performance.timeOrigin
          performance.mark('duckdb-wasm-fetched', { startTime, detail: 'streaming' })
          return db
        }
      }
    } catch (e) {
      if (e instanceof StartError) throw e
    }
    await db.terminate()
    return null
  }

  /** The engine downloaded (its .wasm.gz where there is one) and handed to DuckDB's own worker as a blob: URL. */
  private async fromBlob(duckdb: DuckDBModule, bundle: DuckDBBundle, logger: Logger): Promise<AsyncDuckDB> {
    const wasmUrl = await this.fetchEngine(bundle.mainModule)
    performance.mark('duckdb-wasm-fetched', { detail: 'blob' })
    this.emit({ phase: 'instantiate' })
    const db = new duckdb.AsyncDuckDB(logger, new Worker(bundle.mainWorker!))
    try {
      await withTimeout(db.instantiate(wasmUrl), INSTANTIATE_TIMEOUT_MS, TIMEOUT)
    } finally {
      URL.revokeObjectURL(wasmUrl)
    }
    return db
  }

  /** The engine's bytes as a blob: URL, downloaded and gunzipped in a worker so that the
   * first view's paint does not share the page's thread with inflating 27 MB. */
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

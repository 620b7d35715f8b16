// DuckDB-wasm in a Web Worker, from files bundled with the site: nothing is fetched from
// anywhere but the page's own origin.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import { gunzip } from './gzip.ts'
import { PreparedStatements } from './prepared.ts'
import { arrowToRows, type Database, type Query, type StartProgress } from './types.ts'

const INSTANTIATE_TIMEOUT_MS = 60_000

export class StartError extends Error {}

const WASM_SIGNATURE = [0x00, 0x61, 0x73, 0x6d]

/** The engine from a response, gzipped or not, with download progress; null for anything else
 * (a missing file, or the page some servers send for every unknown path). */
async function readWasm(response: Response, onProgress: (p: StartProgress) => void): Promise<Blob | null> {
  if (!response.ok || !response.body) return null
  const total = Number(response.headers.get('content-length') ?? 0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  let reported = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.byteLength
    // A report per chunk would re-render the page thousands of times; ten a second is enough.
    if (performance.now() - reported > 100) {
      reported = performance.now()
      onProgress({ phase: 'download', fraction: total > 0 ? Math.min(received / total, 1) : undefined, detail: `${(received / 1048576).toFixed(1)} MB` })
    }
  }
  const wasm = await gunzip(new Blob(chunks as BlobPart[]))
  const head = new Uint8Array(await wasm.slice(0, 4).arrayBuffer())
  return WASM_SIGNATURE.every((b, i) => head[i] === b) ? wasm : null
}

/** Downloads the wasm — the gzipped copy beside it when the server has it, a quarter of the
 * bytes — and hands DuckDB a blob of type application/wasm, so a server that labels .wasm as
 * application/octet-stream cannot stall streaming compilation. */
async function fetchWasm(url: string, onProgress: (p: StartProgress) => void): Promise<string> {
  const compressed = await fetch(`${url}.gz`).then((r) => readWasm(r, onProgress), () => null)
  let wasm = compressed
  if (!wasm) {
    const response = await fetch(url)
    wasm = await readWasm(response, onProgress)
    if (!wasm) throw new StartError(`无法下载数据库引擎文件 ${url}（HTTP ${response.status}）。请确认网站目录完整复制了 assets 文件夹。`)
  }
  return URL.createObjectURL(new Blob([wasm], { type: 'application/wasm' }))
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new StartError(message)), ms)
    promise.then(
      (v) => { clearTimeout(timer); resolve(v) },
      (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))) },
    )
  })
}

export class WasmDatabase implements Database {
  private connection?: Promise<AsyncDuckDBConnection>
  private readonly listeners = new Set<(p: StartProgress) => void>()
  private readonly statements = new PreparedStatements()

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
    const wasmUrl = await fetchWasm(bundle.mainModule, (p) => this.emit(p))
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

  async query<T extends object>(q: Query): Promise<T[]> {
    const conn = await this.start()
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
}

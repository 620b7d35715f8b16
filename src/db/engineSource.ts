// Where the engine's code comes from: compiled as it streams from the server's response
// (engineWorker.ts), or, where the server does not allow that, from a Blob made by
// engineFetchWorker.ts. Shared by the page (wasm.ts) and the engine's worker.

/**
 * Whether the browser can compile the engine while it downloads, from this response: only a
 * response labelled application/wasm may be compiled streaming. A Content-Encoding the server
 * adds is undone by the browser and does not matter.
 */
export function streamable(response: { ok: boolean; headers: Headers }): boolean {
  const type = response.headers.get('content-type') ?? ''
  return response.ok && type.split(';')[0]!.trim().toLowerCase() === 'application/wasm'
}

/** The page's one message to engineWorker.ts: DuckDB's worker script and the engine's wasm, both absolute URLs. */
export interface EngineWorkerStart {
  worker: string
  wasm: string
}

/**
 * engineWorker.ts to the page, beside DuckDB's own messages: `streaming` once DuckDB's worker is
 * loaded and the server's response is being compiled; `fallback` when the response may not be
 * compiled streaming (the engine then comes from a Blob); `compiled` with the epoch time the
 * response ended; `failed` when compiling or instantiating it, or loading DuckDB's worker, failed.
 */
export type EngineWorkerReply =
  | { engine: 'streaming' | 'fallback' }
  | { engine: 'compiled'; downloadedAt: number }
  | { engine: 'failed'; message: string }

export function isEngineWorkerReply(data: unknown): data is EngineWorkerReply {
  return typeof data === 'object' && data !== null && 'engine' in data
}

// DuckDB's own browser worker, loaded into this one, given the engine compiled straight from
// the server's fetch() response. The browser caches compiled wasm only for a module compiled
// streaming from such a response; DuckDB's worker, wherever TransformStream exists, pipes the
// body into a constructed Response (no URL, no cache). So this worker makes one GET, lets its
// headers decide (engineSource.ts), starts compiling while DuckDB's script loads, and has
// DuckDB's worker take its path without TransformStream, where its fetch and its
// instantiateStreaming are answered with that response and that module.
import { streamable, type EngineWorkerReply, type EngineWorkerStart } from './engineSource.ts'

const scope = self as unknown as { TransformStream: unknown; fetch: typeof fetch }
const wasmApi = WebAssembly as { instantiateStreaming: typeof WebAssembly.instantiateStreaming }

const reply = (message: EngineWorkerReply) => postMessage(message)

/** Epoch time the response ended: the compile ran as its bytes arrived. */
function downloadEnd(url: string): number {
  const entry = performance.getEntriesByName(url).at(-1) as PerformanceResourceTiming | undefined
  return performance.timeOrigin + (entry?.responseEnd ?? performance.now())
}

function handOver(url: string, response: Response, compiled: Promise<WebAssembly.Module>): void {
  const transformStream = scope.TransformStream
  const realFetch = scope.fetch
  const instantiateStreaming = wasmApi.instantiateStreaming
  const warn = console.warn
  scope.TransformStream = undefined
  // DuckDB's warning that it cannot report download progress on this path: expected here.
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('transform streams are unavailable')) warn(...args)
  }
  scope.fetch = (input, init) => {
    if ((input instanceof Request ? input.url : String(input)) !== url) return realFetch(input, init)
    scope.fetch = realFetch
    scope.TransformStream = transformStream
    console.warn = warn
    return Promise.resolve(response)
  }
  // DuckDB's worker catches no failure here: reported, the page need not wait for its timeout.
  wasmApi.instantiateStreaming = async (_response, imports) => {
    wasmApi.instantiateStreaming = instantiateStreaming
    const module = await compiled
    const instance = await WebAssembly.instantiate(module, imports).catch((e: unknown) => {
      reply({ engine: 'failed', message: String(e) })
      throw e
    })
    return { module, instance }
  }
}

self.onmessage = async ({ data }: MessageEvent<EngineWorkerStart>) => {
  // DuckDB's script loads while the response's headers come. A classic script: loaded as a
  // module it runs the same (strict, no top-level `this`), and sets the onmessage that serves
  // AsyncDuckDB from here on. It reads fetch and TransformStream only when it instantiates,
  // after handOver.
  const script = import(/* @vite-ignore */ data.worker)
  script.catch(() => undefined)
  const response = await fetch(data.wasm).catch(() => null)
  if (!response || !streamable(response)) {
    void response?.body?.cancel()
    return reply({ engine: 'fallback' })
  }
  const compiled = WebAssembly.compileStreaming(response)
  compiled.then(
    () => reply({ engine: 'compiled', downloadedAt: downloadEnd(data.wasm) }),
    (e: unknown) => reply({ engine: 'failed', message: String(e) }),
  )
  handOver(data.wasm, response, compiled)
  try {
    await script
  } catch (e) {
    return reply({ engine: 'failed', message: String(e) })
  }
  reply({ engine: 'streaming' })
}

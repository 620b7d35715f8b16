// The engine's fallback source, for servers whose response cannot be compiled streaming
// (engineSource.ts): downloads DuckDB's wasm off the page's thread — the gzipped copy beside
// it when the server has it, a quarter of the bytes — and gunzips it here, so that inflating
// 27 MB does not delay the first view's paint. The page gets a Blob (a handle: nothing is copied).
import { gunzip } from './gzip.ts'
import type { StartProgress } from './types.ts'

export type EngineReply = { progress: StartProgress } | { wasm: Blob } | { error: string }

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
      onProgress({
        phase: 'download',
        fraction: total > 0 ? Math.min(received / total, 1) : undefined,
        detail: `${(received / 1048576).toFixed(1)} MB`,
      })
    }
  }
  const wasm = await gunzip(new Blob(chunks as BlobPart[]))
  const head = new Uint8Array(await wasm.slice(0, 4).arrayBuffer())
  return WASM_SIGNATURE.every((b, i) => head[i] === b) ? wasm : null
}

/** Downloads the wasm — the gzipped copy beside it when the server has it, a quarter of the
 * bytes — and hands DuckDB a blob of type application/wasm, so a server that labels .wasm as
 * application/octet-stream cannot stall streaming compilation. */
async function fetchWasm(url: string, onProgress: (p: StartProgress) => void): Promise<Blob> {
  const compressed = await fetch(`${url}.gz`).then(
    (r) => readWasm(r, onProgress),
    () => null,
  )
  let wasm = compressed
  if (!wasm) {
    const response = await fetch(url)
    wasm = await readWasm(response, onProgress)
    if (!wasm) {
      // Some servers answer an unknown path with the site's index.html.
      const got = response.ok
        ? `服务器返回的内容不是引擎文件：${response.headers.get('content-type') ?? '类型未知'}`
        : `HTTP ${response.status}`
      throw new Error(`无法下载数据库引擎文件 ${url}（${got}）。请确认网站目录完整复制了 assets 文件夹。`)
    }
  }
  return new Blob([wasm], { type: 'application/wasm' })
}

self.onmessage = async ({ data: url }: MessageEvent<string>) => {
  try {
    postMessage({
      wasm: await fetchWasm(url, (progress) => postMessage({ progress } satisfies EngineReply)),
    } satisfies EngineReply)
  } catch (e) {
    postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies EngineReply)
  }
}

// A plain static file server (no Vite), as an intranet would host dist/: used by the e2e
// tests and the benchmark. It can mount the site under a sub-path.
import { createServer, type Server } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** The built site the tests serve: `dist`, or SITE_DIR for a build made elsewhere (`vite build --outDir`). */
export const SITE_DIR = process.env.SITE_DIR ?? 'dist'

export interface StaticServer {
  url: string
  close(): Promise<void>
}

export interface ServeOptions {
  /** Mount point, e.g. '/dashboards/edu/'. */
  base?: string
  /** MIME type overrides by extension, e.g. { '.wasm': 'application/octet-stream' }. */
  types?: Record<string, string>
  /** Files replaced by path under the root, e.g. 'data/panel/430000.parquet': null for a missing file, text for a corrupt one. */
  files?: Record<string, string | null>
}

export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = options.base ?? '/'
  const types = { ...TYPES, ...options.types }
  const absRoot = resolve(root)
  const typeOf = (file: string) => types[extname(file)] ?? 'application/octet-stream'
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      if (!path.startsWith(base)) {
        res.writeHead(404).end()
        return
      }
      let file = normalize(join(absRoot, path.slice(base.length)))
      if (!file.startsWith(absRoot)) {
        res.writeHead(403).end()
        return
      }
      const replaced = options.files?.[path.slice(base.length)]
      if (replaced === null) {
        res.writeHead(404).end()
        return
      }
      if (replaced !== undefined) {
        res.writeHead(200, { 'content-type': typeOf(file) }).end(replaced)
        return
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
        const body = await readFile(file)
        res.writeHead(200, { 'content-type': typeOf(file), 'content-length': body.length })
        res.end(body)
      } catch {
        res.writeHead(404).end()
      }
    })()
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  }
}

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
  /** Paths with no file answered with the root's index.html (200, text/html), as single-page-app hosting does. */
  indexForUnknown?: boolean
  /**
   * Send Last-Modified and answer If-Modified-Since with 304, as nginx, Apache and IIS do: a
   * later visit then reuses the browser's HTTP cache, and with it the compiled-wasm cache.
   */
  lastModified?: boolean
  /** Send a file's .gz beside it, with Content-Encoding: gzip, to browsers that accept it, as nginx's gzip_static does. */
  gzipStatic?: boolean
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
      const file = normalize(join(absRoot, path.slice(base.length)))
      if (!file.startsWith(absRoot)) {
        res.writeHead(403).end()
        return
      }
      const replaced = options.files?.[path.slice(base.length)]
      if (typeof replaced === 'string') {
        res.writeHead(200, { 'content-type': typeOf(file) }).end(replaced)
        return
      }
      const missing = () => (options.indexForUnknown ? join(absRoot, 'index.html') : null)
      const found =
        replaced === null
          ? missing()
          : await stat(file).then((s) => (s.isDirectory() ? join(file, 'index.html') : file), missing)
      if (!found) {
        res.writeHead(404).end()
        return
      }
      try {
        const headers: Record<string, string | number> = { 'content-type': typeOf(found) }
        if (options.lastModified) {
          const modified = (await stat(found)).mtime.toUTCString()
          headers['last-modified'] = modified
          if (req.headers['if-modified-since'] === modified) {
            res.writeHead(304, headers).end()
            return
          }
        }
        const gzip = options.gzipStatic && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
        const gz = gzip ? await readFile(`${found}.gz`).catch(() => null) : null
        if (gz) headers['content-encoding'] = 'gzip'
        const body = gz ?? (await readFile(found))
        res.writeHead(200, { ...headers, 'content-length': body.length })
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

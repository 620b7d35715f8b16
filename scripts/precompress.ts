// A gzipped copy beside each large text or wasm file of the build (name.ext.gz): servers
// with precompressed serving (nginx gzip_static) send it, and the page fetches the engine's
// .wasm.gz itself where the server sends nothing compressed. Node's zlib, no dependency.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(wasm|js|css|json|html|svg)$/
const MIN_BYTES = 1024

export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    writeBundle() {
      for (const entry of readdirSync(outDir, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue
        const path = join(entry.parentPath, entry.name)
        const body = readFileSync(path)
        if (body.length >= MIN_BYTES) writeFileSync(`${path}.gz`, gzipSync(body))
      }
    },
  }
}

// DuckDB-wasm's engine without the exports nothing calls. DuckDB-wasm is built as an Emscripten
// MAIN_MODULE, so that it can link extensions at run time: it exports all of its 75,011 symbols,
// 7.4 MB of the 34 MB file, and its worker's dynamic-linking runtime walks them on every start
// (a table slot and a WebAssembly.Global each, ~1 s of a warm start). The site never links an
// extension (offline, autoload off), so the engine it ships keeps only the exports DuckDB-wasm's
// own scripts name, Emscripten's `dynCall_` and `__` symbols, and those its GOT imports are
// filled from: ~1,100. Code, data and every other section are untouched.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

/** Reads an unsigned LEB128 at `at`: its value and the offset after it. */
function leb(bytes: Uint8Array, at: number): [number, number] {
  let value = 0
  let shift = 0
  let byte: number
  do {
    byte = bytes[at++]!
    value += (byte & 0x7f) * 2 ** shift
    shift += 7
  } while (byte & 0x80)
  return [value, at]
}

function encodeLeb(value: number): number[] {
  const out: number[] = []
  do {
    let byte = value % 128
    value = Math.floor(value / 128)
    if (value > 0) byte |= 0x80
    out.push(byte)
  } while (value > 0)
  return out
}

interface Section {
  id: number
  /** Offset of the section's id byte. */
  start: number
  /** Offset of its content, after the size. */
  body: number
  end: number
}

const IMPORTS = 2
const EXPORTS = 7
const decoder = new TextDecoder()

function sections(wasm: Uint8Array): Section[] {
  const out: Section[] = []
  let at = 8
  while (at < wasm.length) {
    const start = at
    const id = wasm[at++]!
    const [size, body] = leb(wasm, at)
    out.push({ id, start, body, end: body + size })
    at = body + size
  }
  return out
}

function section(wasm: Uint8Array, id: number): Section {
  const found = sections(wasm).find((s) => s.id === id)
  if (!found) throw new Error(`engineExports: the wasm has no section ${id}`)
  return found
}

function name(wasm: Uint8Array, at: number): [string, number] {
  const [length, start] = leb(wasm, at)
  return [decoder.decode(wasm.subarray(start, start + length)), start + length]
}

/** Skips a limits record (tables, memories). */
function limits(wasm: Uint8Array, at: number): number {
  const [flags, next] = leb(wasm, at)
  at = leb(wasm, next)[1]
  return flags & 1 ? leb(wasm, at)[1] : at
}

/** Names the module imports from its GOT (GOT.mem, GOT.func): Emscripten fills them from the exports. */
export function gotImports(wasm: Uint8Array): Set<string> {
  const s = section(wasm, IMPORTS)
  let [count, at] = leb(wasm, s.body)
  const got = new Set<string>()
  while (count-- > 0) {
    let module: string
    let field: string
    ;[module, at] = name(wasm, at)
    ;[field, at] = name(wasm, at)
    const kind = wasm[at++]
    if (kind === 0) at = leb(wasm, at)[1]
    else if (kind === 1) at = limits(wasm, at + 1)
    else if (kind === 2) at = limits(wasm, at)
    else if (kind === 3) at += 2
    else if (kind === 4) at = leb(wasm, at + 1)[1]
    else throw new Error(`engineExports: unknown import kind ${kind}`)
    if (module.startsWith('GOT.')) got.add(field)
  }
  return got
}

/** Every identifier and word of a script: a superset of the export names it can ask for. */
export function wordsOf(script: string): Set<string> {
  return new Set(script.match(/[A-Za-z_$][\w$]*/g))
}

/**
 * Whether the engine must keep an export: named by DuckDB-wasm's scripts (`wasmExports.x`,
 * `Module._x`, ccall's "x"), one of Emscripten's `dynCall_` or `__` symbols, or filling a GOT
 * import; an `orig$` export goes with its plain twin.
 */
export function keepExport(exported: string, words: Set<string>, got: Set<string>): boolean {
  const plain = exported.startsWith('orig$') ? exported.slice(5) : exported
  return (
    plain.startsWith('dynCall_') ||
    plain.startsWith('__') ||
    got.has(plain) ||
    words.has(plain) ||
    words.has(`_${plain}`)
  )
}

/** The module with only the exports `keep` accepts; every other byte is as it was. */
export function stripExports(wasm: Uint8Array, keep: (exported: string) => boolean): Uint8Array<ArrayBuffer> {
  const s = section(wasm, EXPORTS)
  let [count, at] = leb(wasm, s.body)
  const kept: Uint8Array[] = []
  while (count-- > 0) {
    const start = at
    let exported: string
    ;[exported, at] = name(wasm, at)
    at = leb(wasm, at + 1)[1]
    if (keep(exported)) kept.push(wasm.subarray(start, at))
  }
  const entries = kept.reduce((n, e) => n + e.length, 0)
  const countBytes = encodeLeb(kept.length)
  const head = [EXPORTS, ...encodeLeb(countBytes.length + entries), ...countBytes]
  const out = new Uint8Array(s.start + head.length + entries + (wasm.length - s.end))
  out.set(wasm.subarray(0, s.start))
  out.set(head, s.start)
  let to = s.start + head.length
  for (const e of kept) {
    out.set(e, to)
    to += e.length
  }
  out.set(wasm.subarray(s.end), to)
  return out
}

/** DuckDB-wasm's scripts beside `wasmPath`: every word of them, browser and Node glue alike. */
function duckdbWords(wasmPath: string): Set<string> {
  const dir = dirname(wasmPath)
  const words = new Set<string>()
  for (const file of readdirSync(dir)) {
    if (/\.[cm]?js$/.test(file)) for (const w of wordsOf(readFileSync(join(dir, file), 'utf8'))) words.add(w)
  }
  return words
}

/** The engine file at `wasmPath` (DuckDB-wasm's dist) with only the exports it is called through. */
export function leanEngine(wasmPath: string): Uint8Array<ArrayBuffer> {
  const wasm = new Uint8Array(readFileSync(wasmPath))
  const words = duckdbWords(wasmPath)
  const got = gotImports(wasm)
  return stripExports(wasm, (exported) => keepExport(exported, words, got))
}

const require = createRequire(import.meta.url)

/**
 * The lean engine as a file, for the engine in Node (tests, `npm run data`): made once per DuckDB
 * version and version of this file, in node_modules/.cache.
 */
export function leanEngineFile(bundle: 'eh' | 'mvp'): string {
  const original = require.resolve(`@duckdb/duckdb-wasm/dist/duckdb-${bundle}.wasm`)
  const manifest = join(dirname(original), '..', 'package.json')
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }
  const recipe = createHash('sha256')
    .update(readFileSync(new URL(import.meta.url)))
    .digest('hex')
    .slice(0, 12)
  const dir = fileURLToPath(new URL('../node_modules/.cache/lean-engine/', import.meta.url))
  const file = join(dir, `duckdb-${bundle}-${version}-${recipe}.wasm`)
  if (existsSync(file)) return file
  mkdirSync(dir, { recursive: true })
  // Written aside and renamed: test workers that make it at once never read half a file.
  const part = `${file}.${process.pid}.part`
  writeFileSync(part, leanEngine(original))
  renameSync(part, file)
  return file
}

const ENGINE_URL = /\/@duckdb\/duckdb-wasm\/dist\/(duckdb-(?:eh|mvp)\.wasm)\?url$/

/** Vite: the site's `duckdb-*.wasm?url` imports get the lean engine as their asset, in builds. */
export function leanEngineAssets(): Plugin {
  return {
    name: 'lean-engine',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const match = ENGINE_URL.exec(id)
      if (!match) return null
      const source = leanEngine(id.slice(0, -'?url'.length))
      const ref = this.emitFile({ type: 'asset', name: match[1], source })
      return `export default import.meta.ROLLUP_FILE_URL_${ref}`
    },
  }
}

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { tableFromArrays, tableToIPC } from 'apache-arrow'
import { gotImports, keepExport, leanEngineFile, stripExports, wordsOf } from '../../scripts/engineExports.ts'
import { arrowToRows } from '../../src/db/types.ts'
import { nodeConnection } from '../support/nodeDb.ts'

const require = createRequire(import.meta.url)

/** A module of three functions returning 1, 2 and 3, exported as one, two and three, then a custom section. */
function tinyModule(): Uint8Array {
  const name = (s: string) => [s.length, ...new TextEncoder().encode(s)]
  const exports = [3, ...name('one'), 0, 0, ...name('two'), 0, 1, ...name('three'), 0, 2]
  const body = (n: number) => [4, 0, 0x41, n, 0x0b]
  const code = [3, ...body(1), ...body(2), ...body(3)]
  const custom = [...name('note'), 0xaa, 0xbb]
  return new Uint8Array([
    ...[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...[1, 5, 1, 0x60, 0, 1, 0x7f],
    ...[3, 4, 3, 0, 0, 0],
    ...[7, exports.length, ...exports],
    ...[10, code.length, ...code],
    ...[0, custom.length, ...custom],
  ])
}

describe('stripExports', () => {
  it('drops the exports not kept and leaves every other byte as it was', () => {
    const wasm = tinyModule()
    const lean = stripExports(wasm, (e) => e !== 'two')
    const module = new WebAssembly.Module(lean)
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual(['one', 'three'])
    const { exports } = new WebAssembly.Instance(module) as { exports: Record<string, () => number> }
    expect([exports.one!(), exports.three!()]).toEqual([1, 3])
    // Type and function sections before, code and custom sections after: byte for byte.
    const exportStart = 8 + 7 + 6
    expect(lean.subarray(0, exportStart)).toEqual(wasm.subarray(0, exportStart))
    expect(lean.subarray(lean.length - 31)).toEqual(wasm.subarray(wasm.length - 31))
    expect(WebAssembly.Module.customSections(module, 'note').map((b) => [...new Uint8Array(b)])).toEqual([[0xaa, 0xbb]])
  })
})

describe('keepExport', () => {
  const words = wordsOf('x=wasmExports.duckdb_web_open;Module._malloc=y;ccall(m,"duckdb_web_query_run")')
  const got = new Set(['_ZTIN6duckdb9ExceptionE'])
  it.each([
    ['duckdb_web_open', true],
    ['duckdb_web_query_run', true],
    ['malloc', true],
    ['dynCall_vii', true],
    ['__wasm_call_ctors', true],
    ['_ZTIN6duckdb9ExceptionE', true],
    ['orig$_ZTIN6duckdb9ExceptionE', true],
    ['_ZN6duckdb6Binder4BindERNS_15SelectStatementE', false],
    ['duckdb_web_get_version', false],
  ])('%s: %s', (exported, kept) => expect(keepExport(exported, words, got)).toBe(kept))
})

describe('the lean engine', () => {
  it.each(['eh', 'mvp'] as const)('%s keeps every export its GOT imports are filled from, of 75,000', (bundle) => {
    const original = new Uint8Array(readFileSync(require.resolve(`@duckdb/duckdb-wasm/dist/duckdb-${bundle}.wasm`)))
    const lean = new Uint8Array(readFileSync(leanEngineFile(bundle)))
    const exportsOf = (wasm: Uint8Array<ArrayBuffer>) =>
      WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name)
    const all = exportsOf(original)
    const kept = new Set(exportsOf(lean))
    expect(all.length).toBeGreaterThan(75_000)
    expect(kept.size).toBeLessThan(1_500)
    const got = gotImports(original)
    expect(got.size).toBeGreaterThan(250)
    for (const name of all) if (got.has(name) || name.startsWith('duckdb_web_')) expect(kept).toContain(name)
    expect(lean.length).toBeLessThan(original.length - 6_000_000)
  })

  it.each(['eh', 'mvp'] as const)('%s answers, prepares, takes Arrow and reports errors in Node', async (bundle) => {
    const conn = await nodeConnection(bundle)
    expect(arrowToRows<{ v: string }>(conn.query('SELECT version() AS v'))[0]!.v).toMatch(/^v1\./)
    const stmt = conn.prepare('SELECT ?::INTEGER * 2 AS doubled, list_sum([1.5, 2.5]::DOUBLE[]) AS s')
    expect(arrowToRows(stmt.query(21))).toEqual([{ doubled: 42, s: 4 }])
    stmt.close()
    conn.query("CREATE TABLE t AS SELECT * FROM (VALUES ('430121', 1.25::DOUBLE), ('430181', NULL)) v(code, x)")
    const ipc = tableToIPC(tableFromArrays({ code: ['430102'], x: Float64Array.of(2.75) }))
    conn.insertArrowFromIPCStream(ipc, { name: 't', create: false })
    expect(arrowToRows(conn.query('SELECT count(*) AS n, sum(x) AS total FROM t'))).toEqual([{ n: 3, total: 4 }])
    // DuckDB-wasm 1.32's mvp glue reports every SQL error as "_setThrew is not defined", with
    // its own engine file as with this one; the eh engine, which browsers take, names the error.
    const message = (text: RegExp) => (bundle === 'eh' ? text : /_setThrew/)
    expect(() => conn.query('SELECT * FROM no_such_table')).toThrow(message(/no_such_table/))
    expect(() => conn.query("SELECT 'a'::INTEGER")).toThrow(message(/Conversion Error/))
    expect(arrowToRows(conn.query('SELECT 1 AS still'))).toEqual([{ still: 1 }])
  })
})

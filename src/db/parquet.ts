// Parquet → Arrow in JavaScript: DuckDB-wasm's own read_parquet needs an extension it
// would download at first use, which an offline intranet cannot do.
import { parquetMetadata, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { Bool, Float64, Table, Utf8, makeData, makeVector, type Vector } from 'apache-arrow'
import type { Column } from './schema.ts'

/** Validity bitmap (LSB first, as Arrow lays it out) and null count of a column. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8))
  let nullCount = 0
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++
    else nullBitmap[i >> 3]! |= 1 << (i & 7)
  })
  return { nullBitmap, nullCount }
}

// Vectors are laid out by hand: Arrow's builders compile a validity check with
// `new Function`, which the page's Content-Security-Policy (rightly) forbids.
function numberVector(values: readonly unknown[]): Vector {
  const data = new Float64Array(values.length)
  values.forEach((v, i) => (data[i] = v === null || v === undefined ? 0 : Number(v)))
  return makeVector(makeData({ type: new Float64(), length: values.length, data, ...validity(values) }))
}

function textVector(values: readonly unknown[]): Vector {
  const encoder = new TextEncoder()
  const parts = values.map((v) => (v === null || v === undefined ? new Uint8Array(0) : encoder.encode(String(v))))
  const valueOffsets = new Int32Array(values.length + 1)
  parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i]! + p.length))
  const data = new Uint8Array(valueOffsets[values.length]!)
  parts.forEach((p, i) => data.set(p, valueOffsets[i]!))
  return makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets, data, ...validity(values) }))
}

function boolVector(values: readonly unknown[]): Vector {
  const data = new Uint8Array(Math.ceil(values.length / 8))
  values.forEach((v, i) => {
    if (v) data[i >> 3]! |= 1 << (i & 7)
  })
  return makeVector(makeData({ type: new Bool(), length: values.length, data, ...validity(values) }))
}

const VECTOR: Record<Column['kind'], (values: readonly unknown[]) => Vector> = {
  text: textVector,
  integer: numberVector,
  double: numberVector,
  boolean: boolVector,
}

/** Reads the wanted columns of a Parquet file; columns the file lacks come back all null. */
export async function parquetToArrow(bytes: ArrayBuffer, columns: readonly Column[]): Promise<Table> {
  const metadata = parquetMetadata(bytes)
  const present = new Set(metadata.schema.map((s) => s.name))
  const wanted = columns.filter((c) => present.has(c.name)).map((c) => c.name)
  const rows = await parquetReadObjects({ file: bytes, metadata, columns: wanted, compressors })
  return new Table(Object.fromEntries(columns.map((c) => [c.name, VECTOR[c.kind](rows.map((r) => r[c.name]))])))
}

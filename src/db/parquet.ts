// Parquet → Arrow in JavaScript: DuckDB-wasm's own read_parquet needs an extension it
// would download at first use, which an offline intranet cannot do.
import { parquetMetadata, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { Bool, Float64, Table, Utf8, vectorFromArray } from 'apache-arrow'
import type { Column } from './schema.ts'

function normalise(value: unknown, kind: Column['kind']): string | number | boolean | null {
  if (value === null || value === undefined) return null
  if (kind === 'text') return String(value)
  if (kind === 'boolean') return Boolean(value)
  return Number(value)
}

/** Reads the wanted columns of a Parquet file; columns the file lacks come back all null. */
export async function parquetToArrow(bytes: ArrayBuffer, columns: readonly Column[]): Promise<Table> {
  const metadata = parquetMetadata(bytes)
  const present = new Set(metadata.schema.map((s) => s.name))
  const wanted = columns.filter((c) => present.has(c.name)).map((c) => c.name)
  const rows = await parquetReadObjects({ file: bytes, metadata, columns: wanted, compressors })
  const vectors = Object.fromEntries(
    columns.map((c) => {
      const values = rows.map((r) => normalise(r[c.name], c.kind))
      const type = c.kind === 'text' ? new Utf8() : c.kind === 'boolean' ? new Bool() : new Float64()
      return [c.name, vectorFromArray(values, type)]
    }),
  )
  return new Table(vectors)
}

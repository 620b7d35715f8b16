// Parquet → Arrow in JavaScript: DuckDB-wasm's own read_parquet needs an extension it
// would download at first use, which an offline intranet cannot do.
import { parquetMetadata, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import type { Table } from 'apache-arrow'
import { arrowTable } from './arrow.ts'
import type { Column } from './schema.ts'

/** Reads the wanted columns of a Parquet file; columns the file lacks come back all null. */
export async function parquetToArrow(bytes: ArrayBuffer, columns: readonly Column[]): Promise<Table> {
  const metadata = parquetMetadata(bytes)
  const present = new Set(metadata.schema.map((s) => s.name))
  const wanted = columns.filter((c) => present.has(c.name)).map((c) => c.name)
  const rows = await parquetReadObjects({ file: bytes, metadata, columns: wanted, compressors })
  return arrowTable(columns, (name) => (present.has(name) ? rows.map((r) => r[name]) : undefined), rows.length)
}

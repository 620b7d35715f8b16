// Parquet → Arrow in JavaScript: DuckDB-wasm's own read_parquet needs an extension it
// would download at first use, which an offline intranet cannot do.
import { parquetMetadata, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { tableToIPC } from 'apache-arrow'
import { arrowTable } from './arrow.ts'
import type { Column } from './schema.ts'

/** Reads the wanted columns of a Parquet file as an Arrow IPC stream; columns the file lacks come back all null. */
export async function parquetToIPC(bytes: ArrayBuffer, columns: readonly Column[]): Promise<Uint8Array> {
  const metadata = parquetMetadata(bytes)
  const present = new Set(metadata.schema.map((s) => s.name))
  const wanted = columns.filter((c) => present.has(c.name)).map((c) => c.name)
  const rows = await parquetReadObjects({ file: bytes, metadata, columns: wanted, compressors })
  return tableToIPC(arrowTable(columns, (name) => (present.has(name) ? rows.map((r) => r[name]) : undefined), rows.length), 'stream')
}

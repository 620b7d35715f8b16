// Parquet → Arrow in JavaScript: DuckDB-wasm's own read_parquet needs an extension it
// would download at first use, which an offline intranet cannot do.
import { parquetMetadata, parquetRead, type Compressors, type DecodedArray, type FileMetaData } from 'hyparquet'
import { decompress as decompressZstd } from 'fzstd'
import { tableToIPC } from 'apache-arrow'
import { arrowTable } from './arrow.ts'
import type { Column } from './schema.ts'

/** Reads the wanted columns of a Parquet file as an Arrow IPC stream; columns the file lacks come back all null. */
export async function parquetToIPC(bytes: ArrayBuffer, columns: readonly Column[]): Promise<Uint8Array> {
  const metadata = parquetMetadata(bytes)
  const present = new Set(metadata.schema.map((s) => s.name))
  const wanted = columns.filter((c) => present.has(c.name)).map((c) => c.name)
  // Column by column, as Arrow lays them out: rows as objects took twice as long for a
  // province's 214,000 schools.
  const chunks = new Map<string, { rowStart: number; data: DecodedArray }[]>()
  await parquetRead({
    file: bytes,
    metadata,
    columns: wanted,
    compressors: await compressorsFor(metadata),
    onChunk: ({ columnName, columnData, rowStart }) =>
      void chunks.set(columnName, [...(chunks.get(columnName) ?? []), { rowStart, data: columnData }]),
  })
  const column = (name: string): ArrayLike<unknown> | undefined => {
    const parts = chunks.get(name)?.sort((a, b) => a.rowStart - b.rowStart)
    // One chunk per row group.
    return parts?.length === 1 ? parts[0]!.data : parts?.flatMap((p) => Array.from(p.data as ArrayLike<unknown>))
  }
  return tableToIPC(arrowTable(columns, column, Number(metadata.num_rows)), 'stream')
}

/** hyparquet reads Snappy itself; the build writes ZSTD. */
const ZSTD_ONLY: Compressors = { ZSTD: (input) => decompressZstd(input) }

/**
 * The build's files need only ZSTD (7 KB of code). The other codecs (70 KB, most of it
 * Brotli's dictionary) are fetched only for a file that uses one of them.
 */
async function compressorsFor(metadata: FileMetaData): Promise<Compressors> {
  const codecs = new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec)))
  if ([...codecs].every((c) => c === undefined || c === 'UNCOMPRESSED' || c === 'SNAPPY' || c === 'ZSTD'))
    return ZSTD_ONLY
  return (await import('hyparquet-compressors')).compressors
}

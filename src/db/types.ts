import type { Table } from 'apache-arrow'
import type { Query, Row } from '../util/query.ts'
import type { Column } from './schema.ts'

export type StartPhase = 'download' | 'instantiate' | 'load' | 'ready'

export interface StartProgress {
  phase: StartPhase
  /** 0–1 within the phase, when known. */
  fraction?: number
  detail?: string
}

/**
 * The one gateway to the database. The browser uses DuckDB-wasm in a worker
 * (wasm.ts); tests use the same engine in Node (test/support/nodeDb.ts).
 */
export interface Database {
  query<T extends object = Row>(q: Query): Promise<T[]>
  exec(sql: string): Promise<void>
  /** Creates `table` from an Arrow IPC stream (built off the main thread where it is large). */
  insertIPC(table: string, ipc: Uint8Array): Promise<void>
  /** Appends an Arrow IPC stream to `table`, its columns in the table's order and cast to its types. */
  appendIPC(table: string, ipc: Uint8Array): Promise<void>
}

/** Turns Arrow rows into plain objects with numbers, not BigInts. */
export function arrowToRows<T>(table: Table): T[] {
  const names = table.schema.fields.map((f) => f.name)
  const columns = names.map((n) => table.getChild(n))
  const rows: T[] = new Array(table.numRows)
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {}
    names.forEach((n, j) => {
      const v: unknown = columns[j]?.get(i)
      row[n] = typeof v === 'bigint' ? Number(v) : v
    })
    rows[i] = row as T
  }
  return rows
}

/** Parquet bytes → an Arrow IPC stream of the wanted columns: parquetToIPC, in a worker in the browser. */
export type DecodeParquet = (bytes: ArrayBuffer, columns: readonly Column[]) => Promise<Uint8Array>

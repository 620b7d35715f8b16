import type { Table } from 'apache-arrow'

export type SqlParam = string | number | boolean | null

/** A statement with its bound parameters; identifiers come only from the catalog. */
export interface Query {
  sql: string
  params: readonly SqlParam[]
}

export type Row = Record<string, unknown>

/**
 * A statement that stands for several (answered ahead in one round): its rows `R`, split
 * into each of `queries`' answers, in order.
 */
export interface StandsFor<R> {
  query: Query
  answers: { queries: readonly Query[]; split: (rows: R[]) => unknown[][] }
}

/** `rows` in one group per key, in the order of `keys`, each keeping the rows' order; rows of other keys are left out. */
export function groupByKey<T, K>(rows: readonly T[], keys: readonly K[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]))
  for (const row of rows) groups.get(keyOf(row))?.push(row)
  return keys.map((k) => groups.get(k)!)
}

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

// Every page's first view, painted before DuckDB is up: the answers to its statements,
// computed at build time by the same SQL in the same engine (data/snapshots.ts) and keyed by
// statement, so a snapshot can only ever stand in for the very query it answers.
import type { FetchBytes } from './dataset.ts'
import { gunzipText } from '../db/gzip.ts'
import type { Query } from '../util/query.ts'

/** One statement's answer by column: each name once, then its values (a quarter fewer bytes than rows, gzipped). */
export interface SnapshotTable {
  columns: string[]
  data: unknown[][]
}

/** One province's snapshot: answers keyed by queryKey(). */
export type Snapshot = Record<string, SnapshotTable>

/** A short stable key for a statement and its parameters: the start of their SHA-256. */
export async function queryKey(q: Query): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${q.sql}\u0000${JSON.stringify(q.params)}`),
  )
  return [...new Uint8Array(digest, 0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The folder of the snapshot files under data/, as the manifest names it. */
export const SNAPSHOT_FOLDER = 'snapshots/'

/** A part's file (see SNAPSHOT_PART in queries/snapshot.ts) under data/. */
export const snapshotFile = (part: string, folder = SNAPSHOT_FOLDER): string => `${folder}${part}.json.gz`

export function toSnapshotTable(rows: readonly object[]): SnapshotTable {
  const columns = Object.keys(rows[0] ?? {})
  return { columns, data: columns.map((c) => rows.map((r) => (r as Record<string, unknown>)[c])) }
}

export function fromSnapshotTable<T>(table: SnapshotTable): T[] {
  const count = table.data[0]?.length ?? 0
  return Array.from(
    { length: count },
    (_, row) => Object.fromEntries(table.columns.map((c, i) => [c, table.data[i]![row]])) as T,
  )
}

/** Snapshot files, each fetched once; a missing or broken file only means waiting for DuckDB. */
export class Snapshots {
  private readonly files = new Map<string, Promise<Snapshot | null>>()

  constructor(private readonly fetchBytes: FetchBytes) {}

  private file(file: string): Promise<Snapshot | null> {
    let snapshot = this.files.get(file)
    if (!snapshot) {
      snapshot = this.fetchBytes(file)
        .then(async (bytes) => JSON.parse(await gunzipText(bytes)) as Snapshot)
        .catch(() => null)
      this.files.set(file, snapshot)
    }
    return snapshot
  }

  /** Starts fetching a file the first view will ask for, before the view has mounted. */
  prefetch(file: string): void {
    void this.file(file)
  }

  /** The rows the build computed for this statement, or null when the snapshot does not have it. */
  async rows<T>(file: string, q: Query): Promise<T[] | null> {
    const [loaded, key] = await Promise.all([this.file(file), queryKey(q)])
    const table = loaded?.[key]
    return table ? fromSnapshotTable<T>(table) : null
  }
}

// Per-province answers to the first view's statements (src/queries/snapshot.ts), computed by
// the browser's own engine (DuckDB-wasm, in Node) over the files just written, so the page
// can paint them before DuckDB is up and the live answers that follow are equal. Gzipped:
// a plain static server sends them as they are (Node's gzip writes no timestamp).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { queryKey, snapshotFile, toSnapshotTable, type Snapshot } from '../src/service/snapshot.ts'
import type { Database } from '../src/db/types.ts'
import { firstViewQueries } from '../src/queries/snapshot.ts'
import { bundledDatabase } from '../test/support/bundled.ts'

export async function provinceSnapshot(db: Database, code: string, latestYear: number): Promise<Snapshot> {
  const snapshot: Snapshot = {}
  for (const q of firstViewQueries(code, latestYear)) {
    const rows = await db.query(q)
    snapshot[await queryKey(q)] = toSnapshotTable(rows, Object.keys(rows[0] ?? {}))
  }
  return snapshot
}

export async function writeSnapshots(dataDir: string, provinces: readonly string[], latestYear: number): Promise<void> {
  const { db } = await bundledDatabase('all', dataDir)
  mkdirSync(join(dataDir, 'snapshots'), { recursive: true })
  for (const code of provinces) {
    const json = JSON.stringify(await provinceSnapshot(db, code, latestYear))
    writeFileSync(join(dataDir, snapshotFile(code)), gzipSync(json, { level: 9 }))
  }
}

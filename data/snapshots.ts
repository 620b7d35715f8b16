// The build-time answers of every page's first view (snapshotPlan, src/queries/snapshot.ts),
// computed by the browser's own engine (DuckDB-wasm, in Node) over the files just written, so
// a page can paint them before DuckDB is up and the live answers that follow are equal.
// Gzipped: a plain static server sends them as they are (Node's gzip writes no timestamp).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { queryKey, snapshotFile, toSnapshotTable, type Snapshot } from '../src/service/snapshot.ts'
import type { Database } from '../src/db/types.ts'
import { countiesQuery } from '../src/queries/lists.ts'
import { snapshotPlan, type SnapshotPart } from '../src/queries/snapshot.ts'
import { bundledDatabase } from '../test/support/bundled.ts'

export async function answerPart(db: Database, part: SnapshotPart): Promise<Snapshot> {
  const snapshot: Snapshot = {}
  for (const q of part.queries) snapshot[await queryKey(q)] = toSnapshotTable(await db.query(q))
  return snapshot
}

/** The plan of the bundled data in `db`: every province's counties. */
export async function bundledPlan(
  db: Database,
  provinces: readonly string[],
  years: readonly number[],
): Promise<SnapshotPart[]> {
  const withCounties = []
  for (const code of provinces)
    withCounties.push({ code, counties: (await db.query<{ code: string }>(countiesQuery(code))).map((c) => c.code) })
  return snapshotPlan(withCounties, years)
}

export async function writeSnapshots(
  dataDir: string,
  provinces: readonly string[],
  years: readonly number[],
): Promise<void> {
  const { db, loader } = await bundledDatabase('all', dataDir)
  await loader.ensureSummary()
  for (const part of await bundledPlan(db, provinces, years)) {
    const file = join(dataDir, snapshotFile(part.name))
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, gzipSync(JSON.stringify(await answerPart(db, part)), { level: 9 }))
  }
}

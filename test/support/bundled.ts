// The bundled dataset under public/data, loaded into the Node engine through the same
// loader the browser uses.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PanelLoader, parseManifest, type FetchBytes } from '../../src/service/dataset.ts'
import { parquetToIPC } from '../../src/db/parquet.ts'
import type { Database } from '../../src/db/types.ts'
import { createNodeDatabase } from './nodeDb.ts'

export const DATA_DIR = join(process.cwd(), 'public', 'data')

export const fsFetchBytes =
  (dir: string): FetchBytes =>
  async (path) => {
    const b = readFileSync(join(dir, path))
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
  }

export async function bundledDatabase(
  provinces: readonly string[] | 'all',
  dir = DATA_DIR,
): Promise<{ db: Database; loader: PanelLoader }> {
  const db = await createNodeDatabase()
  const manifest = parseManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'))
  const loader = new PanelLoader(db, fsFetchBytes(dir), manifest, parquetToIPC)
  const codes = provinces === 'all' ? manifest.provinces.map((p) => p.code) : provinces
  for (const code of codes) await loader.ensureProvince(code)
  return { db, loader }
}

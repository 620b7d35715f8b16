// The bundled school layer (模拟数据, public/data/schools/<province>.parquet): a province's
// schools are fetched, decoded in the Parquet worker and appended to the `schools` table the
// first time the county page's 学校 section asks for them. No first view needs them, and
// the largest province's file is 2 MB.
import { SCHOOL_TABLE, SCHOOL_TABLE_COLUMNS, SCHOOL_TABLE_SQL } from '../db/schema.ts'
import type { Database, DecodeParquet } from '../db/types.ts'
import { decodeDataFile, type FetchBytes } from './dataset.ts'

/** A province's school file, relative to the site's data/ folder. */
export const schoolFile = (province: string): string => `schools/${province}.parquet`

export class SchoolLoader {
  private table?: Promise<void>
  private readonly provinces = new Map<string, Promise<void>>()

  constructor(
    private readonly db: Database,
    private readonly fetchBytes: FetchBytes,
    private readonly toIPC: DecodeParquet,
  ) {}

  /** The table, empty where no import has filled it: a user's data without schools then reads as none. */
  ensureTable(): Promise<void> {
    this.table ??= this.db.exec(SCHOOL_TABLE_SQL)
    this.table.catch(() => (this.table = undefined))
    return this.table
  }

  /** Appends a province's bundled schools, once; concurrent callers share the load. */
  ensureProvince(province: string): Promise<void> {
    let load = this.provinces.get(province)
    if (!load) {
      const start = performance.now()
      // The file downloads and decodes while the table is made.
      const ipc = decodeDataFile(this.fetchBytes, this.toIPC, schoolFile(province), SCHOOL_TABLE_COLUMNS)
      const done = Promise.all([this.ensureTable(), ipc])
        .then(([, bytes]) => this.db.appendIPC(SCHOOL_TABLE, bytes))
        // scripts/benchSchools.ts reads the time from the ask to the rows in the table.
        .then(() => void performance.measure('schools-loaded', { start, detail: province }))
      // A failed load may be retried (the file copied again, the network back).
      done.catch(() => this.provinces.get(province) === done && this.provinces.delete(province))
      this.provinces.set(province, done)
      load = done
    }
    return load
  }

  /** After the data was replaced: the table is the import's now, and bundled provinces load again when asked. */
  forget(): void {
    this.provinces.clear()
    this.table = undefined
  }
}

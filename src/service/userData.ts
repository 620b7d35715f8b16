// Users' own data in the engine: an import is staged beside the panel while it is checked,
// then replaces the panel's rows; it is kept in the browser until the user clears it.
import { STAGE_TABLE } from '../queries/importChecks.ts'
import {
  SCHOOL_COUNTY_TABLE,
  SCHOOL_STAGE_TABLE,
  aggregateStagedSchoolsQuery,
  mergeSchoolCountiesSql,
  schoolConflictsQuery,
  type SchoolConflictRow,
} from '../queries/importSchools.ts'
import type { Manifest } from './dataset.ts'
import {
  COUNTY_VALUES_TABLE,
  PANEL_COLUMNS,
  PANEL_TABLE,
  PROVINCE_SUMMARY_TABLE,
  SCHOOL_TABLE,
  SCHOOL_TABLE_COLUMNS,
  SCHOOL_TABLE_SQL,
  insertFromSql,
} from '../db/schema.ts'
import type { Database } from '../db/types.ts'

export interface UserDataMeta {
  /** The files' names, shown as the data source. */
  label: string
  files: { name: string; rows: number }[]
  importedAt: string
  years: number[]
  provinces: Record<string, { counties: number; rows: number }>
}

export interface SavedData {
  meta: UserDataMeta
  /**
   * The accepted rows as an Arrow IPC stream in a Blob: the browser stores a Blob without
   * copying it on the page's thread, which a 35 MB buffer would take hundreds of ms to do.
   */
  rows: Blob
  /** The accepted school rows (Arrow IPC), when the import had school-level files; summed into `rows` again on load. */
  schools?: Blob
}

/** Where accepted data is kept between visits (IndexedDB in the browser). */
export interface SavedDataStore {
  load(): Promise<SavedData | null>
  save(saved: SavedData): Promise<void>
  clear(): Promise<void>
}

/** Stages an import (or kept data) beside the panel for checking; the engine takes the buffer over. */
export async function stage(db: Database, ipc: Uint8Array): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${STAGE_TABLE}`)
  await db.insertIPC(STAGE_TABLE, ipc)
}

/**
 * Stages school rows beside the staged county rows, sums them by county and joins the sums
 * to those rows (queries/importSchools.ts); returns where the two gave a field different figures.
 */
export async function stageSchools(db: Database, ipc: Uint8Array): Promise<SchoolConflictRow[]> {
  await db.exec(`DROP TABLE IF EXISTS ${SCHOOL_STAGE_TABLE}`)
  await db.insertIPC(SCHOOL_STAGE_TABLE, ipc)
  await db.query(aggregateStagedSchoolsQuery())
  const conflicts = await db.query<SchoolConflictRow>(schoolConflictsQuery())
  for (const sql of mergeSchoolCountiesSql()) await db.exec(sql)
  return conflicts
}

export async function dropStage(db: Database): Promise<void> {
  await db.exec(
    [STAGE_TABLE, SCHOOL_STAGE_TABLE, SCHOOL_COUNTY_TABLE].map((t) => `DROP TABLE IF EXISTS ${t}`).join(';'),
  )
}

/** The `schools` table anew: the staged school rows (`staged`), or none. */
async function replaceSchools(db: Database, staged: boolean): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${SCHOOL_TABLE}; ${SCHOOL_TABLE_SQL}`)
  if (staged) await db.exec(insertFromSql(SCHOOL_TABLE, SCHOOL_STAGE_TABLE, SCHOOL_TABLE_COLUMNS))
}

/**
 * Replaces the panel with the staged rows, and the `schools` table with the staged school
 * rows (`schools`) or none. Their values and the province figures are ranked
 * when a view first asks for them (PanelLoader), not here: ranking every indicator of a
 * whole province at once took 3–4 s of the accept in the browser.
 */
export async function replacePanelWithStage(db: Database, schools = false): Promise<void> {
  await db.exec('BEGIN TRANSACTION')
  try {
    await replaceSchools(db, schools)
    await db.exec(`DELETE FROM ${PANEL_TABLE}`)
    await db.exec(insertFromSql(PANEL_TABLE, STAGE_TABLE, PANEL_COLUMNS))
    await db.exec(`DELETE FROM ${COUNTY_VALUES_TABLE}`)
    await db.exec(`DELETE FROM ${PROVINCE_SUMMARY_TABLE}`)
    await db.exec('COMMIT')
  } catch (e) {
    await db.exec('ROLLBACK')
    throw e
  }
  await dropStage(db)
}

/** Empties the panel, its values, the province figures and the schools, for the bundled data to load again. */
export async function emptyPanel(db: Database): Promise<void> {
  await replaceSchools(db, false)
  await db.exec(`DELETE FROM ${PANEL_TABLE}`)
  await db.exec(`DELETE FROM ${COUNTY_VALUES_TABLE}`)
  await db.exec(`DELETE FROM ${PROVINCE_SUMMARY_TABLE}`)
}

/** The bundled manifest's shape, describing the user's data. */
export function userManifest(bundled: Manifest, meta: UserDataMeta): Manifest {
  // No snapshots: those are answers about the bundled data.
  const provinces = bundled.provinces.map((p) => ({
    ...p,
    file: '',
    bytes: 0,
    rows: meta.provinces[p.code]?.rows ?? 0,
  }))
  return {
    simulated: false,
    label: meta.label,
    generatedAt: meta.importedAt.slice(0, 10),
    years: meta.years,
    provinces,
    countiesFile: bundled.countiesFile,
    rows: provinces.reduce((s, p) => s + p.rows, 0),
  }
}

// Users' own data in the engine: an import is staged beside the panel while it is checked,
// then replaces the panel's rows; it is kept in the browser until the user clears it.
import { INDICATORS } from '../indicators/catalog.ts'
import { provinceSummaryInsert } from '../queries/aggregates.ts'
import { fillValuesQuery } from '../queries/indicatorSql.ts'
import { STAGE_TABLE } from '../queries/importChecks.ts'
import type { Manifest } from './dataset.ts'
import {
  COUNTY_VALUES_TABLE,
  PANEL_COLUMNS,
  PANEL_TABLE,
  PROVINCE_SUMMARY_COLUMNS,
  PROVINCE_SUMMARY_TABLE,
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

export async function dropStage(db: Database): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${STAGE_TABLE}`)
}

/** Replaces the panel with the staged rows and recomputes the province figures from them. */
export async function replacePanelWithStage(db: Database): Promise<void> {
  await db.exec('BEGIN TRANSACTION')
  try {
    await db.exec(`DELETE FROM ${PANEL_TABLE}`)
    await db.exec(insertFromSql(PANEL_TABLE, STAGE_TABLE, PANEL_COLUMNS))
    await db.exec(`DELETE FROM ${COUNTY_VALUES_TABLE}`)
    await db.query(fillValuesQuery(INDICATORS, null))
    await db.exec(`DELETE FROM ${PROVINCE_SUMMARY_TABLE}`)
    const q = provinceSummaryInsert(
      INDICATORS,
      PROVINCE_SUMMARY_TABLE,
      PROVINCE_SUMMARY_COLUMNS.map((c) => c.name),
    )
    await db.query(q)
    await db.exec('COMMIT')
  } catch (e) {
    await db.exec('ROLLBACK')
    throw e
  }
  await dropStage(db)
}

/** Empties the panel, its values and the province figures, for the bundled data to load again. */
export async function emptyPanel(db: Database): Promise<void> {
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

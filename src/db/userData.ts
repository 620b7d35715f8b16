// Users' own data in the engine: an import is staged beside the panel while it is checked,
// then replaces the panel's rows; it is kept in the browser until the user clears it.
import { INDICATORS } from '../indicators/catalog.ts'
import { RAW_FIELDS } from '../indicators/fields.ts'
import type { ImportedData } from '../import/validate.ts'
import { provinceSummaryInsert } from '../queries/aggregates.ts'
import { STAGE_TABLE, rateColumn } from '../queries/importChecks.ts'
import { arrowTable } from './arrow.ts'
import type { Manifest } from './dataset.ts'
import { PANEL_COLUMNS, PANEL_TABLE, PROVINCE_SUMMARY_COLUMNS, PROVINCE_SUMMARY_TABLE, insertFromSql, type Column } from './schema.ts'
import type { Database } from './types.ts'

/** The panel's columns of an import: what is kept in the browser. */
export interface PanelData {
  length: number
  code: string[]
  year: Int32Array
  fields: Record<string, Float64Array>
}

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
  data: PanelData
}

/** Where accepted data is kept between visits (IndexedDB in the browser). */
export interface SavedDataStore {
  load(): Promise<SavedData | null>
  save(saved: SavedData): Promise<void>
  clear(): Promise<void>
}

/** Stages panel data (and, for a fresh import, its rates and source rows) for checking. */
export async function stage(db: Database, data: PanelData | ImportedData): Promise<void> {
  const extra: Column[] =
    'rates' in data
      ? [...Object.keys(data.rates).map((id): Column => ({ name: rateColumn(id), kind: 'double' })), { name: '_file', kind: 'integer' }, { name: '_row', kind: 'integer' }]
      : []
  const columns = [...PANEL_COLUMNS, ...extra]
  const values = (name: string): ArrayLike<unknown> | undefined => {
    if (name === 'code') return data.code
    if (name === 'year') return data.year
    if (!('rates' in data)) return data.fields[name]
    if (name === '_file') return data.fileIndex
    if (name === '_row') return data.rowNumber
    return data.fields[name] ?? data.rates[name.replace(/^rate_/, '')]
  }
  await db.exec(`DROP TABLE IF EXISTS ${STAGE_TABLE}`)
  await db.insertArrow(STAGE_TABLE, arrowTable(columns, values, data.length))
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
    await db.exec(`DELETE FROM ${PROVINCE_SUMMARY_TABLE}`)
    const q = provinceSummaryInsert(INDICATORS, PROVINCE_SUMMARY_TABLE, PROVINCE_SUMMARY_COLUMNS.map((c) => c.name))
    await db.query(q)
    await db.exec('COMMIT')
  } catch (e) {
    await db.exec('ROLLBACK')
    throw e
  }
  await dropStage(db)
}

/** Empties the panel and the province figures, for the bundled data to load again. */
export async function emptyPanel(db: Database): Promise<void> {
  await db.exec(`DELETE FROM ${PANEL_TABLE}`)
  await db.exec(`DELETE FROM ${PROVINCE_SUMMARY_TABLE}`)
}

/** The panel columns of an import, without what only the check needed. */
export function panelData(data: ImportedData): PanelData {
  return { length: data.length, code: data.code, year: data.year, fields: Object.fromEntries(RAW_FIELDS.map((f) => [f.id, data.fields[f.id]!])) }
}

/** The bundled manifest's shape, describing the user's data. */
export function userManifest(bundled: Manifest, meta: UserDataMeta): Manifest {
  // No snapshot: those are answers about the bundled data.
  const provinces = bundled.provinces.map((p) => ({ ...p, file: '', bytes: 0, snapshot: undefined, rows: meta.provinces[p.code]?.rows ?? 0 }))
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

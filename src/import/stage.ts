// What the import worker hands the engine: the accepted rows as one Arrow IPC stream.
import { tableToIPC } from 'apache-arrow'
import { arrowTable } from '../db/arrow.ts'
import { PANEL_COLUMNS, SCHOOL_TABLE_COLUMNS, type Column } from '../db/schema.ts'
import { rateColumn } from '../queries/importChecks.ts'
import type { ImportedData, SchoolData } from './imported.ts'

/**
 * An import's accepted rows as an Arrow IPC stream: the panel's columns, the rates given
 * for cross-checking and each row's file and spreadsheet row. Built in the import worker,
 * so that a large file costs the page no long task.
 */
export function stageIpc(data: ImportedData): Uint8Array {
  const rates = Object.keys(data.rates)
  const columns: Column[] = [
    ...PANEL_COLUMNS,
    ...rates.map((id): Column => ({ name: rateColumn(id), kind: 'double' })),
    { name: '_file', kind: 'integer' },
    { name: '_row', kind: 'integer' },
  ]
  const byName = new Map<string, ArrayLike<unknown>>([
    ['code', data.code],
    ['year', data.year],
    ['_file', data.fileIndex],
    ['_row', data.rowNumber],
    ...Object.entries(data.fields),
    ...rates.map((id): [string, ArrayLike<unknown>] => [rateColumn(id), data.rates[id]!]),
  ])
  return tableToIPC(
    arrowTable(columns, (name) => byName.get(name), data.length),
    'stream',
  )
}

/** The school rows' columns as staged: SCHOOL_COLUMNS, then each row's file and spreadsheet row. */
export const SCHOOL_STAGE_COLUMNS: readonly Column[] = [
  ...SCHOOL_TABLE_COLUMNS,
  { name: '_file', kind: 'integer' },
  { name: '_row', kind: 'integer' },
]

/** Accepted school rows as an Arrow IPC stream, built in the import worker like the county rows. */
export function stageSchoolsIpc(data: SchoolData): Uint8Array {
  const byName = new Map<string, ArrayLike<unknown>>([
    ...Object.entries(data.text),
    ...Object.entries(data.fields),
    ['year', data.year],
    ['_file', data.fileIndex],
    ['_row', data.rowNumber],
  ])
  return tableToIPC(
    arrowTable(SCHOOL_STAGE_COLUMNS, (name) => byName.get(name), data.length),
    'stream',
  )
}

// Loads the panel into DuckDB: the county list once, then each province's Parquet file
// the first time a view needs it.
import {
  COUNTIES_TABLE,
  COUNTY_COLUMNS,
  COUNTY_VALUES_COLUMNS,
  COUNTY_VALUES_TABLE,
  PANEL_COLUMNS,
  PANEL_TABLE,
  PROVINCE_SUMMARY_COLUMNS,
  PROVINCE_SUMMARY_TABLE,
  SCHEMA_SQL,
  type Column,
} from '../db/schema.ts'
import type { Database, DecodeParquet } from '../db/types.ts'
import { INDICATORS, type Indicator } from '../indicators/catalog.ts'
import { fillValuesQuery } from '../queries/indicatorSql.ts'
import { provinceSummaryInsert } from '../queries/aggregates.ts'

export interface ManifestProvince {
  code: string
  name: string
  file: string
  counties: number
  rows: number
  bytes: number
  /** county_values rows of these indicators, computed at build time (data/values.ts). */
  values?: { file: string; indicators: string[] }
}

export interface Manifest {
  simulated: boolean
  label: string
  generatedAt: string
  years: number[]
  provinces: ManifestProvince[]
  countiesFile: string
  /** Province figures precomputed at build time (data/summaries.ts). */
  summaryFile?: string
  /** The folder of the answers to every page's first statements, computed at build time (data/snapshots.ts). */
  snapshots?: string
  rows: number
}

/** Fetches a file of the bundled dataset by its path relative to data/. */
export type FetchBytes = (path: string) => Promise<ArrayBuffer>

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`数据文件 ${file} 无法读取：${reason}`)
  }
}

export function parseManifest(text: string, file = 'data/manifest.json'): Manifest {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new DataFileError(file, '不是有效的 JSON。请重新复制网站的 data 文件夹。')
  }
  const m = raw as Partial<Manifest>
  if (!Array.isArray(m.provinces) || !Array.isArray(m.years) || typeof m.countiesFile !== 'string') {
    throw new DataFileError(file, '缺少 provinces、years 或 countiesFile 字段。')
  }
  return m as Manifest
}

/** A province's rows in the panel, and each indicator's ranking into county_values. */
interface ProvinceLoad {
  rows: Promise<void>
  filled: Map<string, Promise<void>>
}

export class PanelLoader {
  private base?: Promise<void>
  private summary?: Promise<void>
  private readonly provinces = new Map<string, ProvinceLoad>()
  /** The provinces of a user's import, whose rows are in the panel already; null for the bundled files. */
  private inPanel: readonly string[] | null = null

  constructor(
    private readonly db: Database,
    private readonly fetchBytes: FetchBytes,
    readonly manifest: Manifest,
    private readonly toIPC: DecodeParquet,
  ) {}

  /** Creates the tables and loads the county list; shared by every caller. */
  init(): Promise<void> {
    this.base ??= (async () => {
      // The file downloads and is decoded while the engine is still starting.
      const counties = this.decode(this.manifest.countiesFile, COUNTY_COLUMNS)
      // One round trip to the engine for all the tables.
      await this.db.exec(SCHEMA_SQL.join(';\n'))
      await this.db.appendIPC(COUNTIES_TABLE, await counties)
    })()
    return this.base
  }

  /**
   * Loads a province and ranks the given indicators (every one by default) into
   * county_values. A view asks for the indicators it shows, so the first view waits for
   * one indicator's ranking, not all of them; `fillNext` ranks the rest while the page is idle.
   */
  async ensureProvince(code: string, indicators: readonly Indicator[] = INDICATORS): Promise<void> {
    const load = this.load(code)
    const missing = indicators.filter((i) => !load.filled.has(i.id))
    if (missing.length > 0) this.fill(code, load, missing)
    await Promise.all(indicators.map((i) => load.filled.get(i.id)))
  }

  /** Ranks up to `count` more indicators of a loaded province; false when none is left. */
  async fillNext(code: string, count: number): Promise<boolean> {
    const load = this.provinces.get(code)
    const next = load ? INDICATORS.filter((i) => !load.filled.has(i.id)).slice(0, count) : []
    if (!load || next.length === 0) return false
    await this.fill(code, load, next)
    return true
  }

  private load(code: string): ProvinceLoad {
    let load = this.provinces.get(code)
    if (!load) {
      const entry = this.manifest.provinces.find((p) => p.code === code)
      if (!entry) throw new Error(`数据集中没有省份代码 ${code}`)
      if (this.inPanel) {
        load = { rows: Promise.resolve(), filled: new Map() }
        this.provinces.set(code, load)
        return load
      }
      const ipc = this.decode(entry.file, PANEL_COLUMNS)
      const rows = Promise.all([this.init(), ipc]).then(([, bytes]) => this.db.appendIPC(PANEL_TABLE, bytes))
      load = { rows, filled: new Map() }
      // A failed load may be retried (e.g. after the network comes back).
      rows.catch(() => this.provinces.delete(code))
      this.provinces.set(code, load)
      if (entry.values) this.appendValues(code, load, entry.values)
    }
    return load
  }

  /** Values ranked at build time are appended as they are: those indicators need no fill. */
  private appendValues(code: string, load: ProvinceLoad, values: NonNullable<ManifestProvince['values']>): void {
    const indicators = INDICATORS.filter((i) => values.indicators.includes(i.id))
    const ipc = this.decode(values.file, COUNTY_VALUES_COLUMNS)
    const appended = Promise.all([load.rows, ipc]).then(([, bytes]) => this.db.appendIPC(COUNTY_VALUES_TABLE, bytes))
    // The file only saves time: without it, those indicators are ranked here like the others.
    const done = appended.catch(async () => {
      await load.rows
      await this.db.query(fillValuesQuery(indicators, code))
    })
    for (const i of indicators) load.filled.set(i.id, done)
    done.catch(() => indicators.forEach((i) => load.filled.get(i.id) === done && load.filled.delete(i.id)))
  }

  private fill(code: string, load: ProvinceLoad, indicators: readonly Indicator[]): Promise<void> {
    // Ranked once here, so that no view ranks the province again.
    // Not once the panel was emptied or replaced meanwhile: that province is loaded anew.
    const done = load.rows.then(
      async () => void (this.provinces.get(code) === load && (await this.db.query(fillValuesQuery(indicators, code)))),
    )
    for (const i of indicators) load.filled.set(i.id, done)
    done.catch(() => indicators.forEach((i) => load.filled.get(i.id) === done && load.filled.delete(i.id)))
    return done
  }

  /**
   * The province figures, for the national overview: precomputed for the bundled data, and
   * computed from every indicator of every province for a user's.
   */
  ensureSummary(): Promise<void> {
    const file = this.manifest.summaryFile ?? 'provinces.parquet'
    this.summary ??= this.inPanel
      ? this.ensureEvery(INDICATORS).then(async () => {
          const columns = PROVINCE_SUMMARY_COLUMNS.map((c) => c.name)
          await this.db.query(provinceSummaryInsert(INDICATORS, PROVINCE_SUMMARY_TABLE, columns))
        })
      : Promise.all([this.init(), this.decode(file, PROVINCE_SUMMARY_COLUMNS)]).then(([, ipc]) =>
          this.db.appendIPC(PROVINCE_SUMMARY_TABLE, ipc),
        )
    this.summary.catch(() => (this.summary = undefined))
    return this.summary
  }

  /** Every province of a user's import with these indicators ranked (none for the bundled data). */
  async ensureEvery(indicators: readonly Indicator[]): Promise<void> {
    await Promise.all((this.inPanel ?? []).map((code) => this.ensureProvince(code, indicators)))
  }

  /**
   * After the panel was emptied or replaced: provinces load again when asked for, from the
   * files, or, for `inPanel` (a user's provinces), from the rows now in the panel.
   */
  forgetLoaded(inPanel: readonly string[] | null = null): void {
    this.provinces.clear()
    this.summary = undefined
    this.inPanel = inPanel
  }

  private decode(file: string, columns: readonly Column[]): Promise<Uint8Array> {
    return decodeDataFile(this.fetchBytes, this.toIPC, file, columns)
  }
}

/** Fetches a Parquet file of data/ and lays it out as an Arrow IPC stream in the table's column
 * order and kinds, ready to append as it is; needs no engine. */
export async function decodeDataFile(
  fetchBytes: FetchBytes,
  toIPC: DecodeParquet,
  file: string,
  columns: readonly Column[],
): Promise<Uint8Array> {
  const bytes = await fetchBytes(file)
  try {
    return await toIPC(bytes, columns)
  } catch (e) {
    // Paths in the manifest are relative to the site's data/ folder; the user sees it whole.
    throw new DataFileError(
      `data/${file}`,
      `不是有效的 Parquet 文件（${e instanceof Error ? e.message : String(e)}），可能在复制时损坏。请从原网站目录重新复制该文件。`,
    )
  }
}

/** Browser fetch of files under the site's data/ folder, with errors that name the file. */
export function httpFetchBytes(baseUrl: string): FetchBytes {
  return async (path) => {
    const url = new URL(path, baseUrl).href
    let response: Response
    try {
      response = await fetch(url)
    } catch {
      throw new DataFileError(`data/${path}`, '网络请求失败，请检查网站服务是否正常。')
    }
    if (!response.ok)
      throw new DataFileError(
        `data/${path}`,
        `服务器返回 HTTP ${response.status}。请确认网站目录完整复制了 data 文件夹。`,
      )
    return response.arrayBuffer()
  }
}

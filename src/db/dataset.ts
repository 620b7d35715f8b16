// Loads the panel into DuckDB: the county list once, then each province's Parquet file
// the first time a view needs it.
import {
  COUNTIES_TABLE,
  COUNTY_COLUMNS,
  PANEL_COLUMNS,
  PANEL_TABLE,
  PROVINCE_SUMMARY_COLUMNS,
  PROVINCE_SUMMARY_TABLE,
  SCHEMA_SQL,
  insertFromSql,
  type Column,
} from './schema.ts'
import type { Database } from './types.ts'
import { INDICATORS } from '../indicators/catalog.ts'
import { fillValuesQuery } from '../queries/indicatorSql.ts'

export interface ManifestProvince {
  code: string
  name: string
  file: string
  counties: number
  rows: number
  bytes: number
  /** Answers to the first view's statements, computed at build time (data/snapshots.ts). */
  snapshot?: string
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

export class PanelLoader {
  private base?: Promise<void>
  private summary?: Promise<void>
  private readonly provinces = new Map<string, Promise<void>>()
  private staging = 0

  constructor(
    private readonly db: Database,
    private readonly fetchBytes: FetchBytes,
    readonly manifest: Manifest,
  ) {}

  /** Creates the tables and loads the county list; shared by every caller. */
  init(): Promise<void> {
    this.base ??= (async () => {
      // The file downloads while the engine is still starting.
      const counties = this.fetchBytes(this.manifest.countiesFile)
      for (const sql of SCHEMA_SQL) await this.db.exec(sql)
      await this.insertFile(this.manifest.countiesFile, await counties, COUNTIES_TABLE, COUNTY_COLUMNS)
    })()
    return this.base
  }

  ensureProvince(code: string): Promise<void> {
    let loading = this.provinces.get(code)
    if (!loading) {
      const entry = this.manifest.provinces.find((p) => p.code === code)
      if (!entry) return Promise.reject(new Error(`数据集中没有省份代码 ${code}`))
      const bytes = this.fetchBytes(entry.file)
      loading = Promise.all([this.init(), bytes]).then(async ([, b]) => {
        await this.insertFile(entry.file, b, PANEL_TABLE, PANEL_COLUMNS)
        // Ranked once here, so that no view ranks the province again.
        await this.db.query(fillValuesQuery(INDICATORS, code))
      })
      // A failed load may be retried (e.g. after the network comes back).
      loading.catch(() => this.provinces.delete(code))
      this.provinces.set(code, loading)
    }
    return loading
  }

  /** The precomputed province figures, for the national overview. */
  ensureSummary(): Promise<void> {
    const file = this.manifest.summaryFile ?? 'provinces.parquet'
    this.summary ??= Promise.all([this.init(), this.fetchBytes(file)]).then(([, b]) => this.insertFile(file, b, PROVINCE_SUMMARY_TABLE, PROVINCE_SUMMARY_COLUMNS))
    this.summary.catch(() => (this.summary = undefined))
    return this.summary
  }

  /** After the panel was emptied or replaced: provinces load again when asked for. */
  forgetLoaded(): void {
    this.provinces.clear()
    this.summary = undefined
  }


  private async insertFile(file: string, bytes: ArrayBuffer, table: string, columns: readonly Column[]): Promise<void> {
    // The Parquet reader and Arrow load with the first file, not before the first view.
    const { parquetToIPC } = await import('./parquet.ts')
    let ipc
    try {
      ipc = await parquetToIPC(bytes, columns)
    } catch (e) {
      // Paths in the manifest are relative to the site's data/ folder; the user sees it whole.
      throw new DataFileError(`data/${file}`, `不是有效的 Parquet 文件（${e instanceof Error ? e.message : String(e)}），可能在复制时损坏。请从原网站目录重新复制该文件。`)
    }
    const stage = `_stage_${++this.staging}`
    await this.db.insertIPC(stage, ipc)
    try {
      await this.db.exec(insertFromSql(table, stage, columns))
    } finally {
      await this.db.exec(`DROP TABLE IF EXISTS ${stage}`)
    }
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
    if (!response.ok) throw new DataFileError(`data/${path}`, `服务器返回 HTTP ${response.status}。请确认网站目录完整复制了 data 文件夹。`)
    return response.arrayBuffer()
  }
}

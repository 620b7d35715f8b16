import { provinceOf } from '../util/divisions.ts'
// What the app asks of the data layer: the manifest, a province's data, and queries; and
// the switch between the bundled panel and data users load themselves.
import { PanelLoader, parseManifest, type FetchBytes, type Manifest } from './dataset.ts'
import { QueryCache } from './cache.ts'
import { Snapshots } from './snapshot.ts'
import type { Database, DecodeParquet } from '../db/types.ts'
import type { Query, StandsFor } from '../util/query.ts'
import type { Indicator } from '../indicators/catalog.ts'
import { RULES } from '../indicators/rules.ts'
import { indicatorsOf } from '../queries/rules.ts'
import { checkStaged, type StagedCheck } from './importChecks.ts'
import {
  dropStage,
  emptyPanel,
  replacePanelWithStage,
  stage,
  stageSchools,
  userManifest,
  type SavedDataStore,
  type UserDataMeta,
} from './userData.ts'
import type { RateColumn } from '../import/imported.ts'
import type { FileSummary } from '../import/report.ts'
import { CODE_HISTORY_FILE, type CodeHistoryData } from '../import/codeHistory.ts'
import { SCHOOL_TABLE } from '../db/schema.ts'
import { schoolCvQuery, schoolValuesQuery, type SchoolCvRow, type SchoolValuesRow } from '../queries/schoolCv.ts'
import { SchoolLoader } from './schools.ts'

/** A statement to answer ahead of being asked, with what it reads (as useQuery's requests). */
export interface Prefetch {
  province: string
  indicators: readonly Indicator[]
  query: Query
  /** When `query` stands for several statements: they, and its rows split into each one's answer. */
  answers?: StandsFor<never>['answers']
}

const userProvinces = (meta: UserDataMeta): string[] => Object.keys(meta.provinces)

/** Where the panel's rows come from; user data is in the panel once `loaded` resolves. */
type Source = { kind: 'bundled' } | { kind: 'user'; meta: UserDataMeta; loaded: Promise<void> }
export class DataService {
  private loader?: Promise<PanelLoader>
  private source?: Promise<Source>
  /** First-view answers of the bundled dataset, painted while the engine starts. */
  readonly snapshots: Snapshots
  /** The bundled schools, loaded by province when the county page's 学校 section first asks. */
  private readonly schools: SchoolLoader
  /** Answers already given (a province's indicators × years of rankings, their series and figures, and each county's rule statuses); cleared when the data is replaced. */
  readonly cache = new QueryCache(800)
  /** Statements sent to the engine, or waiting for their province, and not yet answered. */
  private pending = 0
  /** Provinces whose remaining indicators are being ranked in the background. */
  private readonly ranking = new Set<string>()
  /** Statements a view expects to be asked next, answered into the cache while idle. */
  private ahead: { generation: number; statement: Prefetch }[] = []
  private prefetching = false
  private history?: Promise<CodeHistoryData>
  private aheadAnswered!: () => void
  /** Resolves when the answers ahead are first all in: the page then has nothing left to do. */
  readonly settled = new Promise<void>((resolve) => (this.aheadAnswered = resolve))
  /** Counts replacements of the panel: work ahead begun on the old data must not load a province into the new. */
  private generation = 0

  constructor(
    readonly db: Database,
    private readonly fetchBytes: FetchBytes,
    private readonly toIPC: DecodeParquet,
    private readonly saved?: SavedDataStore,
  ) {
    this.snapshots = new Snapshots(fetchBytes)
    this.schools = new SchoolLoader(db, fetchBytes, toIPC)
  }

  private panel(): Promise<PanelLoader> {
    this.loader ??= this.fetchBytes('manifest.json').then((bytes) => {
      const manifest = parseManifest(new TextDecoder().decode(bytes))
      return new PanelLoader(this.db, this.fetchBytes, manifest, this.toIPC)
    })
    return this.loader
  }

  /** Data kept from an earlier visit replaces the bundled panel from the start. */
  private current(): Promise<Source> {
    this.source ??= (async (): Promise<Source> => {
      const saved = await this.saved?.load().catch(() => null)
      if (!saved) return { kind: 'bundled' }
      const loaded = this.init().then(async () => {
        await stage(this.db, new Uint8Array(await saved.rows.arrayBuffer()))
        // The schools are summed into the county rows again, as when they were accepted.
        if (saved.schools) await stageSchools(this.db, new Uint8Array(await saved.schools.arrayBuffer()))
        await replacePanelWithStage(this.db, saved.schools !== undefined)
        ;(await this.panel()).forgetLoaded(userProvinces(saved.meta))
      })
      return { kind: 'user', meta: saved.meta, loaded }
    })()
    return this.source
  }

  async manifest(): Promise<Manifest> {
    const [source, loader] = await Promise.all([this.current(), this.panel()])
    return source.kind === 'user' ? userManifest(loader.manifest, source.meta) : loader.manifest
  }

  /** A province's rows, and the rankings of `indicators` (all by default); the other
   * indicators are ranked afterwards while no statement is waiting. */
  async ensureProvince(code: string, indicators?: readonly Indicator[]): Promise<void> {
    this.pending += 1
    try {
      await this.loadProvince(code, indicators)
    } finally {
      this.pending -= 1
    }
    void this.rankRest(await this.panel(), code)
  }

  /**
   * The province's rows (fetched, or a user's already in the panel) and those indicators
   * ranked. With `generation`, fails once the panel has been replaced since.
   */
  private async loadProvince(code: string, indicators?: readonly Indicator[], generation?: number): Promise<void> {
    const source = await this.current()
    if (source.kind === 'user') await source.loaded
    const loader = await this.panel()
    if (generation !== undefined && generation !== this.generation) throw new Error('数据已替换')
    await loader.ensureProvince(code, indicators)
  }

  /** Resolves once no statement of a user's is waiting, looking after `pause` ms and then every 50 ms. */
  private async idle(pause: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, pause))
    while (this.pending > 0) await new Promise((resolve) => setTimeout(resolve, 50))
  }

  /**
   * Answers these statements into the cache, one at a time while no other statement is
   * waiting, so the choices a view offers next are answered at once. A newer call replaces
   * the list; replacing the data drops it.
   */
  prefetch(statements: readonly Prefetch[]): void {
    this.ahead = statements.map((statement) => ({ generation: this.generation, statement }))
    if (!this.prefetching) void this.prefetchAll()
  }

  private async prefetchAll(): Promise<void> {
    this.prefetching = true
    try {
      for (let next = this.ahead.shift(); next; next = this.ahead.shift()) {
        // After the background ranking, which the first switches need more.
        await this.idle(0)
        while (this.ranking.size > 0) await this.idle(50)
        const {
          generation,
          statement: { province, indicators, query, answers },
        } = next
        const run = async () => (await this.loadProvince(province, indicators, generation), this.db.query<never>(query))
        // A failure is the view's to report when it asks; the cache forgets it.
        if (!answers) await this.cache.get(query, run).catch(() => undefined)
        else if (answers.queries.some((q) => !this.cache.has(q))) {
          const parts = run().then(answers.split)
          // Each statement it stands for is pending at once: a view asking for one meanwhile waits for this answer.
          await Promise.all(answers.queries.map((q, i) => this.cache.get(q, async () => (await parts)[i]!))).catch(
            () => undefined,
          )
        }
      }
      // The benchmark's steady state: the choices beside the one shown are answered.
      performance.mark('prefetched')
      this.aheadAnswered()
    } finally {
      this.prefetching = false
    }
  }

  private async rankRest(loader: PanelLoader, code: string): Promise<void> {
    if (this.ranking.has(code)) return
    this.ranking.add(code)
    try {
      // One indicator at a time (~30 ms), so that a user's statement waits for one step at most,
      // and between steps the page's own statements go first.
      do await this.idle(0)
      while (await loader.fillNext(code, 1))
      // The benchmark's steady state: every indicator of the province ranked.
      performance.mark('province-ranked', { detail: code })
    } catch {
      // A view that needs an indicator ranks it itself, and says so if that fails.
    } finally {
      this.ranking.delete(code)
    }
  }

  async ensureSummary(): Promise<void> {
    const source = await this.current()
    if (source.kind === 'user') await source.loaded
    await (await this.panel()).ensureSummary()
  }

  async init(): Promise<void> {
    await (await this.panel()).init()
  }

  /** What became of old county codes, for the import (data/code-history.json); fetched once. */
  codeHistory(): Promise<CodeHistoryData> {
    this.history ??= this.fetchBytes(CODE_HISTORY_FILE).then(
      (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as CodeHistoryData,
      (e: unknown) => {
        this.history = undefined
        throw e
      },
    )
    return this.history
  }

  /**
   * Stages an import beside the panel and runs its SQL checks: its school rows (`schools`)
   * summed by county and joined to its county rows, rates against their parts, jumps, the
   * release diff (`compare`) and what it covers. It stays staged until accepted or dropped.
   */
  async checkImport(
    ipc: Uint8Array,
    schools: Uint8Array | null,
    rates: readonly RateColumn[],
    tables: readonly FileSummary[],
    compare: boolean,
  ): Promise<StagedCheck> {
    await this.init()
    const source = await this.current()
    if (source.kind === 'user') {
      // Its own staging must be over before this import is staged.
      await source.loaded
      // The release diff judges the rules over the data loaded now.
      if (compare) await (await this.panel()).ensureEvery(indicatorsOf(RULES))
    }
    await stage(this.db, ipc)
    const conflicts = schools ? await stageSchools(this.db, schools) : []
    return checkStaged(this.db, rates, tables, compare, new Date(), conflicts)
  }

  /** Drops a staged import the user did not accept. */
  dropImport(): Promise<void> {
    return dropStage(this.db)
  }

  /**
   * Makes the staged import the panel and keeps it in the browser; `kept` is false when
   * the browser refused to store it (private mode, full disk): it then lasts this visit.
   */
  async acceptImport(
    meta: UserDataMeta,
    rows: Blob,
    schools: Blob | null = null,
  ): Promise<{ manifest: Manifest; kept: boolean }> {
    await this.replacePanel(() => replacePanelWithStage(this.db, schools !== null), {
      kind: 'user',
      meta,
      loaded: Promise.resolve(),
    })
    const kept = await this.saved?.save({ meta, rows, ...(schools && { schools }) }).then(
      () => true,
      () => false,
    )
    return { manifest: await this.manifest(), kept: kept ?? false }
  }

  /** Forgets the user's data and returns to the bundled panel. */
  async clearUserData(): Promise<Manifest> {
    await this.saved?.clear()
    await this.replacePanel(() => emptyPanel(this.db), { kind: 'bundled' })
    return this.manifest()
  }

  /** `change` replaces the panel's rows: work ahead begun on the old rows and answers given from them are dropped. */
  private async replacePanel(change: () => Promise<void>, source: Source): Promise<void> {
    this.generation += 1
    this.ahead = []
    ;(await this.panel()).forgetLoaded(source.kind === 'user' ? userProvinces(source.meta) : null)
    this.schools.forget()
    await change()
    this.cache.clear()
    this.source = Promise.resolve(source)
  }

  /** A county-year's 差异系数 from its schools, by section and indicator (the 综合 last). */
  async schoolCv(code: string, year: number): Promise<SchoolCvRow[]> {
    await this.ensureSchools(code)
    const rows = await this.query<SchoolCvRow>(schoolCvQuery(SCHOOL_TABLE, code, code))
    return rows.filter((r) => r.year === year)
  }

  /** A county-year's schools, part by part: each indicator's value, its pull on the 差异系数, the lines met. */
  async schoolValues(code: string, year: number): Promise<SchoolValuesRow[]> {
    await this.ensureSchools(code)
    return this.query<SchoolValuesRow>(schoolValuesQuery(SCHOOL_TABLE, code, year))
  }

  /** The bundled province's schools; a user's data has its own schools in the table, or none. */
  private async ensureSchools(code: string): Promise<void> {
    this.pending += 1
    try {
      const source = await this.current()
      await this.init()
      if (source.kind === 'user') await Promise.all([source.loaded, this.schools.ensureTable()])
      else await this.schools.ensureProvince(provinceOf(code))
    } finally {
      this.pending -= 1
    }
  }

  query<T extends object>(q: Query): Promise<T[]> {
    return this.cache.get(q, async () => {
      this.pending += 1
      try {
        return await this.db.query<T>(q)
      } finally {
        this.pending -= 1
      }
    })
  }
}

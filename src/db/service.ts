// What the app asks of the data layer: the manifest, a province's data, and queries.
import { PanelLoader, parseManifest, type FetchBytes, type Manifest } from './dataset.ts'
import { QueryCache } from './cache.ts'
import { Snapshots } from './snapshot.ts'
import type { Database, Query } from './types.ts'

export class DataService {
  private loader?: Promise<PanelLoader>
  /** First-view answers of the bundled dataset, painted while the engine starts. */
  readonly snapshots: Snapshots
  /** Answers already given; cleared when the data is replaced. */
  readonly cache = new QueryCache()

  constructor(
    readonly db: Database,
    private readonly fetchBytes: FetchBytes,
  ) {
    this.snapshots = new Snapshots(fetchBytes)
  }

  private panel(): Promise<PanelLoader> {
    this.loader ??= this.fetchBytes('manifest.json').then((bytes) => {
      const manifest = parseManifest(new TextDecoder().decode(bytes))
      return new PanelLoader(this.db, this.fetchBytes, manifest)
    })
    return this.loader
  }

  async manifest(): Promise<Manifest> {
    return (await this.panel()).manifest
  }

  async ensureProvince(code: string): Promise<void> {
    await (await this.panel()).ensureProvince(code)
  }

  async ensureSummary(): Promise<void> {
    await (await this.panel()).ensureSummary()
  }

  async init(): Promise<void> {
    await (await this.panel()).init()
  }

  query<T extends object>(q: Query): Promise<T[]> {
    return this.cache.get(q, () => this.db.query<T>(q))
  }
}

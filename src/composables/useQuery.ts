import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { Query } from '../util/query.ts'
import type { Indicator } from '../indicators/catalog.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { SNAPSHOT_PART } from '../queries/snapshot.ts'
import { snapshotFile } from '../service/snapshot.ts'
import { markOnce } from './markOnce.ts'
import { useDataService } from './useData.ts'

/** A panel's message when the engine or the data could not start (StartProgress says why) and the build has no answer for it. */
export const ENGINE_NEEDED = '此项需要即时计算，但数据未能准备好，原因见页面下方的提示。'

export interface QueryState<T> {
  rows: ShallowRef<T[]>
  loading: Ref<boolean>
  error: Ref<string | null>
  /** The rows answer the latest request (from the snapshot or the engine): a view that shows
   * several statements together waits for all of them, so old and new figures never mix. */
  answered: Ref<boolean>
}

/**
 * Runs the query that `build` returns whenever its inputs change; a result that arrives
 * after a newer request was made is dropped. `build` returns null while inputs are unset.
 * `province` names the province whose data must be loaded first; 'summary' asks for the
 * precomputed province figures instead, and null for the county list only; `indicators`
 * names those the statement reads, when not all (the province's others rank later). Every query
 * runs again when the data is replaced. On the bundled dataset, the build's answer
 * (snapshot) is shown until DuckDB's arrives, and stays if DuckDB cannot start: `snapshot`
 * names the part that has it (SNAPSHOT_PART), by default the province page's or the national page's.
 */
export function useQuery<T extends object>(
  build: () => {
    query: Query
    province: string | 'summary' | null
    indicators?: readonly Indicator[]
    snapshot?: string
  } | null,
): QueryState<T> {
  const service = useDataService()
  const dataset = useDatasetStore()
  const rows = shallowRef<T[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  const answered = ref(false)
  let latest = 0
  watch(
    () => [build(), dataset.version] as const,
    async ([request]) => {
      const id = ++latest
      answered.value = false
      if (!request) return
      loading.value = true
      // An error belongs to the request that failed, not to the next one.
      error.value = null
      const folder = dataset.simulated ? dataset.manifest?.snapshots : undefined
      const part =
        request.snapshot ?? (request.province === 'summary' ? SNAPSHOT_PART.national : (request.province ?? undefined))
      // The build's answer, shown until the engine's arrives, and kept if the engine cannot start.
      const early =
        folder && part ? service.snapshots.rows<T>(snapshotFile(part, folder), request.query) : Promise.resolve(null)
      let live = false
      void early.then((answer) => {
        if (!answer || id !== latest || live) return
        rows.value = answer
        answered.value = true
      })
      try {
        if (request.province === null) await service.init()
        else
          await (request.province === 'summary'
            ? service.ensureSummary()
            : service.ensureProvince(request.province, request.indicators))
        const result = await service.query<T>(request.query)
        markOnce('first-query-answered')
        if (id !== latest) return
        live = true
        rows.value = result
        error.value = null
      } catch (e) {
        // When nothing can be computed (the engine or the county list failed: StartProgress says
        // why, once, in the same turn), the build's answer stands. A file of one province that
        // fails is named here instead.
        const kept = await early
        if (kept) await new Promise((wait) => setTimeout(wait))
        if (id !== latest || (kept && dataset.error)) return
        error.value = dataset.error ? ENGINE_NEEDED : e instanceof Error ? e.message : String(e)
        rows.value = []
      } finally {
        if (id === latest) {
          answered.value = true
          loading.value = false
        }
      }
    },
    { immediate: true },
  )
  return { rows, loading, error, answered }
}

import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { SchoolCvRow, SchoolValuesRow } from '../queries/schoolCv.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { markOnce } from './markOnce.ts'
import { useDataService } from './useData.ts'

export interface SchoolsState {
  cv: ShallowRef<SchoolCvRow[]>
  values: ShallowRef<SchoolValuesRow[]>
  error: Ref<string | null>
  /** Both answers are in for the latest county-year asked (or its error). */
  answered: Ref<boolean>
}

/**
 * A county-year's school coefficients and school values, asked for only once `target` gives a
 * county (the 学校 section is in view): that first ask loads the province's schools. A result
 * that arrives after a newer request is dropped; replacing the data asks again.
 */
export function useSchools(target: () => { code: string; year: number } | null): SchoolsState {
  const service = useDataService()
  const dataset = useDatasetStore()
  const cv = shallowRef<SchoolCvRow[]>([])
  const values = shallowRef<SchoolValuesRow[]>([])
  const error = ref<string | null>(null)
  const answered = ref(false)
  let latest = 0
  watch(
    () => [target(), dataset.version] as const,
    async ([t]) => {
      const id = ++latest
      answered.value = false
      if (!t) return
      try {
        const [c, v] = await Promise.all([service.schoolCv(t.code, t.year), service.schoolValues(t.code, t.year)])
        if (id !== latest) return
        // The bench times the section from here to its paint.
        markOnce('schools-data-ready')
        ;[cv.value, values.value, error.value] = [c, v, null]
      } catch (e) {
        if (id !== latest) return
        ;[cv.value, values.value] = [[], []]
        error.value = e instanceof Error ? e.message : String(e)
      } finally {
        if (id === latest) answered.value = true
      }
    },
    { immediate: true },
  )
  return { cv, values, error, answered }
}

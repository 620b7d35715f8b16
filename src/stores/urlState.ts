import { computed, type WritableComputedRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/**
 * How setting the value enters the browser's history: a choice `push`es one entry, so Back
 * undoes it; text typed key by key `replace`s the current entry, so a search costs no
 * presses of Back.
 */
export type HistoryMode = 'push' | 'replace'

export interface UrlParam<T> {
  key: string
  /** The value when the URL says nothing (or something invalid); never written to the URL. */
  fallback: () => T
  parse: (raw: string) => T | undefined
  format?: (value: T) => string
  /** What setting the value does to the history; `push` unless said. */
  mode?: HistoryMode
}

export type UrlState<T> = WritableComputedRef<T> & {
  /** Sets the value without a new history entry (e.g. while the timeline plays). */
  replace(value: T): void
}

/** One piece of view state kept in the hash URL, so a link reproduces the view. */
export function useUrlState<T>(param: UrlParam<T>): UrlState<T> {
  const route = useRoute()
  const router = useRouter()
  const format = param.format ?? String
  const write = (value: T, mode: HistoryMode) => {
    const query = { ...route.query }
    if (format(value) === format(param.fallback())) delete query[param.key]
    else query[param.key] = format(value)
    void router[mode]({ query })
  }
  const state = computed<T>({
    get() {
      const raw = route.query[param.key]
      const parsed = typeof raw === 'string' ? param.parse(raw) : undefined
      return parsed === undefined ? param.fallback() : parsed
    },
    set: (value) => write(value, param.mode ?? 'push'),
  })
  return Object.assign(state, { replace: (value: T) => write(value, 'replace') })
}

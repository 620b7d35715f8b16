import { computed, type WritableComputedRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'

export interface UrlParam<T> {
  key: string
  /** The value when the URL says nothing (or something invalid); never written to the URL. */
  fallback: () => T
  parse: (raw: string) => T | undefined
  format?: (value: T) => string
}

/** One piece of view state kept in the hash URL, so a link reproduces the view. */
export function useUrlState<T>(param: UrlParam<T>): WritableComputedRef<T> {
  const route = useRoute()
  const router = useRouter()
  const format = param.format ?? String
  return computed({
    get() {
      const raw = route.query[param.key]
      const parsed = typeof raw === 'string' ? param.parse(raw) : undefined
      return parsed === undefined ? param.fallback() : parsed
    },
    set(value) {
      const query = { ...route.query }
      if (format(value) === format(param.fallback())) delete query[param.key]
      else query[param.key] = format(value)
      void router.push({ query })
    },
  })
}

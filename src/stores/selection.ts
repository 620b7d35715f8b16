import { defineStore, storeToRefs } from 'pinia'
import { DEFAULT_INDICATOR_ID, findIndicator, getIndicator } from '../indicators/catalog.ts'
import { computed } from 'vue'
import { useUrlState } from '../composables/useUrlState.ts'
import { useDatasetStore } from './dataset.ts'

export const DEFAULT_PROVINCE = '430000'

/** What the user is looking at; every choice lives in the URL, defaults are never written. */
export const useSelectionStore = defineStore('selection', () => {
  const { provinces, years } = storeToRefs(useDatasetStore())

  const province = useUrlState<string>({
    key: 'province',
    fallback: () => DEFAULT_PROVINCE,
    parse: (raw) => (provinces.value.length === 0 || provinces.value.some((p) => p.code === raw) ? raw : undefined),
  })
  const indicatorId = useUrlState<string>({
    key: 'indicator',
    fallback: () => DEFAULT_INDICATOR_ID,
    parse: (raw) => (findIndicator(raw) ? raw : undefined),
  })
  const year = useUrlState<number>({
    key: 'year',
    fallback: () => years.value.at(-1) ?? 2024,
    parse: (raw) => {
      const y = Number(raw)
      return years.value.includes(y) ? y : undefined
    },
  })

  const indicator = computed(() => getIndicator(indicatorId.value))
  const provinceName = computed(() => provinces.value.find((p) => p.code === province.value)?.name ?? '')

  return { province, indicatorId, year, indicator, provinceName }
})

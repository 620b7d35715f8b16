import { defineStore, storeToRefs } from 'pinia'
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { DEFAULT_INDICATOR_ID, findIndicator, getIndicator } from '../indicators/catalog.ts'
import { useUrlState } from './urlState.ts'
import { useDatasetStore } from './dataset.ts'

export const DEFAULT_PROVINCE = '430000'

export type RankScope = 'province' | 'prefecture'
export type SortKey = 'rank' | 'name' | 'prefecture' | 'value' | 'change' | 'rank_change' | 'status'

const SORT_KEYS: readonly SortKey[] = ['rank', 'name', 'prefecture', 'value', 'change', 'rank_change', 'status']
const text = (raw: string) => raw

/**
 * What the user is looking at; every choice lives in the URL, defaults are never written. Each
 * choice (province, indicator, year, base year, filter, sort …) adds one history entry; the
 * search text and the timeline's play replace the current one.
 */
export const useSelectionStore = defineStore('selection', () => {
  const route = useRoute()
  const router = useRouter()
  const { provinces, years } = storeToRefs(useDatasetStore())

  /** The province of the current page (path parameter), else the default. */
  const province = computed<string>({
    get() {
      const raw = route.params.province
      return typeof raw === 'string' && /^\d{6}$/.test(raw) ? raw : DEFAULT_PROVINCE
    },
    set(code) {
      // A new province resets the choices that belong to the old one.
      const query = { ...route.query }
      delete query.prefecture
      delete query.q
      void router.push({ name: 'province', params: { province: code }, query })
    },
  })
  const provinceKnown = computed(
    () => provinces.value.length === 0 || provinces.value.some((p) => p.code === province.value),
  )

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
      return years.value.length === 0 || years.value.includes(y) ? y : undefined
    },
  })
  /** 对比基年: the year the province page compares with (change since then); none by default. */
  const baseYear = useUrlState<number | null>({
    key: 'base',
    fallback: () => null,
    parse: (raw) => {
      const y = Number(raw)
      return Number.isInteger(y) && (years.value.length === 0 || years.value.includes(y)) ? y : undefined
    },
    format: (v) => (v === null ? '' : String(v)),
  })
  /** What the province map colours: each county's value, or its change since the year compared with. */
  const mapBy = useUrlState<'value' | 'change'>({
    key: 'map',
    fallback: () => 'value',
    parse: (raw) => (raw === 'change' ? 'change' : undefined),
  })
  /** The failing counties outlined on the province map (focus=fail, from the roll-up's 在地图上查看). */
  const focusFailing = useUrlState<boolean>({
    key: 'focus',
    fallback: () => false,
    parse: (raw) => raw === 'fail',
    format: (v) => (v ? 'fail' : ''),
  })
  const prefecture = useUrlState<string>({
    key: 'prefecture',
    fallback: () => '',
    parse: (raw) => (/^\d{6}$/.test(raw) ? raw : undefined),
  })
  const countyType = useUrlState<string>({ key: 'type', fallback: () => '', parse: text })
  // Typed key by key: each keystroke replaces the entry, so Back never walks back through the letters.
  const search = useUrlState<string>({ key: 'q', fallback: () => '', parse: text, mode: 'replace' })
  const sort = useUrlState<SortKey>({
    key: 'sort',
    fallback: () => 'rank',
    parse: (raw) => ((SORT_KEYS as readonly string[]).includes(raw) ? (raw as SortKey) : undefined),
  })
  const descending = useUrlState<boolean>({
    key: 'desc',
    fallback: () => false,
    parse: (raw) => raw === '1',
    format: (v) => (v ? '1' : '0'),
  })
  /** Only the counties whose value is doubtful (数据存疑). */
  const doubtful = useUrlState<boolean>({
    key: 'doubt',
    fallback: () => false,
    parse: (raw) => raw === '1',
    format: (v) => (v ? '1' : '0'),
  })
  const rankScope = useUrlState<RankScope>({
    key: 'scope',
    fallback: () => 'province',
    parse: (raw) => (raw === 'prefecture' ? 'prefecture' : undefined),
  })

  const indicator = computed(() => getIndicator(indicatorId.value))
  const provinceName = computed(() => provinces.value.find((p) => p.code === province.value)?.name ?? '')

  /** Sorting by a new column starts ascending; the same column again flips direction. One history entry. */
  function sortBy(key: SortKey): void {
    orderBy(key, sort.value === key ? !descending.value : false)
  }

  /** Sorts by `key` in that direction (e.g. worst first): one history entry. */
  function orderBy(key: SortKey, desc: boolean): void {
    const query = { ...route.query }
    if (key === 'rank') delete query.sort
    else query.sort = key
    if (desc) query.desc = '1'
    else delete query.desc
    void router.push({ query })
  }

  /** Timeline steps replace the history entry instead of adding one per frame. */
  function stepYear(y: number): void {
    year.replace(y)
  }

  /** Presentation mode's auto-play steps replace the history entry too. */
  function stepIndicator(id: string): void {
    indicatorId.replace(id)
  }

  return {
    sortBy,
    orderBy,
    stepYear,
    stepIndicator,
    province,
    provinceKnown,
    indicatorId,
    year,
    baseYear,
    mapBy,
    focusFailing,
    prefecture,
    countyType,
    search,
    doubtful,
    sort,
    descending,
    rankScope,
    indicator,
    provinceName,
  }
})

import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { declareMap } from '../charts/mapRegistry.ts'
import {
  fetchChinaBoundaries,
  fetchProvinceBoundaries,
  type ChinaBoundaries,
  type ProvinceBoundaries,
} from '../geo/boundaries.ts'
import { useBoundaryStore } from '../stores/boundaries.ts'

export interface BoundaryMaps {
  /** Names of the maps declared for ECharts (the exported and printed map). */
  counties: string
  prefectures: string
  /** County codes of the drawn features. */
  codes: string[]
  /** The features drawn, for the map on screen. */
  features: ProvinceBoundaries
}

const loaded = new Map<string, Promise<ProvinceBoundaries>>()
let china: Promise<ChinaBoundaries> | undefined

/** Names of the national maps declared for ECharts. */
export const CHINA_MAPS = { provinces: 'china-provinces', nanhai: 'china-nanhai' } as const

/** The provinces of China and the 南海诸岛 inset, downloaded once and declared for ECharts (exports, print). */
export function loadChina(): Promise<ChinaBoundaries> {
  china ??= fetchChinaBoundaries(new URL('geo/', document.baseURI).href).then((b) => {
    declareMap(CHINA_MAPS.provinces, b.provinces)
    declareMap(CHINA_MAPS.nanhai, b.nanhai)
    return b
  })
  china.catch(() => (china = undefined))
  return china
}

/** Starts downloading a province's boundaries before the map is shown. */
export function loadProvince(province: string): Promise<ProvinceBoundaries> {
  let boundaries = loaded.get(province)
  if (!boundaries) {
    boundaries = fetchProvinceBoundaries(new URL('geo/', document.baseURI).href, province)
    boundaries.catch(() => loaded.delete(province))
    loaded.set(province, boundaries)
  }
  return boundaries
}

/** Declares the province's maps, or one prefecture's share of them (the map zooms to it). */
function register(province: string, prefecture: string, b: ProvinceBoundaries, variant: string): BoundaryMaps {
  const key = `${prefecture || province}${variant}`
  const counties = prefecture
    ? b.counties.features.filter((f) => f.properties.prefecture_code === prefecture)
    : b.counties.features
  const outlines = prefecture
    ? b.prefectures.features.filter((f) => f.properties.code === prefecture)
    : b.prefectures.features
  const features = {
    counties: { ...b.counties, features: counties },
    prefectures: { ...b.prefectures, features: outlines },
  }
  const names = {
    counties: `counties-${key}`,
    prefectures: `prefectures-${key}`,
    codes: counties.filter((f) => f.properties.panel !== false).map((f) => f.properties.code),
    features,
  }
  declareMap(names.counties, features.counties)
  declareMap(names.prefectures, features.prefectures)
  return names
}

/**
 * The features and declared ECharts maps of a province (or one of its prefectures): the user's own
 * boundaries when loaded, else the bundled ones, fetched on first use.
 */
export function useBoundaries(
  province: Ref<string>,
  prefecture: Ref<string>,
): { maps: Ref<BoundaryMaps | null>; error: Ref<string | null> } {
  const boundaries = shallowRef<ProvinceBoundaries | null>(null)
  const error = ref<string | null>(null)
  watch(
    province,
    async (code, _old, onCleanup) => {
      let stale = false
      onCleanup(() => (stale = true))
      boundaries.value = null
      try {
        const b = await loadProvince(code)
        if (!stale) {
          boundaries.value = b
          error.value = null
        }
      } catch (e) {
        if (!stale) error.value = e instanceof Error ? e.message : String(e)
      }
    },
    { immediate: true },
  )
  const store = useBoundaryStore()
  const maps = computed(() => {
    const custom = store.custom.get(province.value)
    if (custom) return register(province.value, prefecture.value, custom, `-custom-${custom.version}`)
    return boundaries.value ? register(province.value, prefecture.value, boundaries.value, '') : null
  })
  return { maps, error }
}

import { registerMap } from 'echarts/core'
import { ref, watch, type Ref } from 'vue'
import { fetchProvinceBoundaries } from '../geo/boundaries.ts'

export interface BoundaryMaps {
  counties: string
  prefectures: string
  /** County codes of the drawn features. */
  codes: string[]
}

const registered = new Map<string, Promise<BoundaryMaps>>()

function registerProvince(province: string): Promise<BoundaryMaps> {
  let maps = registered.get(province)
  if (!maps) {
    maps = fetchProvinceBoundaries(new URL('geo/', document.baseURI).href, province).then((b) => {
      const names = { counties: `counties-${province}`, prefectures: `prefectures-${province}`, codes: b.counties.features.map((f) => f.properties.code) }
      registerMap(names.counties, b.counties as Parameters<typeof registerMap>[1])
      registerMap(names.prefectures, b.prefectures as Parameters<typeof registerMap>[1])
      return names
    })
    maps.catch(() => registered.delete(province))
    registered.set(province, maps)
  }
  return maps
}

/** The registered ECharts maps of a province's boundaries, loaded on first use. */
export function useBoundaries(province: Ref<string>): { maps: Ref<BoundaryMaps | null>; error: Ref<string | null> } {
  const maps = ref<BoundaryMaps | null>(null)
  const error = ref<string | null>(null)
  watch(
    province,
    async (code, _old, onCleanup) => {
      let stale = false
      onCleanup(() => (stale = true))
      maps.value = null
      try {
        const m = await registerProvince(code)
        if (!stale) {
          maps.value = m
          error.value = null
        }
      } catch (e) {
        if (!stale) error.value = e instanceof Error ? e.message : String(e)
      }
    },
    { immediate: true },
  )
  return { maps, error }
}

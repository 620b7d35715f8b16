import { storeToRefs } from 'pinia'
import { watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { DEFAULT_INDICATOR_ID, findIndicator, getIndicator } from '../indicators/catalog.ts'
import { provinceOf } from '../util/divisions.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useNoticeStore } from '../stores/notices.ts'

/** A route as the checks see it: only string values. */
export interface Place {
  name: string
  params: Record<string, string>
  query: Record<string, string>
}

export interface DatasetScope {
  provinces: readonly { code: string; name: string }[]
  years: readonly number[]
}

export interface Fallback {
  to: Place
  notices: string[]
}

/** A value from the URL as the notice quotes it: anyone can paste anything into a link. */
const quoted = (raw: string) => `“${raw.length > 20 ? `${raw.slice(0, 20)}…` : raw}”`

/** The choices that mean the same on every page, carried over when the page changes. */
export function sharedQuery(query: Record<string, string>): Record<string, string> {
  return { ...(query.indicator ? { indicator: query.indicator } : {}), ...(query.year ? { year: query.year } : {}) }
}

export function unknownCountyNotice(code: string, shown: string): string {
  return `链接中的区县代码${quoted(code)}不在数据中，已显示${shown}`
}

/**
 * The valid view nearest to a link with an unknown province, county, indicator or year, and
 * what to tell the user; null when the link is valid. Counties of a known province are
 * checked by the county page, which has the county list.
 */
export function urlFallback(place: Place, data: DatasetScope): Fallback | null {
  const query = { ...place.query }
  const notices: string[] = []
  const { indicator, year } = place.query
  if (indicator !== undefined && !findIndicator(indicator)) {
    notices.push(`链接中的指标${quoted(indicator)}不存在，已显示默认指标${getIndicator(DEFAULT_INDICATOR_ID).label}`)
    delete query.indicator
  }
  if (year !== undefined && data.years.length && !data.years.includes(Number(year))) {
    notices.push(
      `链接中的年份${quoted(year)}不在数据年份（${data.years[0]}—${data.years.at(-1)}年）之内，已显示${data.years.at(-1)}年`,
    )
    delete query.year
  }
  const known = (province: string) => data.provinces.some((p) => p.code === province)
  const national = (): Place => ({ name: 'national', params: {}, query: sharedQuery(query) })
  let to: Place = { ...place, query }
  const { province, code } = place.params
  if ((place.name === 'province' || place.name === 'rollup') && province !== undefined && !known(province)) {
    notices.push(`链接中的省份代码${quoted(province)}不在数据中，已显示全国概览`)
    to = national()
  } else if (place.name === 'county' && code !== undefined && !(/^\d{6}$/.test(code) && known(provinceOf(code)))) {
    notices.push(unknownCountyNotice(code, '全国概览'))
    to = national()
  }
  return notices.length ? { to, notices } : null
}

export const strings = (query: LocationQuery | Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'))

/** Watches the URL: an unknown part is replaced by a valid view, and a notice says so. */
export function useUrlFallback(): void {
  const route = useRoute()
  const router = useRouter()
  const { manifest } = storeToRefs(useDatasetStore())
  const { add } = useNoticeStore()
  watch(
    [() => route.fullPath, manifest],
    () => {
      if (!manifest.value || typeof route.name !== 'string') return
      const fallback = urlFallback(
        { name: route.name, params: strings(route.params), query: strings(route.query) },
        manifest.value,
      )
      if (!fallback) return
      fallback.notices.forEach(add)
      void router.replace(fallback.to)
    },
    { immediate: true },
  )
}

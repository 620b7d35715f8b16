import { computed, shallowRef, watch, type Ref } from 'vue'
import type { Query } from '../db/types.ts'
import type { Indicator } from '../indicators/catalog.ts'
import { aggregateQuery, type AggregateRow } from '../queries/aggregates.ts'
import { rankingQuery, type RankingRow } from '../queries/ranking.ts'
import { provinceSeriesQuery, seriesByCounty, type ProvinceSeriesRow } from '../queries/series.ts'
import { useQuery } from './useQuery.ts'

/** A province page's choice and its three answers, shown together. */
export interface ProvinceAnswers {
  province: string
  indicator: Indicator
  year: number
  prefecture: string
  ranking: readonly RankingRow[]
  series: ReadonlyMap<string, readonly (number | null)[]>
  aggregates: readonly AggregateRow[]
}

interface Choice {
  ready: Ref<boolean>
  province: Ref<string>
  indicator: Ref<Indicator>
  year: Ref<number>
  prefecture: Ref<string>
  years: Ref<readonly number[]>
}

/**
 * The province page's statements — the ranking, every county's series and the province (or
 * prefecture) figures of one indicator — and what the page shows of them: replaced together
 * once all three have answered, so a switch renders the map, charts and table once, and a
 * figure is never shown under another province's, indicator's or year's label while the
 * next answers are on their way.
 */
export function useProvinceAnswers(c: Choice) {
  const request = <T extends object>(query: () => Query) =>
    useQuery<T>(() => (c.ready.value ? { province: c.province.value, indicators: [c.indicator.value], query: query() } : null))
  const ranking = request<RankingRow>(() => rankingQuery(c.indicator.value, { province: c.province.value, year: c.year.value }))
  const series = request<ProvinceSeriesRow>(() => provinceSeriesQuery(c.indicator.value, c.province.value))
  const aggregates = request<AggregateRow>(() => aggregateQuery(c.indicator.value, { province: c.province.value, by: c.prefecture.value ? 'prefecture' : 'province' }))

  const shown = shallowRef<ProvinceAnswers | null>(null)
  watch(
    () => ranking.answered.value && series.answered.value && aggregates.answered.value && [ranking.rows.value, series.rows.value, aggregates.rows.value],
    (answers) => {
      if (!answers) return
      shown.value = {
        province: c.province.value,
        indicator: c.indicator.value,
        year: c.year.value,
        prefecture: c.prefecture.value,
        ranking: ranking.rows.value,
        series: seriesByCounty(series.rows.value, c.years.value),
        aggregates: aggregates.rows.value,
      }
    },
    { immediate: true },
  )
  return {
    shown,
    busy: computed(() => ranking.loading.value || series.loading.value || aggregates.loading.value),
    error: ranking.error,
  }
}

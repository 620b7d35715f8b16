import { computed, shallowRef, watch, type Ref } from 'vue'
import type { Query } from '../util/query.ts'
import type { Prefetch } from '../service/service.ts'
import { INDICATORS, type Indicator } from '../indicators/catalog.ts'
import { countyTrendBandsQuery, type AggregateRow } from '../queries/aggregates.ts'
import { provinceStatements, rankingsAhead, type ProvinceStatements } from '../queries/province.ts'
import type { RankingRow } from '../queries/ranking.ts'
import { countyQuery } from '../queries/lists.ts'
import { rulesAhead } from '../queries/rules.ts'
import { countySeriesQuery, seriesByCounty, type ProvinceSeriesRow } from '../queries/series.ts'
import { RULES } from '../indicators/rules.ts'
import { useDataService } from './useData.ts'
import { useQuery } from './useQuery.ts'
import { afterFrame } from '../util/afterFrame.ts'

/** A province page's choice and its three answers, shown together. */
export interface ProvinceAnswers {
  province: string
  indicator: Indicator
  year: number
  prefecture: string
  /** The base year the ranking's change and ranks compare with; null for the year before. */
  baseYear: number | null
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
  baseYear: Ref<number | null>
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
  const request = <T extends object>(query: (s: ProvinceStatements) => Query) =>
    useQuery<T>(() =>
      c.ready.value
        ? {
            province: c.province.value,
            indicators: [c.indicator.value],
            query: query(
              provinceStatements(
                c.indicator.value,
                c.year.value,
                c.province.value,
                c.prefecture.value,
                c.baseYear.value,
              ),
            ),
          }
        : null,
    )
  const ranking = request<RankingRow>((s) => s.ranking)
  const series = request<ProvinceSeriesRow>((s) => s.series)
  const aggregates = request<AggregateRow>((s) => s.aggregates)

  const shown = shallowRef<ProvinceAnswers | null>(null)
  watch(
    () =>
      ranking.answered.value &&
      series.answered.value &&
      aggregates.answered.value && [ranking.rows.value, series.rows.value, aggregates.rows.value],
    (answers) => {
      if (!answers) return
      shown.value = {
        province: c.province.value,
        indicator: c.indicator.value,
        year: c.year.value,
        prefecture: c.prefecture.value,
        baseYear: c.baseYear.value,
        ranking: ranking.rows.value,
        series: seriesByCounty(series.rows.value, c.years.value),
        aggregates: aggregates.rows.value,
      }
    },
    { immediate: true },
  )

  // Once a choice is shown, the choices beside it are answered ahead: every year of this
  // indicator (the year choice, the timeline) in one statement, then the other indicators,
  // then what a county page opened from here shows: the province figures and every county's
  // rule statuses (the roll-up's too).
  const service = useDataService()
  function listAhead(a: ProvinceAnswers): Prefetch[] {
    const ahead = (indicator: Indicator, query: Query): Prefetch => ({
      province: a.province,
      indicators: [indicator],
      query,
    })
    const top = a.ranking[0]?.code
    const rankings = (indicator: Indicator): Prefetch => ({
      province: a.province,
      indicators: [indicator],
      ...rankingsAhead(indicator, a.province, c.years.value, a.baseYear),
    })
    return [
      rankings(a.indicator),
      ...INDICATORS.filter((i) => i.id !== a.indicator.id).flatMap((i) => {
        const s = provinceStatements(i, a.year, a.province, a.prefecture, a.baseYear)
        return [ahead(i, s.series), ahead(i, s.aggregates), rankings(i)]
      }),
      { province: a.province, indicators: INDICATORS, query: countyTrendBandsQuery(a.province) },
      {
        province: a.province,
        indicators: INDICATORS,
        ...rulesAhead(
          RULES,
          a.province,
          c.years.value,
          a.ranking.map((r) => r.code),
        ),
      },
      // The first county's own statements: then planned, the county page of any other one runs them at once.
      ...(top
        ? [countyQuery(top), countySeriesQuery(top)].map((query) => ({
            province: a.province,
            indicators: INDICATORS,
            query,
          }))
        : []),
    ]
  }
  // The list (some 600 statements) is made after the choice is painted, not before, and only for the choice still shown.
  watch(shown, (a) => a && afterFrame().then(() => shown.value === a && service.prefetch(listAhead(a))))
  return {
    shown,
    busy: computed(() => ranking.loading.value || series.loading.value || aggregates.loading.value),
    error: ranking.error,
  }
}

import { computed, type Ref } from 'vue'
import type { Indicator } from '../indicators/catalog.ts'
import { RULES } from '../indicators/rules.ts'
import { countyTrendBandsQuery, type AggregateRow } from '../queries/aggregates.ts'
import { countyQuery, type CountyPageRow } from '../queries/lists.ts'
import { rankingQuery, type RankingRow } from '../queries/ranking.ts'
import { ruleStatusQuery, type RuleStatusRow } from '../queries/rules.ts'
import { countySeriesQuery, provinceSeriesQuery, type ProvinceSeriesRow, type SeriesRow } from '../queries/series.ts'
import { SNAPSHOT_PART } from '../queries/snapshot.ts'
import { provinceOf } from '../util/divisions.ts'
import { useQuery } from './useQuery.ts'

/**
 * The county page's statements, asked once the manifest is in and the code is six digits: the
 * county, its series and the province's trend bands (painted from the build's answers before
 * the engine is up), its rule statuses, the province's ranking and every county's series of
 * the chosen indicator.
 */
export function useCountyAnswers(on: {
  code: Readonly<Ref<string>>
  indicator: Readonly<Ref<Indicator>>
  year: Readonly<Ref<number>>
  ready: () => boolean
}) {
  const { code, indicator, year } = on
  const province = computed(() => provinceOf(code.value))
  const when = <T>(build: () => T) => (on.ready() && /^\d{6}$/.test(code.value) ? build() : null)
  const county = useQuery<CountyPageRow>(() =>
    when(() => ({
      province: province.value,
      query: countyQuery(code.value),
      snapshot: SNAPSHOT_PART.county(code.value),
    })),
  )
  const series = useQuery<SeriesRow>(() =>
    when(() => ({
      province: province.value,
      query: countySeriesQuery(code.value),
      snapshot: SNAPSHOT_PART.county(code.value),
    })),
  )
  const aggregates = useQuery<AggregateRow>(() =>
    when(() => ({
      province: province.value,
      query: countyTrendBandsQuery(province.value),
      snapshot: SNAPSHOT_PART.bands(province.value),
    })),
  )
  const rules = useQuery<RuleStatusRow>(() =>
    when(() => ({
      province: province.value,
      query: ruleStatusQuery(RULES, { province: province.value, code: code.value }),
    })),
  )
  const ranking = useQuery<RankingRow>(() =>
    when(() => ({
      province: province.value,
      query: rankingQuery(indicator.value, { province: province.value, year: year.value }),
    })),
  )
  const provinceSeries = useQuery<ProvinceSeriesRow>(() =>
    when(() => ({ province: province.value, query: provinceSeriesQuery(indicator.value, province.value) })),
  )
  return { province, county, series, aggregates, rules, ranking, provinceSeries }
}

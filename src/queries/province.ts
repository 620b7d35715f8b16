import type { Indicator } from '../indicators/catalog.ts'
import type { Query, StandsFor } from '../util/query.ts'
import { aggregateQuery } from './aggregates.ts'
import { rankingQueries, rankingQuery, rankingsByYear, rankingYearsQuery, type RankingYearRow } from './ranking.ts'
import { provinceSeriesQuery } from './series.ts'

export interface ProvinceStatements {
  ranking: Query
  /** Every county's series, for the map tooltip and the sparklines. */
  series: Query
  /** The province's figures, or each prefecture's when one is chosen. */
  aggregates: Query
}

/** The statements a province page shows for one choice of indicator and year. */
export function provinceStatements(
  indicator: Indicator,
  year: number,
  province: string,
  prefecture = '',
  base: number | null = null,
): ProvinceStatements {
  return {
    ranking: rankingQuery(indicator, { province, year, base }),
    series: provinceSeriesQuery(indicator, province),
    aggregates: aggregateQuery(indicator, { province, by: prefecture ? 'prefecture' : 'province' }),
  }
}

/**
 * Every year's ranking of an indicator in one statement, standing for each year's
 * rankingQuery: answered ahead, it makes the year choice and the timeline instant.
 */
export function rankingsAhead(
  indicator: Indicator,
  province: string,
  years: readonly number[],
  base: number | null = null,
): StandsFor<RankingYearRow> {
  return {
    query: rankingYearsQuery(indicator, province, years, base),
    answers: {
      queries: rankingQueries(indicator, province, years, base),
      split: (rows) => rankingsByYear(rows, years),
    },
  }
}

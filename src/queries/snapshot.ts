import { DEFAULT_INDICATOR_ID, getIndicator } from '../indicators/catalog.ts'
import type { Query } from '../util/query.ts'
import { provinceStatements } from './province.ts'

/**
 * The statements of a province's first view as the province page builds them (default
 * indicator, latest year, whole province): the ranking, every county's series for the map
 * tooltip and sparklines, and the province figures. The build answers them ahead of time.
 */
export function firstViewQueries(province: string, latestYear: number): Query[] {
  return Object.values(provinceStatements(getIndicator(DEFAULT_INDICATOR_ID), latestYear, province))
}

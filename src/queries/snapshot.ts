import { DEFAULT_INDICATOR_ID, getIndicator, INDICATORS } from '../indicators/catalog.ts'
import { RULES } from '../indicators/rules.ts'
import type { Query } from '../util/query.ts'
import { countyTrendBandsQuery } from './aggregates.ts'
import { countiesQuery, countyQuery } from './lists.ts'
import { provinceFiguresQuery } from './national.ts'
import { provinceStatements } from './province.ts'
import { rollupStatusQuery } from './rules.ts'
import { countySeriesQuery } from './series.ts'

/**
 * The build-time answers, by part: each part is one file (snapshots/<part>.json.gz) that a
 * page fetches when opened, so a link to any page paints before the engine is up. A page's
 * statement names its part; the province page's and the national page's are the default.
 */
export const SNAPSHOT_PART = {
  national: 'national',
  province: (code: string) => code,
  rollup: (code: string) => `${code}-rollup`,
  bands: (code: string) => `${code}-bands`,
  county: (code: string) => `county/${code}`,
}

export interface SnapshotPart {
  name: string
  queries: Query[]
}

/**
 * The statements of a province's first view as the province page builds them (default
 * indicator, latest year, whole province): the ranking, every county's series for the map
 * tooltip and sparklines, and the province figures.
 */
export function firstViewQueries(province: string, latestYear: number): Query[] {
  return Object.values(provinceStatements(getIndicator(DEFAULT_INDICATOR_ID), latestYear, province))
}

/** The national page: every indicator's province figures in the latest year, and the default indicator's in every year. */
export function nationalQueries(years: readonly number[]): Query[] {
  const latest = years.at(-1)!
  const first = getIndicator(DEFAULT_INDICATOR_ID)
  return [
    ...INDICATORS.map((i) => provinceFiguresQuery(i, latest)),
    ...years.filter((y) => y !== latest).map((y) => provinceFiguresQuery(first, y)),
  ]
}

/**
 * Every part of the bundled data: the national page; for each province its first view, its
 * roll-up in the latest year and its counties' trend bands; for each county its header and series.
 */
export function snapshotPlan(
  provinces: readonly { code: string; counties: readonly string[] }[],
  years: readonly number[],
): SnapshotPart[] {
  const latest = years.at(-1)!
  return [
    { name: SNAPSHOT_PART.national, queries: nationalQueries(years) },
    ...provinces.flatMap(({ code, counties }) => [
      { name: SNAPSHOT_PART.province(code), queries: firstViewQueries(code, latest) },
      { name: SNAPSHOT_PART.rollup(code), queries: [rollupStatusQuery(RULES, code, latest), countiesQuery(code)] },
      { name: SNAPSHOT_PART.bands(code), queries: [countyTrendBandsQuery(code)] },
      ...counties.map((c) => ({ name: SNAPSHOT_PART.county(c), queries: [countyQuery(c), countySeriesQuery(c)] })),
    ]),
  ]
}

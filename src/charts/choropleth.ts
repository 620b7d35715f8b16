// The province choropleth: counties coloured by class, prefecture outlines drawn heavier on
// top, a tooltip with rank, change, status and a sparkline. Pure: rows in, option out.
import type { ComposeOption } from 'echarts/core'
import type { MapSeriesOption } from 'echarts/charts'
import type { GeoComponentOption } from 'echarts/components'
import type { Indicator } from '../indicators/catalog.ts'
import { doubtReasons } from '../indicators/doubts.ts'
import { formatChange, formatRankChange, formatValue } from '../indicators/format.ts'
import type { RankingRow } from '../queries/ranking.ts'
import { classOf, type MapClass } from './mapClasses.ts'
import { BORDER_COLOR, NO_DATA_COLOR, PREFECTURE_BORDER } from './palette.ts'
import { mercator } from './mapGeometry.ts'

export type ChoroplethOption = ComposeOption<MapSeriesOption | GeoComponentOption>

export interface ChoroplethInput {
  /** Registered map of county features, keyed by the `code` property. */
  countiesMap: string
  /** Registered map of prefecture outlines with the same extent. */
  prefecturesMap: string
  rows: readonly RankingRow[]
  indicator: Indicator
  year: number
  classes: readonly MapClass[]
  /** What the classes classify, when not each county's value (its change). */
  colourBy?: (row: RankingRow) => number | null
  /** Each county's values over `years`, for the tooltip sparkline. */
  series?: ReadonlyMap<string, readonly (number | null)[]>
  years?: readonly number[]
}

const LAYOUT = { layoutCenter: ['50%', '50%'] as [string, string], layoutSize: '96%', projection: mercator }

export interface MapTooltip {
  name: string
  prefecture: string
  /** Label and value pairs, in reading order. */
  lines: { label: string; value: string }[]
  /** Why the value is doubtful (数据存疑), one reason each. */
  doubts: string[]
  /** The county's values over `years`, for a sparkline, with the span they cover. */
  spark: { values: readonly (number | null)[]; span: string } | null
}

/** What the map's tooltip says of one county; rendered as text, so nothing from data is markup. */
export function mapTooltip(
  row: RankingRow,
  input: Pick<ChoroplethInput, 'indicator' | 'year' | 'series' | 'years'>,
): MapTooltip {
  const ind = input.indicator
  const values = input.series?.get(row.code)
  const years = input.years ?? []
  return {
    name: row.name,
    prefecture: row.prefecture,
    lines: [
      {
        label: `${ind.label}（${input.year}年）`,
        value: `${row.doubt ? '⚠ ' : ''}${formatValue(row.value, ind, input.year)}`,
      },
      {
        label: '全省排名',
        value: `${row.rank === null ? '—' : `第${row.rank}名`}（${formatRankChange(row.rank, row.prev_rank)}）`,
      },
      { label: '较上年', value: formatChange(row.value, row.prev_value, ind) },
      { label: '达标情况', value: row.status ?? '无标准' },
    ],
    doubts: doubtReasons(row.doubt),
    spark: values ? { values, span: `${years[0] ?? ''}–${years.at(-1) ?? ''}年` } : null,
  }
}

/** Each county's fill: its class colour, by its value or by `colourBy` (the change, when the map shows change). */
export function regionColors(
  rows: readonly RankingRow[],
  classes: readonly MapClass[],
  colourBy?: (row: RankingRow) => number | null,
): Map<string, string> {
  return new Map(rows.map((r) => [r.code, classOf(colourBy ? { value: colourBy(r), status: null } : r, classes).color]))
}

/**
 * The map as an ECharts option, for the exported image and the printed page (the screen
 * draws the same shapes as SVG, mapGeometry.ts): the same projection and colours.
 */
export function choroplethOption(input: ChoroplethInput): ChoroplethOption {
  const colors = regionColors(input.rows, input.classes, input.colourBy)
  const data = input.rows.map((r) => ({
    name: r.code,
    value: r.value ?? Number.NaN,
    itemStyle: { areaColor: colors.get(r.code) },
  }))
  return {
    animation: false,
    geo: {
      map: input.prefecturesMap,
      ...LAYOUT,
      silent: true,
      z: 5,
      itemStyle: { areaColor: 'transparent', borderColor: PREFECTURE_BORDER, borderWidth: 1.6 },
      label: { show: false },
    },
    series: [
      {
        type: 'map',
        map: input.countiesMap,
        nameProperty: 'code',
        ...LAYOUT,
        selectedMode: false,
        data,
        itemStyle: { areaColor: NO_DATA_COLOR, borderColor: BORDER_COLOR, borderWidth: 0.6 },
        label: { show: false },
      },
    ],
  }
}

// The province choropleth: counties coloured by class, prefecture outlines drawn heavier on
// top, a tooltip with rank, change, status and a sparkline. Pure: rows in, option out.
import type { ComposeOption } from 'echarts/core'
import type { MapSeriesOption } from 'echarts/charts'
import type { GeoComponentOption, TooltipComponentOption } from 'echarts/components'
import type { Indicator } from '../indicators/catalog.ts'
import { formatChange, formatRankChange, formatValue } from '../indicators/format.ts'
import type { RankingRow } from '../queries/ranking.ts'
import { escapeHtml } from './escape.ts'
import { classOf, type MapClass } from './mapClasses.ts'
import { BORDER_COLOR, HIGHLIGHT_COLOR, PREFECTURE_BORDER } from './palette.ts'
import { sparklineSvg } from './sparkline.ts'

export type ChoroplethOption = ComposeOption<MapSeriesOption | GeoComponentOption | TooltipComponentOption>

export interface ChoroplethInput {
  /** Registered map of county features, keyed by the `code` property. */
  countiesMap: string
  /** Registered map of prefecture outlines with the same extent. */
  prefecturesMap: string
  rows: readonly RankingRow[]
  indicator: Indicator
  year: number
  classes: readonly MapClass[]
  /** Each county's values over `years`, for the tooltip sparkline. */
  series?: ReadonlyMap<string, readonly (number | null)[]>
  years?: readonly number[]
}

const LAYOUT = { layoutCenter: ['50%', '50%'] as [string, string], layoutSize: '96%' }

export function tooltipHtml(row: RankingRow, input: Pick<ChoroplethInput, 'indicator' | 'year' | 'series' | 'years'>): string {
  const ind = input.indicator
  const spark = input.series?.get(row.code)
  const years = input.years ?? []
  const sparkBlock = spark
    ? `<div style="margin-top:4px">${sparklineSvg(spark)}<div style="color:#888;font-size:11px">${escapeHtml(years[0] ?? '')}–${escapeHtml(years.at(-1) ?? '')}年</div></div>`
    : ''
  const rank = row.rank === null ? '—' : `第${row.rank}名`
  return [
    `<div style="font-weight:600">${escapeHtml(row.name)} <span style="font-weight:400;color:#666">${escapeHtml(row.prefecture)}</span></div>`,
    `<div>${escapeHtml(ind.label)}（${input.year}年）：<b>${escapeHtml(formatValue(row.value, ind))}</b></div>`,
    `<div>全省排名：${escapeHtml(rank)}（${escapeHtml(formatRankChange(row.rank, row.prev_rank))}）</div>`,
    `<div>较上年：${escapeHtml(formatChange(row.change, row.change_pct, ind))}</div>`,
    `<div>达标情况：${escapeHtml(row.status ?? '无标准')}</div>`,
    sparkBlock,
  ].join('')
}

export function choroplethOption(input: ChoroplethInput): ChoroplethOption {
  const byCode = new Map(input.rows.map((r) => [r.code, r]))
  const data = input.rows.map((r) => ({
    name: r.code,
    value: r.value ?? Number.NaN,
    itemStyle: { areaColor: classOf(r, input.classes).color },
  }))
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      confine: true,
      className: 'map-tooltip',
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        const row = p ? byCode.get(String(p.name)) : undefined
        return row ? tooltipHtml(row, input) : ''
      },
    },
    geo: {
      map: input.prefecturesMap,
      ...LAYOUT,
      silent: true,
      z: 5,
      itemStyle: { areaColor: 'transparent', borderColor: PREFECTURE_BORDER, borderWidth: 1.6 },
      label: { show: false },
      tooltip: { show: false },
    },
    series: [
      {
        type: 'map',
        map: input.countiesMap,
        nameProperty: 'code',
        ...LAYOUT,
        selectedMode: false,
        data,
        itemStyle: { borderColor: BORDER_COLOR, borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: HIGHLIGHT_COLOR, borderColor: '#000', borderWidth: 1.2 } },
        label: { show: false },
      },
    ],
  }
}

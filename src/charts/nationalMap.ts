// China by province, coloured by each province's figure, with 南海诸岛 as the customary
// inset at the lower right rather than stretching the map southwards.
import type { ComposeOption } from 'echarts/core'
import type { MapSeriesOption } from 'echarts/charts'
import type { GeoComponentOption, TooltipComponentOption } from 'echarts/components'
import type { Indicator } from '../indicators/catalog.ts'
import { formatChange, formatValue } from '../indicators/format.ts'
import type { ProvinceFigureRow } from '../queries/national.ts'
import { escapeHtml } from './escape.ts'
import { classOf, type MapClass } from './mapClasses.ts'
import { BORDER_COLOR, HIGHLIGHT_COLOR, NO_DATA_COLOR } from './palette.ts'
import { TOOLTIP_IN_BODY } from './tooltip.ts'

export type NationalMapOption = ComposeOption<MapSeriesOption | GeoComponentOption | TooltipComponentOption>

export interface NationalMapInput {
  provincesMap: string
  nanhaiMap: string
  rows: readonly ProvinceFigureRow[]
  indicator: Indicator
  year: number
  classes: readonly MapClass[]
}

export function provinceTooltipHtml(row: ProvinceFigureRow, ind: Indicator, year: number): string {
  const judged = row.pass + row.basic + row.fail
  return [
    `<div style="font-weight:600">${escapeHtml(row.name)}</div>`,
    `<div>${escapeHtml(ind.label)}（${year}年）：<b>${escapeHtml(formatValue(row.figure, ind))}</b></div>`,
    `<div>较上年：${escapeHtml(formatChange(row.figure, row.prev_figure, ind))}</div>`,
    judged > 0 ? `<div>达标区县：${row.pass} / ${judged}个</div>` : '',
    '<div style="color:#888;font-size:11px">点击查看本省各区县</div>',
  ].join('')
}

export function nationalMapOption(input: NationalMapInput): NationalMapOption {
  const byCode = new Map(input.rows.map((r) => [r.code, r]))
  return {
    animation: false,
    tooltip: {
      ...TOOLTIP_IN_BODY,
      trigger: 'item',
      confine: true,
      className: 'map-tooltip',
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params
        const row = p ? byCode.get(String(p.name)) : undefined
        return row ? provinceTooltipHtml(row, input.indicator, input.year) : ''
      },
    },
    geo: {
      map: input.nanhaiMap,
      silent: true,
      left: '82%',
      top: '68%',
      width: '15%',
      height: '27%',
      itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#888', borderWidth: 0.5 },
      label: { show: false },
      tooltip: { show: false },
    },
    series: [
      {
        type: 'map',
        map: input.provincesMap,
        nameProperty: 'code',
        left: '3%',
        top: '3%',
        right: '3%',
        bottom: '3%',
        selectedMode: false,
        data: input.rows.map((r) => ({
          name: r.code,
          value: r.figure ?? Number.NaN,
          itemStyle: { areaColor: classOf({ value: r.figure, status: r.status }, input.classes).color },
        })),
        itemStyle: { borderColor: BORDER_COLOR, borderWidth: 0.8, areaColor: '#eeeeee' },
        emphasis: { label: { show: false }, itemStyle: { areaColor: HIGHLIGHT_COLOR } },
        label: { show: false },
      },
    ],
  }
}

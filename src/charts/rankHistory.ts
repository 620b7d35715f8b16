// A county's rank in its province per year, rank 1 at the top.
import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import { COUNTY_COLOR } from './trend.ts'
import { TOOLTIP_IN_BODY } from './tooltip.ts'

export type RankHistoryOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>

export function rankHistoryOption(
  years: readonly number[],
  ranks: readonly (number | null)[],
  counties: number,
): RankHistoryOption {
  return {
    animation: false,
    // Room above the plot for 名次 and for the label of a first place.
    grid: { left: 44, right: 16, top: 30, bottom: 24 },
    tooltip: {
      ...TOOLTIP_IN_BODY,
      trigger: 'axis',
      formatter: (p) => {
        const q = Array.isArray(p) ? p[0] : p
        return q ? `${q.name}年：${q.value ?? '无数据'}${q.value ? `名 / ${counties}` : ''}` : ''
      },
    },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false, axisLabel: { fontSize: 11 } },
    // The axis runs downwards: its start, rank 1, is the top, where the name goes — at its
    // end it would sit under the first year. Set off left of the axis, clear of a first
    // year's label at the axis.
    yAxis: {
      type: 'value',
      inverse: true,
      min: 1,
      max: Math.max(counties, 1),
      minInterval: 1,
      name: '名次',
      nameLocation: 'start',
      nameGap: 12,
      nameTextStyle: { fontSize: 10, align: 'right', padding: [0, 12, 0, 0] },
      axisLabel: { fontSize: 11 },
    },
    series: [
      {
        type: 'line',
        data: [...ranks],
        connectNulls: false,
        lineStyle: { color: COUNTY_COLOR, width: 2 },
        itemStyle: { color: COUNTY_COLOR },
        label: { show: true, position: 'top', fontSize: 10 },
      },
    ],
  }
}

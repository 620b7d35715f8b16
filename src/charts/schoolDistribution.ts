// One indicator's schools in a county section (学校 on the county page): each school a dot at
// its enrolment and its value, sized by its enrolment, so the schools that weigh on the
// 差异系数 stand out; the 办法's per-school line and the county's weighted mean (X̄) as
// lines. A dot is red below 85 % of the line, light red below the line, purple at or above it.
import { nice } from 'd3-array'
import type { ComposeOption } from 'echarts/core'
import type { ScatterSeriesOption } from 'echarts/charts'
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import { formatNumber, roundTo } from '../indicators/format.ts'
import { STORED_DECIMALS } from '../indicators/precision.ts'
import { NEAR_LINE_SHARE, type CvSection, type SchoolIndicator } from '../schools/indicators.ts'
import { escapeHtml } from './escape.ts'
import { FAIL_COLORS, PASS_COLORS } from './palette.ts'
import { TOOLTIP_IN_BODY } from './tooltip.ts'
import { COUNTY_COLOR } from './trend.ts'

export type SchoolDistributionOption = ComposeOption<
  ScatterSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption
>

export interface SchoolPoint {
  name: string
  enrol: number
  /** Null where the school left the indicator's input empty: it is not drawn. */
  value: number | null
}

export interface SchoolDistributionInput {
  indicator: SchoolIndicator
  section: CvSection
  schools: readonly SchoolPoint[]
  /** The county's enrolment-weighted mean X̄, null where no school has a value. */
  mean: number | null
}

export const LINE_COLOR = '#b3261e'
const SMALLEST = 4
const LARGEST = 22

/** Where a school's value falls: at or above its line, below it but within 85 % of it (the 办法 allows one such), or further below. */
export type Standing = 'met' | 'near' | 'below'

export function standing(value: number, line: number): Standing {
  // 85 % of the line at the decimals SQL stores, as the query counts lines_near.
  return value >= line ? 'met' : value >= roundTo(line * NEAR_LINE_SHARE, STORED_DECIMALS) ? 'near' : 'below'
}

const STANDING_COLOR: Readonly<Record<Standing, string>> = {
  met: PASS_COLORS[1],
  near: FAIL_COLORS[1],
  below: FAIL_COLORS[0],
}

/** The dot's colour by where the value falls against the school's line. */
export const pointColor = (value: number, line: number): string => STANDING_COLOR[standing(value, line)]

export function schoolDistributionOption(input: SchoolDistributionInput): SchoolDistributionOption {
  const ind = input.indicator
  const line = ind.line[input.section]
  const fmt = (v: number) => `${formatNumber(v, ind.digits)}${ind.unit}`
  const drawn = input.schools.filter((s): s is SchoolPoint & { value: number } => s.value !== null)
  const largest = Math.max(1, ...drawn.map((s) => s.enrol))
  // By area: a school twice the size gets a dot of twice the area.
  const size = (enrol: number) => SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(enrol / largest)
  const top = Math.max(line, input.mean ?? 0, ...drawn.map((s) => s.value))
  const marks = [
    { name: '标准', yAxis: line, color: LINE_COLOR, type: 'dashed' as const, position: 'insideStartTop' as const },
    ...(input.mean === null
      ? []
      : [
          {
            name: '县均值',
            yAxis: input.mean,
            color: COUNTY_COLOR,
            type: 'solid' as const,
            position: 'insideEndTop' as const,
          },
        ]),
  ]
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 14, bottom: 38 },
    tooltip: {
      ...TOOLTIP_IN_BODY,
      trigger: 'item',
      formatter: (p) => {
        const s = drawn[(p as { dataIndex: number }).dataIndex]
        return s
          ? `${escapeHtml(s.name)}<br/>在校生 ${escapeHtml(formatNumber(s.enrol, 0))}人<br/>${escapeHtml(ind.short)}：${escapeHtml(fmt(s.value))}`
          : ''
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      name: '在校生数（人）',
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { fontSize: 10 },
      axisLabel: { fontSize: 10 },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      // Room above the highest of the dots and the lines for the lines' labels, up to a tick.
      max: nice(0, top * 1.08 || 1, 5)[1],
      axisLabel: { fontSize: 10, formatter: (v: number) => formatNumber(v, ind.digits === 0 ? 0 : 1) },
    },
    series: [
      {
        type: 'scatter',
        data: drawn.map((s) => ({
          value: [s.enrol, s.value],
          symbolSize: size(s.enrol),
          itemStyle: { color: pointColor(s.value, line), opacity: 0.8, borderColor: '#fff', borderWidth: 0.5 },
        })),
        markLine: {
          // Above the dots, with a backing, so that the labels read where schools crowd the line.
          z: 10,
          silent: true,
          symbol: 'none',
          data: marks.map((m) => ({
            name: m.name,
            yAxis: m.yAxis,
            lineStyle: { color: m.color, type: m.type, width: 1.2 },
            label: {
              formatter: `${m.name} ${fmt(m.yAxis)}`,
              position: m.position,
              color: m.color,
              fontSize: 10,
              backgroundColor: 'rgba(255, 255, 255, 0.85)',
              padding: [1, 3],
            },
          })),
        },
      },
    ],
  }
}

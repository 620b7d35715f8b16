// A chart as it leaves the app: the same option, framed by a header band (title, unit,
// year, and the 模拟数据 label when the data are simulated) and a footer band (source and
// date), so that a picture pasted into a report still says what it shows and where from.
import type { EChartsCoreOption } from 'echarts/core'

export interface ChartMeta {
  title: string
  /** Unit of the values, e.g. % or 万元; omitted when the values have none. */
  unit?: string
  /** The year or years shown, e.g. 2024年 or 2015–2024年. */
  period?: string
  /** 模拟数据, or the name of the user's file. */
  source: string
  simulated: boolean
  /** Date of the export, YYYY-MM-DD. */
  date: string
}

export interface Size {
  width: number
  height: number
}

export const HEADER_BAND = 64
export const FOOTER_BAND = 28
export const EXPORT_FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"

type Box = Record<string, unknown>

/** A position ECharts accepts (pixels or a percentage of `total`) in pixels; null when it is a keyword. */
function pixels(v: unknown, total: number): number | null {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && /^-?\d+(\.\d+)?%$/.test(v)) return (parseFloat(v) / 100) * total
  return null
}

/** Moves a positioned box into the chart area between the bands, keeping its size. */
function shiftBox(box: Box, size: Size, stretch: boolean): Box {
  const out: Box = { ...box }
  const top = pixels(box.top, size.height)
  const bottom = pixels(box.bottom, size.height)
  const height = pixels(box.height, size.height)
  if (top !== null) out.top = top + HEADER_BAND
  else if (box.top === undefined && (stretch || bottom === null)) out.top = HEADER_BAND
  if (bottom !== null) out.bottom = bottom + FOOTER_BAND
  else if (box.bottom === undefined && stretch) out.bottom = FOOTER_BAND
  if (height !== null) out.height = height
  if (Array.isArray(box.layoutCenter)) {
    const [x, y] = box.layoutCenter as unknown[]
    out.layoutCenter = [x, (pixels(y, size.height) ?? size.height / 2) + HEADER_BAND]
    const layoutSize = pixels(box.layoutSize, Math.min(size.width, size.height))
    if (layoutSize !== null) out.layoutSize = layoutSize
  }
  return out
}

/** Grids and maps fill the space between the bands; legends and insets keep their place in it. */
const PLACED: readonly { key: string; applies: (b: Box) => boolean; stretch: boolean }[] = [
  { key: 'grid', applies: () => true, stretch: true },
  { key: 'geo', applies: () => true, stretch: false },
  { key: 'legend', applies: () => true, stretch: false },
  { key: 'series', applies: (b) => b.type === 'map', stretch: true },
]

function shiftComponents(o: Record<string, unknown>, size: Size): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const { key, applies, stretch } of PLACED) {
    const value = o[key]
    if (value === undefined) continue
    const list = (Array.isArray(value) ? value : [value]) as Box[]
    const shifted = list.map((b) => (applies(b) ? shiftBox(b, size, stretch) : b))
    out[key] = Array.isArray(value) ? shifted : shifted[0]
  }
  return out
}

function subtitle(meta: ChartMeta): string {
  return [meta.unit ? `单位：${meta.unit}` : '', meta.period ?? ''].filter(Boolean).join('\u3000')
}

export function sourceLine(meta: Pick<ChartMeta, 'source' | 'simulated' | 'date'>): string {
  const source = meta.simulated ? '模拟数据（按全国统计公报校准，并非任何区县的真实统计）' : meta.source
  return `数据来源：${source}\u3000导出日期：${meta.date}`
}

/**
 * The option to render for an export of a chart drawn at `size`: the image is as wide as
 * the chart and taller by the two bands; grids, maps and legends move down by the header.
 */
export function decorateChart(option: EChartsCoreOption, meta: ChartMeta, size: Size): { option: EChartsCoreOption; size: Size } {
  const o = option as Record<string, unknown>
  const label = meta.simulated
    ? [{ text: '模拟数据', right: 12, top: 12, padding: [4, 8], backgroundColor: '#fff4d6', borderColor: '#e8c36a', borderWidth: 1, borderRadius: 3, textStyle: { fontSize: 13, fontWeight: 'bold', color: '#7a4b00' } }]
    : []
  return {
    size: { width: size.width, height: size.height + HEADER_BAND + FOOTER_BAND },
    option: {
      ...o,
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: EXPORT_FONT },
      title: [
        {
          text: meta.title,
          subtext: subtitle(meta),
          left: 12,
          top: 8,
          itemGap: 6,
          textStyle: { fontSize: 16, fontWeight: 'bold', color: '#1b1f24', width: size.width - (meta.simulated ? 120 : 24), overflow: 'truncate' },
          subtextStyle: { fontSize: 12, color: '#55606b' },
        },
        { text: sourceLine(meta), left: 12, bottom: 7, textStyle: { fontSize: 11, fontWeight: 'normal', color: '#55606b', width: size.width - 24, overflow: 'truncate' } },
        ...label,
      ],
      ...shiftComponents(o, size),
    },
  }
}

/** Local date as YYYY-MM-DD, as exports and printouts are dated. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

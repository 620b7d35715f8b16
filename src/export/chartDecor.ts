// A chart as it leaves the app: the same option, framed by a header band (title, unit,
// year, and the 模拟数据 label when the data are simulated) and a footer band (source and
// date), so that a picture pasted into a report still says what it shows and where from.
import type { EChartsCoreOption } from 'echarts/core'
import type { Size } from '../charts/canvasImage.ts'
import { sourceName } from './source.ts'

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
  /** Colour classes of a map, drawn as a key above the source line. */
  legend?: readonly { label: string; color: string }[]
}

export const HEADER_BAND = 64
export const FOOTER_BAND = 28
/** Height of one line of the map key. */
export const LEGEND_LINE = 20
const LEGEND_FONT = 11
/** Narrow panels are drawn wider for export, so that the title and source line fit. */
export const MIN_EXPORT_WIDTH = 560
export const EXPORT_FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"

type Box = Record<string, unknown>

/** A position ECharts accepts (pixels or a percentage of `total`) in pixels; null when it is a keyword. */
function pixels(v: unknown, total: number): number | null {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && /^-?\d+(\.\d+)?%$/.test(v)) return (parseFloat(v) / 100) * total
  return null
}

interface Bands {
  top: number
  bottom: number
}

type Legend = NonNullable<ChartMeta['legend']>

/** Width of a text, a Chinese character a full em and anything else about half. */
function textWidth(text: string, fontSize: number): number {
  return [...text].reduce((w, c) => w + (c.charCodeAt(0) >= 0x2e80 ? fontSize : fontSize * 0.6), 0)
}

/** The key's classes packed into lines no wider than the image. */
function legendLines(legend: Legend, width: number): Legend[] {
  const lines: Legend[number][][] = []
  let used = Infinity
  for (const c of legend) {
    const w = 16 + textWidth(c.label, LEGEND_FONT) + 20
    if (used + w > width - 24) {
      lines.push([])
      used = 0
    }
    lines.at(-1)!.push(c)
    used += w
  }
  return lines
}

function bandsOf(meta: Pick<ChartMeta, 'legend'>, width: number): Bands {
  return { top: HEADER_BAND, bottom: FOOTER_BAND + legendLines(meta.legend ?? [], width).length * LEGEND_LINE }
}

/** Moves a positioned box into the chart area between the bands, keeping its size. */
function shiftBox(box: Box, size: Size, bands: Bands, stretch: boolean): Box {
  const out: Box = { ...box }
  const top = pixels(box.top, size.height)
  const bottom = pixels(box.bottom, size.height)
  const height = pixels(box.height, size.height)
  if (top !== null) out.top = top + bands.top
  else if (box.top === undefined && (stretch || bottom === null)) out.top = bands.top
  if (bottom !== null) out.bottom = bottom + bands.bottom
  else if (box.bottom === undefined && stretch) out.bottom = bands.bottom
  if (height !== null) out.height = height
  if (Array.isArray(box.layoutCenter)) {
    const [x, y] = box.layoutCenter as unknown[]
    out.layoutCenter = [x, (pixels(y, size.height) ?? size.height / 2) + bands.top]
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

function shiftComponents(o: Record<string, unknown>, size: Size, bands: Bands): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const { key, applies, stretch } of PLACED) {
    const value = o[key]
    if (value === undefined) continue
    const list = (Array.isArray(value) ? value : [value]) as Box[]
    const shifted = list.map((b) => (applies(b) ? shiftBox(b, size, bands, stretch) : b))
    out[key] = Array.isArray(value) ? shifted : shifted[0]
  }
  return out
}

function subtitle(meta: ChartMeta): string {
  return [meta.unit ? `单位：${meta.unit}` : '', meta.period ?? ''].filter(Boolean).join('\u3000')
}

export function sourceLine(meta: Pick<ChartMeta, 'source' | 'simulated' | 'date'>): string {
  return `数据来源：${sourceName(meta)}\u3000导出日期：${meta.date}`
}

/** The map key, a line of rich text per line: a coloured square before each class. */
function legendTitles(legend: Legend, width: number): Record<string, unknown>[] {
  const lines = legendLines(legend, width)
  return lines.map((line, n) => ({
    text: line.map((c, i) => `{c${i}|} ${c.label}`).join('    '),
    left: 12,
    bottom: FOOTER_BAND + (lines.length - 1 - n) * LEGEND_LINE,
    textStyle: {
      fontSize: LEGEND_FONT,
      fontWeight: 'normal',
      color: '#1b1f24',
      rich: Object.fromEntries(
        line.map((c, i) => [
          `c${i}`,
          { width: 12, height: 12, backgroundColor: c.color, borderColor: '#999', borderWidth: 0.5 },
        ]),
      ),
    },
  }))
}

/** The image's size for a chart drawn at `screen` size: at least MIN_EXPORT_WIDTH wide, taller by the bands. */
export function exportSize(screen: Size, meta: Pick<ChartMeta, 'legend'>): Size {
  const width = Math.max(screen.width, MIN_EXPORT_WIDTH)
  const bands = bandsOf(meta, width)
  return { width, height: screen.height + bands.top + bands.bottom }
}

/**
 * The option to render for an export of a chart drawn at `screen` size; grids, maps and
 * legends move down by the header band.
 */
export function decorateChart(
  option: EChartsCoreOption,
  meta: ChartMeta,
  screen: Size,
): { option: EChartsCoreOption; size: Size } {
  const o = option as Record<string, unknown>
  const size = { width: Math.max(screen.width, MIN_EXPORT_WIDTH), height: screen.height }
  const bands = bandsOf(meta, size.width)
  const label = meta.simulated
    ? [
        {
          text: '模拟数据',
          right: 12,
          top: 12,
          padding: [4, 8],
          backgroundColor: '#fff4d6',
          borderColor: '#e8c36a',
          borderWidth: 1,
          borderRadius: 3,
          textStyle: { fontSize: 13, fontWeight: 'bold', color: '#7a4b00' },
        },
      ]
    : []
  return {
    size: exportSize(screen, meta),
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
          textStyle: {
            fontSize: 16,
            fontWeight: 'bold',
            color: '#1b1f24',
            width: size.width - (meta.simulated ? 120 : 24),
            overflow: 'truncate',
          },
          subtextStyle: { fontSize: 12, color: '#55606b' },
        },
        {
          text: sourceLine(meta),
          left: 12,
          bottom: 7,
          textStyle: {
            fontSize: 11,
            fontWeight: 'normal',
            color: '#55606b',
            width: size.width - 24,
            overflow: 'truncate',
          },
        },
        ...label,
        ...legendTitles(meta.legend ?? [], size.width),
      ],
      ...shiftComponents(o, size, bands),
    },
  }
}

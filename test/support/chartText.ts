// A chart option laid out by ECharts in Node (its server-side SVG renderer), read back as
// the boxes of its text and of its bars: what a printed chart image shows, checked without
// a browser. ECharts measures text here with its own width table (a Chinese character one
// em, digits about half), close to the fonts the browser draws with.
import '../../src/charts/setup.ts'
import { init, type EChartsCoreOption } from 'echarts/core'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface ChartText extends Box {
  text: string
  fontSize: number
}

interface Element {
  type: string
  parent?: Element
  style?: { text?: string; font?: string }
  getBoundingRect(): { clone(): Box & { applyTransform(m: unknown): void } }
  getComputedTransform(): unknown
}

/** The texts and the bars ECharts draws for `option` at `width` × `height` px. */
export function layoutChart(
  option: EChartsCoreOption,
  width: number,
  height: number,
): { texts: ChartText[]; bars: Box[] } {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option)
    const list = (
      chart.getZr() as unknown as { storage: { getDisplayList(update: boolean): Element[] } }
    ).storage.getDisplayList(true)
    const box = (el: Element): Box => {
      const r = el.getBoundingRect().clone()
      const m = el.getComputedTransform()
      if (m) r.applyTransform(m)
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    }
    const texts = list
      .filter((el) => el.type === 'tspan' && el.style?.text)
      .map((el) => ({
        ...box(el),
        text: el.style!.text!,
        fontSize: Number(/(\d+(?:\.\d+)?)px/.exec(el.style!.font ?? '')?.[1] ?? 12),
      }))
    // The bars: the graphic elements of the bar series' data items.
    type Series = { subType: string; getData(): { count(): number; getItemGraphicEl(i: number): Element | undefined } }
    const series = (chart as unknown as { getModel(): { getSeries(): Series[] } }).getModel().getSeries()
    const bars = series
      .filter((s) => s.subType === 'bar')
      .flatMap((s) => Array.from({ length: s.getData().count() }, (_, i) => s.getData().getItemGraphicEl(i)))
      .filter((el): el is Element => el !== undefined)
      .map(box)
    return { texts, bars }
  } finally {
    chart.dispose()
  }
}

const overlap = (a: Box, b: Box, tolerance: number) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > tolerance &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > tolerance

/**
 * What would print badly: text under `minFont` px, text beyond the image, text over other
 * text, text over a bar. Empty when nothing would.
 */
export function layoutProblems(
  layout: { texts: ChartText[]; bars: Box[] },
  width: number,
  height: number,
  minFont: number,
  tolerance = 0.5,
): string[] {
  const { texts, bars } = layout
  const at = (t: ChartText) => `“${t.text}”（${t.x.toFixed(0)}, ${t.y.toFixed(0)}）`
  const problems: string[] = []
  for (const t of texts) {
    if (t.fontSize < minFont) problems.push(`${at(t)} 字号 ${t.fontSize}px，小于 ${minFont.toFixed(1)}px`)
    if (
      t.x < -tolerance ||
      t.y < -tolerance ||
      t.x + t.width > width + tolerance ||
      t.y + t.height > height + tolerance
    )
      problems.push(`${at(t)} 超出图片 ${width}×${height}`)
    if (bars.some((b) => overlap(t, b, tolerance))) problems.push(`${at(t)} 压在柱子上`)
  }
  texts.forEach((a, i) =>
    texts.slice(i + 1).forEach((b) => overlap(a, b, tolerance) && problems.push(`${at(a)} 与 ${at(b)} 重叠`)),
  )
  return problems
}

// Renders a decorated chart off screen: SVG through ECharts' server-side renderer (also in
// Node), PNG through a canvas at twice the pixel ratio. Loaded only when a user exports.
import '../charts/setup.ts'
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { decorateChart, type ChartMeta } from './chartDecor.ts'
import { optionPngUrl, type Size } from '../charts/canvasImage.ts'

use([SVGRenderer])

export function chartSvg(option: EChartsCoreOption, meta: ChartMeta, size: Size): string {
  const d = decorateChart(option, meta, size)
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: d.size.width, height: d.size.height })
  try {
    chart.setOption(d.option)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

function dataUrlBytes(url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(url.slice(url.indexOf(',') + 1))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

export function chartPng(option: EChartsCoreOption, meta: ChartMeta, size: Size): Blob {
  const d = decorateChart(option, meta, size)
  return new Blob([dataUrlBytes(optionPngUrl(d.option, d.size))], { type: 'image/png' })
}

export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' })
}

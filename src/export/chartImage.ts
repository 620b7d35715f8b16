// Renders a decorated chart off screen: SVG through ECharts' server-side renderer (also in
// Node), PNG through a canvas at twice the pixel ratio. Loaded only when a user exports.
import '../charts/setup.ts'
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { decorateChart, type ChartMeta, type Size } from './chartDecor.ts'

use([SVGRenderer])

export const PIXEL_RATIO = 2

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
  // A detached element: ECharts draws to its own canvas at the size it is given.
  const chart = init(document.createElement('div'), null, { renderer: 'canvas', devicePixelRatio: PIXEL_RATIO, width: d.size.width, height: d.size.height })
  try {
    chart.setOption(d.option)
    return new Blob([dataUrlBytes(chart.getDataURL({ type: 'png', pixelRatio: PIXEL_RATIO, backgroundColor: '#ffffff' }))], { type: 'image/png' })
  } finally {
    chart.dispose()
  }
}

export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' })
}

// An ECharts option drawn off screen to a PNG data URL, synchronously: for the printed page
// (its image must be in place before the browser lays the printout out) and the PNG export.
import './setup.ts'
import { init, type EChartsCoreOption } from 'echarts/core'

export interface Size {
  width: number
  height: number
}

export const PIXEL_RATIO = 2

export function optionPngUrl(option: EChartsCoreOption, size: Size, pixelRatio = PIXEL_RATIO): string {
  // A detached element: ECharts draws to its own canvas at the size it is given.
  const chart = init(document.createElement('div'), null, {
    renderer: 'canvas',
    devicePixelRatio: pixelRatio,
    width: size.width,
    height: size.height,
  })
  try {
    chart.setOption(option)
    return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#ffffff' })
  } finally {
    chart.dispose()
  }
}

import type { EChartsCoreOption } from 'echarts/core'
import type { ChartLabels } from '../export/ChartDownload.vue'

/** What a chart's figure (ChartFrame.vue) is given, and the ECharts panel (ChartPanel.vue) passes on. */
export interface ChartFrameProps {
  option: EChartsCoreOption
  title: string
  height?: string
  lazy?: boolean
  /** Drawn only once this turns false: a view paints its main figures first, these a frame later. */
  held?: boolean
  /** How an exported image names the chart, when the caption alone would not say enough. */
  labels?: Partial<ChartLabels>
}

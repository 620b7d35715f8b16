// ECharts modules this app draws with, registered once; nothing else of ECharts is bundled.
// The province page's first view draws without ECharts: this loads with the county page,
// the national view, and the first export or printout (charts/runtime.ts).
import { registerMap, use } from 'echarts/core'
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts'
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { onMapDeclared } from './mapRegistry.ts'

use([
  MapChart,
  BarChart,
  LineChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
])
onMapDeclared((name, geo) => registerMap(name, geo as Parameters<typeof registerMap>[1]))

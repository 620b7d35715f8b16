// ECharts modules this app draws with, registered once; nothing else of ECharts is bundled.
import { use } from 'echarts/core'
import { BarChart, BoxplotChart, LineChart, MapChart, ScatterChart } from 'echarts/charts'
import { GeoComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'

use([MapChart, BarChart, LineChart, BoxplotChart, ScatterChart, GeoComponent, GridComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer])

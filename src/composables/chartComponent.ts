// ECharts' Vue component, loaded with the first chart drawn or ahead (usePreload), not with a
// page: the county page's header, KPI cards and chart frames paint while its ~700 KB of script
// still loads and compiles.
export const loadChartComponent = () =>
  import('../charts/setup.ts').then(() => import('vue-echarts')).then((m) => m.default)

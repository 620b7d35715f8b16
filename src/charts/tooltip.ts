// Where ECharts puts its tooltips. Inside the chart, ECharts reads the container's computed
// position on every update, which forces a style recalculation in the middle of a render
// (8 ms of each indicator switch on the province page); in <body> it skips that.
export const TOOLTIP_IN_BODY = { appendTo: 'body' } as const

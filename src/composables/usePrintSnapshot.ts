import type { EChartsCoreOption } from 'echarts/core'
import { storeToRefs } from 'pinia'
import { ref, watch, type Ref } from 'vue'
import { loadCharts, loadedCharts } from '../charts/runtime.ts'
import { usePrintStore } from '../stores/print.ts'

export interface Snapshot {
  src: string
  /** The chart's width on screen: the image is printed no larger, so its text keeps its size. */
  style: { width: string }
}

/**
 * A chart as an image while the page prints: drawn from its option off screen at the size
 * it has on the page, at twice the pixels so that it stays sharp, whatever draws it on screen
 * (SVG or canvas); the image shrinks to the page width, and prints as one picture. Drawn
 * again whenever printing starts or the option or the element changes.
 */
export function usePrintSnapshot(option: Ref<EChartsCoreOption | null | undefined>, element: Ref<HTMLElement | null | undefined>) {
  const { printing } = storeToRefs(usePrintStore())
  const snapshot = ref<Snapshot | null>(null)
  function capture(): void {
    const o = option.value
    const el = element.value
    const charts = printing.value ? loadedCharts() : null
    snapshot.value = o && el && charts ? { src: charts.optionPngUrl(o, { width: el.clientWidth, height: el.clientHeight }), style: { width: `${el.clientWidth}px` } } : null
    // Not loaded yet (printed within the first seconds): the image follows, and meanwhile the chart prints as drawn on screen.
    if (printing.value && !charts) void loadCharts().then(capture, () => undefined)
  }
  // Synchronously, so that the images are in place before the browser lays out the printout.
  watch([printing, option, element], capture, { flush: 'sync' })
  return { snapshot, printing }
}

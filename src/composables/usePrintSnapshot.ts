import { storeToRefs } from 'pinia'
import { ref, watch, type Ref } from 'vue'
import { usePrintStore } from '../stores/print.ts'

interface Snapshotting {
  getDataURL(opts: { type: 'png'; pixelRatio: number; backgroundColor: string }): string | undefined
  getWidth(): number | undefined
}

export interface Snapshot {
  src: string
  /** The chart's width on screen: the image is printed no larger, so its text keeps its size. */
  style: { width: string }
}

/**
 * A chart as an image while the page prints: a canvas keeps its screen size on paper,
 * an image shrinks to the page width, and at twice the pixels it stays sharp.
 * Call `capture` again when the chart finishes drawing.
 */
export function usePrintSnapshot(chart: Ref<Snapshotting | undefined>) {
  const { printing } = storeToRefs(usePrintStore())
  const snapshot = ref<Snapshot | null>(null)
  function capture(): void {
    const src = printing.value ? chart.value?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) : undefined
    snapshot.value = src ? { src, style: { width: `${chart.value?.getWidth() ?? 0}px` } } : null
  }
  // Synchronously, so that the images are in place before the browser lays out the printout.
  watch([printing, chart], capture, { flush: 'sync' })
  return { snapshot, capture, printing }
}

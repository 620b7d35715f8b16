import { useEventListener, useMediaQuery } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, nextTick, ref } from 'vue'
import { loadCharts } from '../charts/runtime.ts'

const frame = () => new Promise<void>((ok) => requestAnimationFrame(() => ok()))

/**
 * Whether the page is being printed: from the print button, the browser's own print
 * command (beforeprint … afterprint) or print media (print preview, PDF tests).
 */
export const usePrintStore = defineStore('print', () => {
  const requested = ref(false)
  const printMedia = useMediaQuery('print')
  const printing = computed(() => requested.value || printMedia.value)
  useEventListener(window, 'beforeprint', () => (requested.value = true))
  useEventListener(window, 'afterprint', () => (requested.value = false))

  /** Draws every chart (also those not yet scrolled into view), then opens the print dialog. */
  async function print(): Promise<void> {
    // The printed images are drawn by ECharts; without it the charts would print as on screen.
    await loadCharts().catch(() => undefined)
    requested.value = true
    await nextTick()
    await frame()
    await frame()
    window.print()
  }

  return { printing, print }
})

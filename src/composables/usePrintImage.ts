import type { EChartsCoreOption } from 'echarts/core'
import { storeToRefs } from 'pinia'
import { onScopeDispose, ref, watch, type Ref } from 'vue'
import { loadCharts, loadedCharts } from '../charts/runtime.ts'
import { usePrintStore } from '../stores/print.ts'

// A chart prints as an image drawn off screen from its option. Drawn at its width on screen
// and shrunk to its place on paper, its text would shrink with it (a comparison chart 1,300
// px wide on a 1,366 px screen, printed 700 px wide: 10 px labels at 4 pt). So it is drawn at
// the width it prints at, and printed at that width: a label of 10 px prints at 7.5 pt. The
// print layout is not there to measure when printing starts (the browser lays the page out
// for paper after its beforeprint handlers), so it is laid out here for a moment: the
// stylesheets' print rules applied to the screen, the page as wide as the paper's printable
// width, every chart's figure measured at once, everything put back before a frame is painted.

/** A4's 210 mm less the 12 mm side margins of `@page` in styles.css, in CSS px (96 per inch). */
export const PRINT_PAGE_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96)

/** The figures whose printed width may be asked for. */
const figures = new Set<HTMLElement>()
/** Widths measured in the current task: every chart asks as printing starts; one layout answers all. */
let measured: WeakMap<HTMLElement, number> | null = null

/** The `@media print` lists of the page's stylesheets. */
function printMedia(): MediaList[] {
  const lists: MediaList[] = []
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSMediaRule)) continue
      if (Array.from(rule.media).includes('print')) lists.push(rule.media)
      walk(rule.cssRules)
    }
  }
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      walk(sheet.cssRules)
    } catch {
      // A sheet of another origin: none of the app's print rules are in it.
    }
  }
  return lists.filter((m) => !Array.from(m).includes('screen'))
}

function measureAll(): WeakMap<HTMLElement, number> {
  const widths = new WeakMap<HTMLElement, number>()
  const lists = printMedia()
  const root = document.documentElement
  const width = root.style.width
  try {
    for (const m of lists) m.appendMedium('screen')
    root.style.width = `${PRINT_PAGE_WIDTH}px`
    for (const el of figures) widths.set(el, el.clientWidth)
  } finally {
    for (const m of lists) m.deleteMedium('screen')
    root.style.width = width
  }
  return widths
}

/** The width `figure` has on paper (CSS px); where it prints not at all, its share of the page's width on screen. */
export function printedWidth(figure: HTMLElement): number {
  if (!measured) {
    measured = measureAll()
    queueMicrotask(() => (measured = null))
  }
  const w = measured.get(figure) ?? 0
  const page = Math.max(PRINT_PAGE_WIDTH, document.documentElement.clientWidth)
  return Math.min(w > 0 ? w : Math.floor((figure.clientWidth * PRINT_PAGE_WIDTH) / page), PRINT_PAGE_WIDTH)
}

export interface PrintImage {
  src: string
  /** The width it prints at: the one it was drawn at, so that its text keeps its size. */
  style: { width: string }
}

/**
 * A chart as an image while the page prints: drawn from its option off screen at the width
 * its figure has on paper and the height of its drawing (`element`), at twice the pixels so
 * that it stays sharp, whatever draws it on screen. Drawn again whenever printing starts or
 * the option or the element changes.
 */
export function usePrintImage(
  option: Ref<EChartsCoreOption | null | undefined>,
  figure: Ref<HTMLElement | null | undefined>,
  element: Ref<HTMLElement | null | undefined>,
) {
  const { printing } = storeToRefs(usePrintStore())
  const image = ref<PrintImage | null>(null)
  watch(
    figure,
    (el, _, onCleanup) => {
      if (!el) return
      figures.add(el)
      onCleanup(() => figures.delete(el))
    },
    { immediate: true, flush: 'sync' },
  )
  onScopeDispose(() => figure.value && figures.delete(figure.value))
  function capture(): void {
    const o = option.value
    const box = figure.value
    const el = element.value
    const charts = printing.value ? loadedCharts() : null
    const width = o && box && el && charts ? printedWidth(box) : 0
    // Its height as set, also while the drawing is hidden for print; read only when printing,
    // since it forces a layout (on screen, ~250 ms of a page's first paint).
    const height = width > 0 ? el!.clientHeight || parseFloat(getComputedStyle(el!).height) || 0 : 0
    image.value =
      width > 0 && height > 0
        ? { src: charts!.optionPngUrl(o!, { width, height }), style: { width: `${width}px` } }
        : null
    // Not loaded yet (printed within the first seconds): the image follows, and meanwhile the chart prints as drawn on screen.
    if (printing.value && !charts) void loadCharts().then(capture, () => undefined)
  }
  // Synchronously, so that the images are in place before the browser lays out the printout.
  watch([printing, option, figure, element], capture, { flush: 'sync' })
  return { image, printing }
}

import { useVirtualizer } from '@tanstack/vue-virtual'
import { storeToRefs } from 'pinia'
import { computed, ref, watch, type ComputedRef, type Ref } from 'vue'
import { usePrintStore } from '../stores/print.ts'

/** A row's height until the first one drawn is measured (rows do not wrap: all are alike). */
const ROW_PX = 30
/** Rows drawn beyond the view either side: a scroll or the Tab key finds them there. */
const OVERSCAN = 8

export interface RowWindow<T> {
  /** The rows to draw, from index `first`. */
  rows: readonly T[]
  first: number
  /** Heights (px) of the rows left out above and below, for spacer rows that keep the scrollbar true. */
  before: number
  after: number
}

/**
 * The rows of a long table that are in its scroller's view, and a few more either side. A
 * switch then patches and lays out ~30 rows, not all of a province's (122 in 湖南, ~45 ms).
 * Every row is drawn when printing.
 */
export function useRowWindow<T>(
  rows: () => readonly T[],
  scroller: () => HTMLElement | null,
  body: Readonly<Ref<HTMLElement | null>>,
): ComputedRef<RowWindow<T>> {
  const { printing } = storeToRefs(usePrintStore())
  const rowPx = ref(ROW_PX)
  /** From the top of the scroller's content to the first row: the caption and the header. */
  const margin = ref(0)
  const virtualizer = useVirtualizer(
    computed(() => {
      const px = rowPx.value
      return {
        count: rows().length,
        getScrollElement: scroller,
        estimateSize: () => px,
        scrollMargin: margin.value,
        overscan: OVERSCAN,
        initialRect: { width: 0, height: window.innerHeight },
      }
    }),
  )

  // Measured once the first rows are laid out, in the frame after: not in the middle of a render.
  let measured = false
  watch(
    () => rows().length > 0 && scroller() !== null,
    (drawn) => {
      if (!drawn || measured) return
      measured = true
      requestAnimationFrame(() => {
        const el = scroller()
        // Not the first row: it also holds half of the header's thicker border.
        const drawn = body.value?.querySelectorAll<HTMLElement>('tr[data-code]') ?? []
        const row = drawn[1] ?? drawn[0]
        if (!el || !body.value || !row) return
        margin.value = body.value.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop
        rowPx.value = row.getBoundingClientRect().height
        virtualizer.value.measure()
      })
    },
    { immediate: true, flush: 'post' },
  )

  return computed(() => {
    const all = rows()
    const items = virtualizer.value.getVirtualItems()
    if (printing.value || items.length === 0) return { rows: all, first: 0, before: 0, after: 0 }
    const first = items[0]!.index
    const last = items.at(-1)!.index
    return {
      rows: all.slice(first, last + 1),
      first,
      before: first * rowPx.value,
      after: (all.length - last - 1) * rowPx.value,
    }
  })
}

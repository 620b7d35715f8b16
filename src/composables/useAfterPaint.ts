import { ref, watch, type Ref } from 'vue'
import { afterFrame } from '../util/afterFrame.ts'

/**
 * Turns true a frame after `ready` first does (at once or later): a view paints what is read
 * first (the map and the ranking, a county's problems and figures), and the rest follows in
 * the next frame.
 */
export function useAfterPaint(ready: () => boolean): Readonly<Ref<boolean>> {
  const due = ref(false)
  let scheduled = false
  watch(
    ready,
    (r) => {
      if (!r || scheduled) return
      scheduled = true
      void afterFrame().then(() => (due.value = true))
    },
    { immediate: true, flush: 'post' },
  )
  return due
}

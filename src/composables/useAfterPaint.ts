import { ref, watch, type Ref } from 'vue'

/**
 * Turns true a frame after `ready` first does: a view paints what is read first (the map
 * and the ranking, a county's problems and figures), and the rest follows in the next frame.
 */
export function useAfterPaint(ready: () => boolean): Readonly<Ref<boolean>> {
  const due = ref(false)
  const stop = watch(
    ready,
    (r) => {
      if (!r) return
      stop()
      requestAnimationFrame(() => setTimeout(() => (due.value = true)))
    },
    { flush: 'post' },
  )
  return due
}

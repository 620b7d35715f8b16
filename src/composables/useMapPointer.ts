import { ref, type Ref } from 'vue'

/** The region under the pointer, where the pointer is in the map's box, and the box's size, for a tooltip. */
export interface MapPointer {
  code: string
  x: number
  y: number
  width: number
  height: number
}

/**
 * The pointer over a map drawn by MapShapes: which region (a `path[data-code]` that `known`
 * accepts) it is on and where, for the tooltip; `onClick` hands the region to `open`, and
 * `hover` hears each change of region.
 */
export function useMapPointer(
  box: Ref<HTMLElement | undefined>,
  on: { known: (code: string) => boolean; open: (code: string) => void; hover?: (code: string | null) => void },
) {
  const pointer = ref<MapPointer | null>(null)
  const codeAt = (e: Event) => {
    const code = (e.target as Element).closest('path[data-code]')?.getAttribute('data-code')
    return code && on.known(code) ? code : null
  }
  function onMove(e: MouseEvent): void {
    const code = codeAt(e)
    const rect = box.value!.getBoundingClientRect()
    if (code !== (pointer.value?.code ?? null)) on.hover?.(code)
    pointer.value = code
      ? { code, x: e.clientX - rect.left, y: e.clientY - rect.top, width: rect.width, height: rect.height }
      : null
  }
  function onLeave(): void {
    if (pointer.value) on.hover?.(null)
    pointer.value = null
  }
  function onClick(e: MouseEvent): void {
    const code = codeAt(e)
    if (code) on.open(code)
  }
  return { pointer, onMove, onLeave, onClick }
}

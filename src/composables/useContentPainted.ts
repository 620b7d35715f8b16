import { watch } from 'vue'
import { markOnce } from './markOnce.ts'
import { useAfterPaint } from './useAfterPaint.ts'

/**
 * Sets the User Timing mark `content-painted` after the frame that first shows a page's main
 * content (`shown`): the first useful paint of whichever page a link opened, which
 * `npm run bench` reads per route.
 */
export function useContentPainted(shown: () => boolean): void {
  const painted = useAfterPaint(shown)
  watch(painted, (p) => p && markOnce('content-painted'), { immediate: true })
}

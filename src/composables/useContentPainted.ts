import { inject, watch, type InjectionKey } from 'vue'
import type { PageCopies } from '../pageCopy/pageCopy.ts'
import { markOnce } from './markOnce.ts'
import { useAfterPaint } from './useAfterPaint.ts'

/**
 * Sets the User Timing mark `content-painted` after the frame that first shows a page's main
 * content (`shown`): the first useful paint of whichever page a link opened, which
 * `npm run bench` reads per route. The page's copy from the last visit of the link, if one was
 * shown meanwhile, then gives way to the page, which is copied for the next visit (main.ts).
 */
export function useContentPainted(shown: () => boolean): void {
  const painted = useAfterPaint(shown)
  const copies = inject(PAGE_COPIES, null)
  watch(
    painted,
    (p) => {
      if (!p) return
      markOnce('content-painted')
      copies?.painted()
    },
    { immediate: true },
  )
}

export const PAGE_COPIES: InjectionKey<PageCopies> = Symbol('page copies')

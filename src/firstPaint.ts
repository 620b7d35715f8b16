// The first module the entry runs: a link opened before shows the copy of its last first view
// (pageCopy/) in the frame after this module, before the app's other modules are evaluated.
import { startPageCopies } from './pageCopy/pageCopy.ts'
import { afterFrame } from './util/afterFrame.ts'
import { nothingKept } from './service/saved.ts'

/** At the latest, the app replaces a page's copy this long after the copy was painted. */
const PAGE_COPY_MAX_MS = 4_000

function browserStorage(): Storage | null {
  try {
    return localStorage
  } catch {
    return null
  }
}

export const pageCopies = startPageCopies({
  root: document.getElementById('app')!,
  // In development the code changes under the same URL.
  storage: import.meta.env.DEV ? null : browserStorage(),
  build: new URL(import.meta.url).pathname,
  bundled: __BUNDLED_DATA__,
  mayShow: nothingKept,
  maxShownMs: PAGE_COPY_MAX_MS,
})

// The modules that import this one wait for the frame that paints the copy; a tab opened in the
// background paints no frame until it is shown, so there the app starts at once.
if (pageCopies.shown && document.visibilityState === 'visible') await afterFrame()

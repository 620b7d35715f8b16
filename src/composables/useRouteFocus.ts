import { nextTick, ref, type Ref } from 'vue'
import { useRouter } from 'vue-router'

const SITE_NAME = '县域教育督导看板'
/** The page's content and its heading: views render in `<main id="main">` (App.vue) with one h1. */
export const MAIN_ID = 'main'
// Not the print header's h1, hidden on screen.
const heading = () => document.querySelector<HTMLElement>(`#${MAIN_ID} h1:not(.print-only *)`)

/** The page's h1 once it has its text: a county's name arrives with its figures. */
function headingReady(timeout = 5_000): Promise<HTMLElement | null> {
  const until = performance.now() + timeout
  return new Promise((resolve) => {
    const look = () => {
      const h = heading()
      if (h?.textContent?.trim()) resolve(h)
      else if (performance.now() > until) resolve(null)
      else requestAnimationFrame(look)
    }
    look()
  })
}

function focusHeading(h: HTMLElement): void {
  h.tabIndex = -1
  h.focus({ preventScroll: true })
}

/**
 * Screen readers and keyboards follow a move to another page: the tab is named after the
 * page's h1, and focus moves to that h1 (a reader says where it is, Tab goes on from there).
 * Not on the first load (the browser starts at the top anyway), nor on a new choice within
 * the page (indicator, year: the query) or a new province from its select: focus stays on
 * the control, and `announced` says the new title in a live region instead.
 */
export function useRouteFocus(): { announced: Ref<string>; toMain: () => void } {
  const router = useRouter()
  const announced = ref('')
  router.afterEach(async (to, from, failure) => {
    if (failure) return
    const first = from.matched.length === 0
    const lost = () => document.activeElement === null || document.activeElement === document.body
    // A choice within the page (the query) never moves focus, even when nothing has it.
    const newPage = !first && (to.name !== from.name || (to.path !== from.path && lost()))
    // The new view renders after the navigation: until then the old one's h1 is in the page.
    await nextTick()
    const h = await headingReady()
    if (!h || router.currentRoute.value.path !== to.path) return
    const title = h.textContent!.trim()
    document.title = `${title} - ${SITE_NAME}`
    if (newPage) focusHeading(h)
    else if (!first && to.path !== from.path) announced.value = title
  })
  /** The skip link: a hash link would be taken for a route. */
  const toMain = () => {
    const h = heading()
    if (h) focusHeading(h)
    else document.getElementById(MAIN_ID)?.focus()
  }
  return { announced, toMain }
}

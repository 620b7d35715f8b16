import { onBeforeUnmount, watch, type Ref } from 'vue'
import { onBeforeRouteLeave, onBeforeRouteUpdate } from 'vue-router'

/** How long a page may take to grow tall enough for a remembered position (its figures answer first). */
const WAIT_MS = 5000
/** A scroll is written to the history entry once it has come to rest. */
const SETTLE_MS = 150
const STATE_KEY = 'scrollMemory'

/**
 * Resolves once `box` (the page: document.scrollingElement) can scroll down to `top` — true —,
 * or false when the user scrolls, types or clicks first (their position wins), or after
 * WAIT_MS, so a position is never held back for long. A page coming back draws its rows and
 * figures a little after it mounts; until then it is too short to scroll to where it was.
 */
export function whenScrollable(box: () => Element | null, top: number, wait = WAIT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const started = performance.now()
    const events = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const
    let timer = 0
    const done = (ok: boolean) => {
      clearTimeout(timer)
      for (const e of events) window.removeEventListener(e, stop, true)
      resolve(ok)
    }
    const stop = () => done(false)
    for (const e of events) window.addEventListener(e, stop, { capture: true, passive: true })
    const check = () => {
      const el = box()
      if (el && el.scrollHeight - el.clientHeight >= top) done(true)
      else if (performance.now() - started > wait) done(el !== null)
      else timer = window.setTimeout(check, 50)
    }
    check()
  })
}

type Memory = Record<string, number>
const entry = (): { position?: number; [STATE_KEY]?: Memory } | null => window.history.state

/**
 * Remembers how far the element `el` (a box that scrolls on its own, e.g. a long table) was
 * scrolled, in the browser's history entry under `name`, and scrolls it back there when the
 * view is shown again from that entry (back / forward, or a reload). Kept in history.state,
 * not in memory: each entry has its own, a new entry starts at the top, and a forgotten entry
 * takes its positions with it. vue-router keeps other keys of history.state when it writes.
 */
export function useScrollMemory(el: Readonly<Ref<HTMLElement | null | undefined>>, name: string): void {
  let pending: { position: number | undefined; top: number } | null = null
  let timer = 0
  // Written only to the entry the scroll happened on: once the history has moved on, dropped.
  const flush = () => {
    clearTimeout(timer)
    const state = entry()
    if (pending && state && state.position === pending.position) {
      const memory = { ...state[STATE_KEY], [name]: pending.top }
      window.history.replaceState({ ...state, [STATE_KEY]: memory }, '')
    }
    pending = null
  }
  const onScroll = (event: Event) => {
    pending = { position: entry()?.position, top: (event.target as HTMLElement).scrollTop }
    clearTimeout(timer)
    timer = window.setTimeout(flush, SETTLE_MS)
  }

  watch(
    () => el.value,
    (box, old) => {
      old?.removeEventListener('scroll', onScroll)
      if (!box) return
      box.addEventListener('scroll', onScroll, { passive: true })
      const top = entry()?.[STATE_KEY]?.[name]
      if (!top) return
      // Only if nobody scrolled the box meanwhile.
      void whenScrollable(() => el.value ?? null, top).then((ok) => {
        if (ok && el.value === box && box.scrollTop === 0) box.scrollTop = top
      })
    },
    { immediate: true, flush: 'post' },
  )
  // Leaving by a link or a choice: the history has not moved yet, so the last scroll still finds its entry.
  onBeforeRouteLeave(flush)
  onBeforeRouteUpdate(flush)
  onBeforeUnmount(() => {
    flush()
    el.value?.removeEventListener('scroll', onScroll)
  })
}

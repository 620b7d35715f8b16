import { onKeyStroke } from '@vueuse/core'
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { pauseClock, remaining, resumeClock, startClock, stepIn, type PlayClock } from '../present/playlist.ts'

interface PlayOptions {
  /** What auto-play walks through; the item chosen (steps go from it), and the one shown (its count starts when it is shown). */
  list: Ref<readonly string[]>
  chosen: Ref<string>
  shown: Ref<string>
  /** Whether it plays (play=1: from the start, and when the URL says so again), and the seconds each item stays. */
  play: Ref<boolean>
  every: Ref<number>
  /** Shows another item; leaves presentation mode. */
  go: (item: string) => void
  leave: () => void
  /** The first count waits for it (at most HOLD_MS): the engine's background work, whose long
   * tasks made the first switches' frames 170–230 ms against 50 ms after it (bench). */
  ready?: Promise<unknown>
}

/** The longest the first count waits for `ready`. */
const HOLD_MS = 20_000

/**
 * Presentation mode's auto-play and keys: → / ← the next or previous item, space pauses and
 * resumes, Esc leaves the mode. The count of an item starts once it is shown, so a slow answer
 * never cuts its item short. `lap` changes with each count, for a progress bar to start again;
 * `held` is true while the first count waits for `ready`.
 */
export function usePresentPlay(o: PlayOptions) {
  const playing = ref(o.play.value)
  const held = ref(o.ready !== undefined)
  const lap = ref(0)
  const now = () => performance.now()
  let clock: PlayClock = startClock(o.every.value * 1000, now(), !playing.value)
  let timer: ReturnType<typeof setTimeout> | undefined

  function schedule(): void {
    clearTimeout(timer)
    if (playing.value && !held.value) timer = setTimeout(() => step(1), remaining(clock, now()))
  }
  function restart(): void {
    clock = startClock(o.every.value * 1000, now(), !playing.value)
    lap.value++
    schedule()
  }
  function step(delta: 1 | -1): void {
    const item = stepIn(o.list.value, o.chosen.value, delta)
    if (item === undefined || item === o.chosen.value) return restart()
    // The next count starts when the item is shown.
    clearTimeout(timer)
    o.go(item)
  }
  function toggle(): void {
    playing.value = !playing.value
    clock = playing.value ? resumeClock(clock, now()) : pauseClock(clock, now())
    schedule()
  }
  watch([o.shown, o.every], restart)
  watch(o.play, (play) => play !== playing.value && toggle())
  schedule()
  let gone = false
  onBeforeUnmount(() => {
    gone = true
    clearTimeout(timer)
  })
  if (o.ready) {
    const cap = new Promise((resolve) => setTimeout(resolve, HOLD_MS))
    void Promise.race([o.ready, cap]).then(() => {
      held.value = false
      if (!gone) restart()
    })
  }

  // Not in a field; space not on a button or link either, which it presses.
  const key = (keys: string[], act: () => void, owners = 'input, select, textarea') =>
    onKeyStroke(keys, (e) => {
      if ((e.target as HTMLElement | null)?.closest(owners) || e.altKey || e.ctrlKey || e.metaKey) return
      e.preventDefault()
      act()
    })
  key(['ArrowRight'], () => step(1))
  key(['ArrowLeft'], () => step(-1))
  key([' '], toggle, 'input, select, textarea, button, a')
  key(['Escape'], o.leave)

  return { playing, held, lap, next: () => step(1), previous: () => step(-1), toggle }
}

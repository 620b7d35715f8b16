// Presentation mode (大屏) as plain data: the list auto-play walks through, the step to the
// next or previous item, and the clock that says when the next step is due. The composable
// (usePresentPlay) only wires these to timers, keys and the URL.
import { HEADLINE_INDICATOR_IDS } from '../indicators/catalog.ts'

/** What auto-play walks through when the URL names no list: the headline figures, in the order the reports use. */
export const DEFAULT_PLAYLIST: readonly string[] = HEADLINE_INDICATOR_IDS

/** Seconds between two steps when the URL does not say (every=…), and the range it may say. */
export const DEFAULT_EVERY_S = 15
export const MIN_EVERY_S = 3
export const MAX_EVERY_S = 600

/** `every=` as seconds: a whole number within the range, else undefined (the default holds). */
export function parseEvery(raw: string): number | undefined {
  const s = Number(raw)
  return Number.isInteger(s) && s >= MIN_EVERY_S && s <= MAX_EVERY_S ? s : undefined
}

/**
 * `list=` as the items to play, in the order given: the known ones, each once. Undefined when
 * none is known, so that the default list holds.
 */
export function parseList(raw: string, known: (item: string) => boolean): string[] | undefined {
  const items = [...new Set(raw.split(',').map((s) => s.trim()))].filter(known)
  return items.length ? items : undefined
}

/**
 * The item `delta` steps from `current` (1: the next, −1: the previous), round the list's end.
 * An item not in the list steps to the list's first (forward) or last (back).
 */
export function stepIn(list: readonly string[], current: string, delta: 1 | -1): string | undefined {
  if (list.length === 0) return undefined
  const i = list.indexOf(current)
  if (i < 0) return delta > 0 ? list[0] : list.at(-1)
  return list[(i + delta + list.length) % list.length]
}

/**
 * When the next step is due: `started` is when the current item's count began (ms, any clock),
 * shifted on by the time spent paused; `pausedAt` is set while paused.
 */
export interface PlayClock {
  everyMs: number
  started: number
  pausedAt: number | null
}

export function startClock(everyMs: number, now: number, paused = false): PlayClock {
  return { everyMs, started: now, pausedAt: paused ? now : null }
}

/** Time counted so far on the current item (ms), frozen while paused. */
export function elapsed(clock: PlayClock, now: number): number {
  return Math.min(Math.max((clock.pausedAt ?? now) - clock.started, 0), clock.everyMs)
}

/** Time left before the next step (ms). */
export function remaining(clock: PlayClock, now: number): number {
  return clock.everyMs - elapsed(clock, now)
}

export function pauseClock(clock: PlayClock, now: number): PlayClock {
  return clock.pausedAt === null ? { ...clock, pausedAt: now } : clock
}

/** Resumes where the count stopped: the paused time does not count. */
export function resumeClock(clock: PlayClock, now: number): PlayClock {
  return clock.pausedAt === null ? clock : { ...clock, started: clock.started + (now - clock.pausedAt), pausedAt: null }
}

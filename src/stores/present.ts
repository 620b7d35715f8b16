import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { findIndicator } from '../indicators/catalog.ts'
import { DEFAULT_EVERY_S, DEFAULT_PLAYLIST, parseEvery, parseList } from '../present/playlist.ts'
import { useUrlState } from './urlState.ts'

/** The URL parameters of presentation mode: leaving it drops them all. */
const PRESENT_KEYS = ['present', 'play', 'every', 'list'] as const
const PRESENT_ROUTES = ['national', 'province']
const flag = { fallback: () => false, parse: (raw: string) => raw === '1', format: (v: boolean) => (v ? '1' : '0') }

/**
 * Presentation mode (大屏, `present=1`) on the national and province pages, in the URL so that
 * a link opens a wall screen straight into it: auto-play (`play=1`) every `every=` seconds
 * through `list=` (indicator ids, comma-separated; the headline figures by default).
 */
export const usePresentStore = defineStore('present', () => {
  const route = useRoute()
  const router = useRouter()
  const on = useUrlState<boolean>({ key: 'present', ...flag })
  const play = useUrlState<boolean>({ key: 'play', ...flag })
  const every = useUrlState<number>({ key: 'every', fallback: () => DEFAULT_EVERY_S, parse: parseEvery })
  const list = useUrlState<readonly string[]>({
    key: 'list',
    fallback: () => DEFAULT_PLAYLIST,
    parse: (raw) => parseList(raw, (id) => findIndicator(id) !== undefined),
    format: (v) => v.join(','),
  })

  /** The mode is shown: only the national and province pages have it. */
  const active = computed(() => on.value && PRESENT_ROUTES.includes(String(route.name)))

  /** Leaves presentation mode for the page it was opened on: one history entry. */
  function leave(): void {
    const query = { ...route.query }
    for (const key of PRESENT_KEYS) delete query[key]
    void router.push({ query })
  }

  return { on, active, play, every, list, leave }
})

import { ref, type Ref } from 'vue'

const STEPS: Record<string, number> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  Home: -Infinity,
  End: Infinity,
}

/**
 * The map's counties by keyboard: the arrow keys step through them in the ranking's order
 * (Home and End to the first and last), Enter opens the one chosen, Esc lets go. `chosen` is
 * the county the keys are on, for the highlight and for a live region to say.
 */
export function useRegionKeys(
  codes: () => readonly string[],
  on: { choose: (code: string | null) => void; open: (code: string) => void },
): { chosen: Ref<string | null>; onKey: (e: KeyboardEvent) => void; release: () => void } {
  const chosen = ref<string | null>(null)
  const choose = (code: string | null) => {
    chosen.value = code
    on.choose(code)
  }
  function onKey(e: KeyboardEvent): void {
    const list = codes()
    const step = STEPS[e.key]
    if (step !== undefined && list.length) {
      e.preventDefault()
      const at = chosen.value === null ? (step > 0 ? -1 : list.length) : list.indexOf(chosen.value)
      const next = Number.isFinite(step) ? (at + step + list.length) % list.length : step > 0 ? list.length - 1 : 0
      choose(list[next] ?? null)
    } else if (e.key === 'Enter' && chosen.value) {
      e.preventDefault()
      on.open(chosen.value)
    } else if (e.key === 'Escape' && chosen.value) {
      choose(null)
    }
  }
  const release = () => {
    if (chosen.value) choose(null)
  }
  return { chosen, onKey, release }
}

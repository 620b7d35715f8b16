import { onKeyStroke } from '@vueuse/core'

/**
 * A letter that moves the focus to the first element matching `selector`, pressed anywhere
 * but in a text field: the province page's T jumps from the map to the ranking, its text
 * alternative. Returns the move, for a link that does the same.
 */
export function useKeyTo(letter: string, selector: string): () => void {
  const focus = () => document.querySelector<HTMLElement>(selector)?.focus()
  onKeyStroke([letter.toLowerCase(), letter.toUpperCase()], (e) => {
    const target = e.target as HTMLElement | null
    if (target?.closest('input, select, textarea')) return
    e.preventDefault()
    focus()
  })
  return focus
}

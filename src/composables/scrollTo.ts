/** In-page jumps: with hash routing an href="#id" would be read as a route, so scroll instead. */
export function scrollToId(id: string): void {
  const el = document.getElementById(id)
  el?.scrollIntoView({ behavior: 'smooth', block: 'center' })
  el?.setAttribute('tabindex', '-1')
  el?.focus({ preventScroll: true })
}

/** A User Timing mark the first time something is on screen; `npm run bench` reads them. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name)
}

/** Resolves once the page has set the mark `name` (at once if it already has). */
export function whenMarked(name: string): Promise<void> {
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(name, 'mark').length === 0) return
      observer.disconnect()
      resolve()
    })
    observer.observe({ type: 'mark', buffered: true })
  })
}

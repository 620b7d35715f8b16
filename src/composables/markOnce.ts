/** A User Timing mark the first time something is on screen; `npm run bench` reads them. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name)
}

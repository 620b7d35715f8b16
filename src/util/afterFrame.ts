/**
 * Resolves in the task after the next frame, i.e. once what the page has just changed is
 * painted (as INP ends an interaction): what comes second waits for the first to be seen.
 */
export function afterFrame(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done)))
}

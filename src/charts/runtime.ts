// ECharts, for what the province page's first view draws without it: the printed images
// of every chart (and the county page's, the national view's own charts, which import it
// themselves). Loaded on first use, or ahead once a first view is done (router.ts), so
// that the browser's own print command finds it in place.
type Runtime = typeof import('./canvasImage.ts')

let runtime: Runtime | null = null
let loading: Promise<Runtime> | null = null

export function loadCharts(): Promise<Runtime> {
  loading ??= import('./canvasImage.ts').then((m) => (runtime = m))
  // A failed download is tried again at the next use.
  loading.catch(() => (loading = null))
  return loading
}

/** The runtime if it is loaded, else null. */
export const loadedCharts = (): Runtime | null => runtime

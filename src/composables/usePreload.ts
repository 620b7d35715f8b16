import { useRouter } from 'vue-router'
import { loadCharts } from '../charts/runtime.ts'
import { loadChartComponent } from './chartComponent.ts'
import { markOnce } from './markOnce.ts'
import { useDataService } from './useData.ts'

/**
 * Downloads the county page's code, ECharts and its Vue component ahead, once the page has
 * nothing left to do: the click on a county then waits for its data only, and a printout
 * finds ECharts in place.
 * The county route's own loader is called, so the router module is not imported here.
 */
export function usePreloadAfterFirstView(): void {
  const county = useRouter()
    .getRoutes()
    .find((r) => r.name === 'county')?.components?.default
  const loadCounty = typeof county === 'function' ? (county as () => Promise<unknown>) : async () => undefined
  // A failure is told when the page is opened.
  void useDataService().settled.then(() =>
    Promise.all([loadCounty(), loadCharts(), loadChartComponent()]).then(
      () => markOnce('preloaded'),
      () => undefined,
    ),
  )
}

import {
  createRouter,
  createWebHashHistory,
  START_LOCATION,
  type RouteParams,
  type RouterScrollBehavior,
} from 'vue-router'
import { loadChina, loadProvince } from './composables/useBoundaries.ts'
import { whenScrollable } from './composables/useScrollMemory.ts'
import { SNAPSHOT_PART } from './queries/snapshot.ts'
import { provinceOf } from './util/divisions.ts'
import ProvinceView from './views/ProvinceView.vue'

// The province page loads with the app; the others when first opened. The national view
// draws with ECharts, which the province page's first view does without.
const NationalView = () => import('./views/NationalView.vue')
const CountyView = () => import('./views/CountyView.vue')
const RollupView = () => import('./views/RollupView.vue')
const RulesView = () => import('./views/RulesView.vue')

/**
 * Back and forward return to where the page was, once it has grown tall enough again (its
 * figures answer a moment after it mounts); another page opens at its top; a new choice on
 * the same page (indicator, year, sort …) leaves the page where it is. Boxes that scroll on
 * their own (the ranking) remember theirs with useScrollMemory. A page opened from a link is
 * at its top already: scrolling it there made the browser lay the page out before its first
 * paint (~40 ms).
 */
export const scrollBehavior: RouterScrollBehavior = (to, from, saved) => {
  if (saved) return whenScrollable(() => document.scrollingElement, saved.top).then((ok) => ok && saved)
  return to.path === from.path || from === START_LOCATION ? false : { top: 0 }
}

declare module 'vue-router' {
  interface RouteMeta {
    /**
     * A page whose first view is painted from the build's results without the engine: the
     * snapshot parts (SNAPSHOT_PART) it reads, fetched as the app starts (main.ts).
     */
    snapshots?: (params: RouteParams) => string[]
    /** Starts downloading what else the first view draws (its boundaries). */
    prefetch?: (params: RouteParams) => void
  }
}

const param = (params: RouteParams, name: string) => String(params[name])

// Hash history: any static server can host the site without rewrite rules.
export const router = createRouter({
  history: createWebHashHistory(),
  scrollBehavior,
  routes: [
    {
      path: '/',
      name: 'national',
      component: NationalView,
      meta: { snapshots: () => [SNAPSHOT_PART.national], prefetch: () => void loadChina().catch(() => undefined) },
    },
    {
      path: '/province/:province',
      name: 'province',
      component: ProvinceView,
      meta: {
        snapshots: (p) => [SNAPSHOT_PART.province(param(p, 'province'))],
        prefetch: (p) => void loadProvince(param(p, 'province')).catch(() => undefined),
      },
    },
    {
      path: '/province/:province/problems',
      name: 'rollup',
      component: RollupView,
      meta: { snapshots: (p) => [SNAPSHOT_PART.rollup(param(p, 'province'))] },
    },
    {
      path: '/county/:code',
      name: 'county',
      component: CountyView,
      meta: {
        snapshots: (p) => [SNAPSHOT_PART.county(param(p, 'code')), SNAPSHOT_PART.bands(provinceOf(param(p, 'code')))],
      },
    },
    { path: '/rules', name: 'rules', component: RulesView, meta: { snapshots: () => [] } },
    // The import brings its worker, Excel reader and forms along; only users who open it pay for them.
    { path: '/import', name: 'import', component: () => import('./views/ImportView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

/** What to tell the user when a view's code could not be downloaded (network gone, server
 * down): the file, and that the page they are on still works. Null for any other error. */
export function viewLoadFailure(error: unknown, siteBase: string): string | null {
  const url = /https?:\/\/[^\s'"]+\.(?:js|css)\b/.exec(error instanceof Error ? error.message : String(error))?.[0]
  if (!url) return null
  const file = url.startsWith(siteBase) ? url.slice(siteBase.length) : url
  return `页面文件 ${file} 无法下载，未能打开该页面：网络已断开或网站服务不可用。请检查网络后重试，当前页面仍可继续使用。`
}

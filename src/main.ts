// First: it paints a link's copy from the last visit before the other modules run.
import { pageCopies } from './firstPaint.ts'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { START_LOCATION } from 'vue-router'
import App from './App.vue'
import { DATA_SERVICE } from './composables/useData.ts'
import { PAGE_COPIES } from './composables/useContentPainted.ts'
import { whenMarked } from './composables/markOnce.ts'
import { httpFetchBytes } from './service/dataset.ts'
import { parquetInWorker } from './db/parquetClient.ts'
import { DataService } from './service/service.ts'
import { snapshotFile } from './service/snapshot.ts'
import { indexedDbStore, nothingKept } from './service/saved.ts'
import { WasmDatabase } from './db/wasm.ts'
import { fingerprint } from './pageCopy/store.ts'
import { router, viewLoadFailure } from './router.ts'
import { useDatasetStore } from './stores/dataset.ts'
import { useNoticeStore } from './stores/notices.ts'
import './styles.css'

/** At the latest, the engine starts this long after the page opens. */
const ENGINE_WAIT_MS = 2_000
let engineDue!: () => void
const db = new WasmDatabase(new Promise<void>((go) => (engineDue = go)))
const service = new DataService(
  db,
  httpFetchBytes(new URL('data/', document.baseURI).href),
  parquetInWorker(),
  indexedDbStore(),
)

// A page a link opens paints its first view from the build's results and its boundaries,
// fetched from here on. The engine (27 MB to compile, on both cores of an office PC) starts once that paint is
// done; at once on a page that needs it first (the import), and for data the user kept,
// which the build has no results for.
const opened = router.resolve(location.hash.slice(1) || '/')
for (const part of opened.meta.snapshots?.(opened.params) ?? []) service.snapshots.prefetch(snapshotFile(part))
opened.meta.prefetch?.(opened.params)
if (!opened.meta.snapshots) engineDue()
router.afterEach((to) => to.meta.snapshots || engineDue())
void whenMarked('content-painted').then(engineDue)
setTimeout(engineDue, ENGINE_WAIT_MS)

// A page's copy shows the bundled data: it gives way if the manifest says other data.
const bundled = service.manifest()
pageCopies.setData(() => bundled.then((m) => (m.simulated && nothingKept() ? fingerprint(JSON.stringify(m)) : null)))
router.afterEach((_, from) => from === START_LOCATION || pageCopies.reveal('navigation'))

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(router).provide(DATA_SERVICE, service).provide(PAGE_COPIES, pageCopies)

// The manifest at once, the engine when due; views wait on the same promises.
const dataset = useDatasetStore(pinia)
db.onProgress((p) => dataset.setProgress(p))
const manifest = bundled.then((m) => {
  dataset.setManifest(m)
  if (!m.simulated) engineDue()
})
Promise.all([db.start(), manifest])
  .then(() => service.init())
  .then(() => {
    performance.mark('duckdb-ready')
    dataset.setProgress({ phase: 'ready' })
  })
  .catch((e: unknown) => dataset.fail(e instanceof Error ? e.message : String(e)))

// A view loads its code when first opened; offline that fails, and the navigation with it.
const notices = useNoticeStore(pinia)
router.onError((e: unknown) => {
  const text = viewLoadFailure(e, new URL('.', document.baseURI).href)
  if (text) notices.add(text)
  else console.error(e)
})

app.mount('#app')

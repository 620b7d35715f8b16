import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { DATA_SERVICE } from './composables/useData.ts'
import { httpFetchBytes } from './service/dataset.ts'
import { parquetInWorker } from './db/parquetClient.ts'
import { DataService } from './service/service.ts'
import { indexedDbStore } from './service/saved.ts'
import { WasmDatabase } from './db/wasm.ts'
import { router, viewLoadFailure } from './router.ts'
import { useDatasetStore } from './stores/dataset.ts'
import { useNoticeStore } from './stores/notices.ts'
import './styles.css'

const db = new WasmDatabase()
const service = new DataService(
  db,
  httpFetchBytes(new URL('data/', document.baseURI).href),
  parquetInWorker(),
  indexedDbStore(),
)

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(router).provide(DATA_SERVICE, service)

// Start the engine and fetch the manifest at once; views wait on the same promises.
const dataset = useDatasetStore(pinia)
db.onProgress((p) => dataset.setProgress(p))
Promise.all([db.start(), service.manifest().then((m) => dataset.setManifest(m))])
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

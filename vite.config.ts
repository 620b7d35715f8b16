import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { leanEngineAssets } from './scripts/engineExports.ts'
import { precompress } from './scripts/precompress.ts'
import { readFileSync } from 'node:fs'
import { fingerprint } from './src/pageCopy/store.ts'

// Part of the build, so that a build of other data never shows the copies of pages painted
// with the last one (src/pageCopy/).
const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as unknown

// base './' keeps every asset path relative, so dist/ works from any sub-path of any static server.
export default defineConfig({
  base: './',
  plugins: [vue(), leanEngineAssets(), precompress()],
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  define: { __BUNDLED_DATA__: JSON.stringify(fingerprint(JSON.stringify(manifest))) },
})

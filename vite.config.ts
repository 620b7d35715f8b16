import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { leanEngineAssets } from './scripts/engineExports.ts'
import { precompress } from './scripts/precompress.ts'

// base './' keeps every asset path relative, so dist/ works from any sub-path of any static server.
export default defineConfig({
  base: './',
  plugins: [vue(), leanEngineAssets(), precompress()],
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
})

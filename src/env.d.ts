/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** The fingerprint of the bundled data's manifest (vite.config.ts), for pageCopy/. */
declare const __BUNDLED_DATA__: string

// The built site served by the plain static server and one Chromium page on it, opened
// before a test file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { Database } from '../../src/db/types.ts'
import { launchBrowser } from './browser.ts'
import { bundledDatabase } from './bundled.ts'
import { serveStatic, SITE_DIR, type ServeOptions, type StaticServer } from './staticServer.ts'

export interface Site {
  server: StaticServer
  browser: Browser
  page: Page
}

export function openSite(options: ServeOptions = {}): Site {
  const site = {} as Site
  beforeAll(async () => {
    site.server = await serveStatic(SITE_DIR, options)
    site.browser = await launchBrowser()
    site.page = await site.browser.newPage({ viewport: { width: 1366, height: 768 } })
  })
  afterAll(async () => {
    await site.browser?.close()
    await site.server?.close()
  })
  return site
}

/** openSite, and the bundled data of `provinces` in the Node engine (`db`) to compare the page with. */
export function openSiteWithData(provinces: readonly string[] = ['430000']): Site & { db: Database } {
  const site = openSite() as Site & { db: Database }
  beforeAll(async () => {
    site.db = (await bundledDatabase(provinces)).db
  })
  return site
}

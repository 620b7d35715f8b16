// Clicks an export button and reads the file the browser saved.
import { readFile } from 'node:fs/promises'
import type { Locator, Page } from 'playwright-core'
import { readDocx, type DocxContents } from './docx.ts'

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()])
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) }
}

export async function downloadedDocx(page: Page, button: Locator): Promise<DocxContents & { name: string }> {
  const { name, bytes } = await download(page, button)
  return { name, ...readDocx(bytes) }
}

/** The lines of a downloaded text file and whether it starts with a UTF-8 byte-order mark. */
export async function downloadedText(
  page: Page,
  button: Locator,
): Promise<{ name: string; bom: boolean; lines: string[] }> {
  const { name, bytes } = await download(page, button)
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  return {
    name,
    bom,
    lines: bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n'),
  }
}

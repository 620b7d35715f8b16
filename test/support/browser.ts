// Real headless Chromium from the system (Debian's chromium), driven by playwright-core.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium'
  if (!existsSync(path)) {
    throw new Error(
      `找不到 Chromium（${path}）。请安装：apt-get install -y chromium fonts-noto-cjk，或用环境变量 CHROME_PATH 指定浏览器路径。`,
    )
  }
  return path
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
}

/** Screenshots go to .tmp/screenshots (gitignored) for a person to look at. */
export function screenshotPath(name: string): string {
  const dir = join(process.cwd(), '.tmp', 'screenshots')
  mkdirSync(dir, { recursive: true })
  return join(dir, `${name}.png`)
}

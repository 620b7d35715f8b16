import type { Locator, Page } from 'playwright-core'

/** The province page's ranking of counties. */
export const rankingTable = (p: Page): Locator => p.locator('[data-testid="ranking-table"]')

/** How many counties the ranking lists: it draws only the rows in view, and `aria-rowcount` counts them all (and the header row). */
export async function rankingCount(p: Page): Promise<number> {
  const n = await rankingTable(p).getAttribute('aria-rowcount')
  return n === null ? 0 : Number(n) - 1
}

/** Reads the ranking as it prints: for print, every row is drawn. */
export async function withEveryRow<T>(p: Page, read: (table: Locator) => Promise<T>): Promise<T> {
  await p.emulateMedia({ media: 'print' })
  try {
    await rankingTable(p).locator('tr.gap').first().waitFor({ state: 'detached' })
    return await read(rankingTable(p))
  } finally {
    await p.emulateMedia({ media: 'screen' })
  }
}

// `npm run data` must reproduce the committed public/data/ byte for byte.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort()
}

describe('bundled data', () => {
  it('is exactly what the generator writes', () => {
    const out = mkdtempSync(join(tmpdir(), 'panel-'))
    execFileSync(process.execPath, ['--import', 'tsx', 'data/generate.ts', '--out', out], { stdio: 'pipe' })
    const committed = files('public/data')
    expect(files(out)).toEqual(committed)
    for (const f of committed) expect(readFileSync(join(out, f)).equals(readFileSync(join('public/data', f))), f).toBe(true)
  }, 180_000)
})

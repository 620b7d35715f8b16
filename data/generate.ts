// `npm run data`: writes the bundled simulated panel (模拟数据) to public/data/.
// Deterministic: the same code and inputs give byte-identical files.
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkNational, type CheckRow } from './lib/calibrate.ts'
import { joinCensus, readCensus } from './lib/census.ts'
import { checkInvariants, nullCells, ruleFailures } from './lib/checks.ts'
import { panelDivisions } from './lib/divisions.ts'
import { simulate } from './lib/simulate.ts'
import { NATIONAL_NAMES, NationalTargets, YEARS } from './lib/targets.ts'
import { writeManifest, writeParquet, writeTemplate } from './lib/write.ts'
import { writeSnapshots } from './snapshots.ts'
import { writeCrosswalk } from './codes.ts'
import { SUMMARY_FILE, writeProvinceSummaries } from './summaries.ts'
import { SNAPSHOT_FOLDER } from '../src/service/snapshot.ts'
import { DEFAULT_INDICATOR_ID, getIndicator } from '../src/indicators/catalog.ts'
import { valuesFile, writeFirstValues } from './values.ts'
import { writeSchools, type SchoolFile } from './lib/schools.ts'

/** Fixed so that a rerun reproduces the files byte for byte; bump when the model changes. */
const GENERATED_AT = '2026-11-25'
const SEED = 20250601
/** The first view's indicator: its county values are computed here, not in the browser. */
const FIRST_INDICATOR = getIndicator(DEFAULT_INDICATOR_ID)

const here = dirname(fileURLToPath(import.meta.url))
// `npm run data -- --out DIR` writes elsewhere (the reproducibility test compares the two).
const outArg = process.argv.indexOf('--out')
const outDir = outArg > 0 && process.argv[outArg + 1] ? process.argv[outArg + 1]! : join(here, '..', 'public', 'data')

function formatCheck(rows: readonly CheckRow[]): string {
  const lines = ['national check (F/D values): year status indicator — target / simulated (diff)']
  for (const r of rows) {
    const sim = r.notComputable ? 'n/a (needs 2014)' : r.simulated.toFixed(2)
    const diff = r.notComputable ? '' : ` (${r.diff >= 0 ? '+' : ''}${r.diff.toFixed(2)} ${r.unit})`
    lines.push(
      `  ${r.year} ${r.status} ${NATIONAL_NAMES[r.key]} — ${r.target} / ${sim}${diff}${r.ok ? '' : '  ✗ OUT OF TOLERANCE'}`,
    )
  }
  return lines.join('\n')
}

/** The files computed from the panel by the app's SQL: province figures, first values, snapshots. */
async function writeDerived(provinces: readonly string[]): Promise<void> {
  await writeProvinceSummaries(outDir)
  await writeFirstValues(outDir, provinces, [FIRST_INDICATOR])
  await writeSnapshots(outDir, provinces, YEARS)
}

function formatSchools(files: readonly SchoolFile[]): string {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`
  const largest = files.reduce((a, b) => (b.bytes > a.bytes ? b : a))
  return (
    `wrote ${files.length} school files: ${files.reduce((s, f) => s + f.schools, 0)} schools, ` +
    `${files.reduce((s, f) => s + f.rows, 0)} rows, ${kb(files.reduce((s, f) => s + f.bytes, 0))} ` +
    `(${files.reduce((s, f) => s + f.loose, 0)} county-year sections with more pupils than classes under 56 seat) ` +
    `(largest ${largest.province} ${kb(largest.bytes)})\n` +
    files.map((f) => `  ${f.province} ${f.schools} schools ${f.rows} rows ${kb(f.bytes)}`).join('\n')
  )
}

async function main(): Promise<void> {
  const started = Date.now()
  // `--schools` (`npm run data:schools`): only the simulated school layer, from the panel already in outDir.
  if (process.argv.includes('--schools')) {
    console.log(formatSchools(await writeSchools(outDir, SEED)))
    console.log(`in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return
  }
  // `--derived`: only what the SQL computes from the panel already in outDir, after a change of the app's SQL.
  if (process.argv.includes('--derived')) {
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
      provinces: { code: string }[]
    }
    await writeDerived(manifest.provinces.map((p) => p.code))
    console.log(
      `wrote the derived files of ${manifest.provinces.length} provinces in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
    return
  }
  const divisions = panelDivisions()
  const census = readCensus(join(here, 'census2020_county.csv'))
  const joined = joinCensus(divisions, census)
  const r = joined.routes
  console.log(
    `census join: ${divisions.length} units — by code ${r.code}, by name ${r.name}, by name without suffix ${r.base_name}, ` +
      `known rename ${r.renamed}, imputed ${r.imputed}; ${joined.unusedCensusRows} census rows unused (functional zones, merged units)`,
  )
  for (const c of joined.counties.filter((x) => x.route === 'imputed'))
    console.log(`  imputed ${c.code} ${c.name}: ${c.census_source}`)

  const targets = new NationalTargets(join(here, 'reference', 'national_indicators_2015_2024.csv'))
  const { panel } = simulate(joined.counties, targets, SEED)

  const invariantErrors = checkInvariants(panel)
  if (invariantErrors.length > 0) {
    console.error(invariantErrors.slice(0, 30).join('\n'))
    throw new Error(`${invariantErrors.length} invariant violations`)
  }
  const checks = checkNational(panel, targets)
  console.log(formatCheck(checks))
  const bad = checks.filter((c) => !c.ok)
  if (bad.length > 0) throw new Error(`${bad.length} national figures outside tolerance`)

  const nulls = nullCells(panel)
  console.log(
    `NULL cells: ${nulls.nulls} of ${nulls.cells} (${((100 * nulls.nulls) / nulls.cells).toFixed(3)}%) ${JSON.stringify(nulls.byField)}`,
  )
  console.log('counties failing each rule (failed/judged):')
  for (const f of ruleFailures(panel, [2018, 2020, 2023, 2024]))
    console.log(
      `  ${f.rule.padEnd(22)} ${Object.entries(f.byYear)
        .map(([y, v]) => `${y} ${v}`)
        .join('  ')}`,
    )

  mkdirSync(outDir, { recursive: true })
  const provinces = (await writeParquet(outDir, joined.counties, panel)).map((p) => ({
    ...p,
    values: { file: valuesFile(p.code), indicators: [FIRST_INDICATOR.id] },
  }))
  writeTemplate(outDir, panel, [
    { code: '430121', year: 2023 },
    { code: '430121', year: 2024 },
  ])
  console.log(writeCrosswalk(outDir))
  writeManifest(outDir, {
    simulated: true,
    label: '模拟数据',
    generatedAt: GENERATED_AT,
    seed: SEED,
    years: [...YEARS],
    provinces,
    countiesFile: 'counties.parquet',
    summaryFile: SUMMARY_FILE,
    snapshots: SNAPSHOT_FOLDER,
    rows: provinces.reduce((s, p) => s + p.rows, 0),
  })
  await writeDerived(provinces.map((p) => p.code))
  console.log(formatSchools(await writeSchools(outDir, SEED)))
  const largest = provinces.reduce((a, b) => (b.bytes > a.bytes ? b : a))
  const totalBytes = provinces.reduce((s, p) => s + p.bytes, 0)
  console.log(
    `wrote ${provinces.length} province files (${(totalBytes / 1024).toFixed(0)} KB, largest ${largest.code} ${(largest.bytes / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})

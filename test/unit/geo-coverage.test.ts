// The committed boundary files (public/geo, built by `npm run geo`) must cover the panel
// exactly: one shape per panel county, keyed by its current code, except the listed
// exceptions in data/geo/exceptions.ts.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { describe, expect, it } from 'vitest'
import { panelDivisions, PROVINCES, type Division } from '../../data/lib/divisions.ts'
import { GEO_EXCEPTIONS, type GeoException } from '../../data/geo/exceptions.ts'

const geoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/geo')
/** Mainland China incl. 南海诸岛 (曾母暗沙 ≈ 3.9°N), with a small margin. */
const CHINA_BBOX: [number, number, number, number] = [73, 3, 136, 54]
const CODE = /^\d{6}$/

type Props = Record<string, unknown>

function readTopo(name: string): Topology {
  return JSON.parse(readFileSync(path.join(geoDir, `${name}.json`), 'utf8')) as Topology
}

function features(topo: Topology, object: string): Feature<Geometry, Props>[] {
  const o = topo.objects[object] as GeometryCollection | undefined
  if (!o) return []
  return (feature(topo, o) as FeatureCollection<Geometry, Props>).features
}

function rings(g: Geometry | null): number[][][] {
  if (!g) return []
  if (g.type === 'Polygon') return g.coordinates
  if (g.type === 'MultiPolygon') return g.coordinates.flat()
  return []
}

function ringArea(r: number[][]): number {
  let a = 0
  for (let i = 0; i + 1 < r.length; i++) a += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!
  return Math.abs(a / 2)
}

function bboxOf(fs: Feature<Geometry, Props>[]): [number, number, number, number] {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity
  for (const f of fs)
    for (const r of rings(f.geometry))
      for (const [x, y] of r) {
        x0 = Math.min(x0, x!)
        y0 = Math.min(y0, y!)
        x1 = Math.max(x1, x!)
        y1 = Math.max(y1, y!)
      }
  return [x0, y0, x1, y1]
}

function geometryProblem(f: Feature<Geometry, Props>): string | null {
  const g = f.geometry
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return `geometry is ${g?.type ?? 'null'}`
  const rs = rings(g)
  if (rs.length === 0 || rs.every((r) => r.length < 4 || ringArea(r) === 0)) return 'empty geometry'
  return null
}

/** Everything wrong with one province file; empty when it matches the panel. */
function coverageProblems(
  provinceCode: string,
  topo: Topology,
  units: Division[],
  exceptions: readonly GeoException[],
): string[] {
  const problems: string[] = []
  const counties = features(topo, 'counties')
  const prefectures = features(topo, 'prefectures')
  if (counties.length === 0) problems.push('no `counties` object')
  if (prefectures.length === 0) problems.push('no `prefectures` object')

  const own = exceptions.filter((e) => e.province_code === provinceCode)
  const noShape = new Set(own.filter((e) => e.kind === 'no-shape').map((e) => e.code))
  const extra = new Map(own.filter((e) => e.kind === 'extra-shape').map((e) => [e.code, e]))
  const panel = new Map(units.map((u) => [u.code, u]))

  const seen = new Map<string, number>()
  for (const f of counties) {
    const code = f.properties.code
    if (typeof code !== 'string' || !CODE.test(code)) {
      problems.push(`feature with code ${JSON.stringify(code)}`)
      continue
    }
    seen.set(code, (seen.get(code) ?? 0) + 1)
    const unit = panel.get(code)
    const ex = extra.get(code)
    if (unit) {
      if (noShape.has(code)) problems.push(`${code} is listed as no-shape but has one`)
      if (f.properties.name !== unit.name)
        problems.push(`${code} named ${String(f.properties.name)}, panel says ${unit.name}`)
      if (f.properties.prefecture_code !== unit.prefecture_code)
        problems.push(
          `${code} in prefecture ${String(f.properties.prefecture_code)}, panel says ${unit.prefecture_code}`,
        )
      if (f.properties.panel !== true) problems.push(`${code} should have panel: true`)
    } else if (ex) {
      if (f.properties.name !== ex.name)
        problems.push(`${code} named ${String(f.properties.name)}, exception says ${ex.name}`)
      if (f.properties.panel !== false) problems.push(`${code} is not a panel unit and should have panel: false`)
    } else {
      problems.push(`shape ${code} ${String(f.properties.name)} is not a panel county`)
    }
    const g = geometryProblem(f)
    if (g) problems.push(`${code}: ${g}`)
  }
  for (const [code, n] of seen) if (n > 1) problems.push(`${code} has ${n} shapes`)
  for (const u of units)
    if (!seen.has(u.code) && !noShape.has(u.code)) problems.push(`panel county ${u.code} ${u.name} has no shape`)
  for (const code of extra.keys()) if (!seen.has(code)) problems.push(`listed extra shape ${code} is missing`)

  const prefCodes = new Set(counties.map((f) => f.properties.prefecture_code))
  const prefSeen = new Set<unknown>()
  for (const f of prefectures) {
    const code = f.properties.code
    if (prefSeen.has(code)) problems.push(`prefecture ${String(code)} twice`)
    prefSeen.add(code)
    if (!prefCodes.has(code)) problems.push(`prefecture outline ${String(code)} has no counties`)
    if (typeof f.properties.name !== 'string' || !f.properties.name)
      problems.push(`prefecture ${String(code)} without name`)
    const g = geometryProblem(f)
    if (g) problems.push(`prefecture ${String(code)}: ${g}`)
  }
  for (const c of prefCodes) if (!prefSeen.has(c)) problems.push(`prefecture ${String(c)} has no outline`)

  const [x0, y0, x1, y1] = bboxOf(counties)
  if (!(x0 >= CHINA_BBOX[0] && y0 >= CHINA_BBOX[1] && x1 <= CHINA_BBOX[2] && y1 <= CHINA_BBOX[3])) {
    problems.push(`bbox ${[x0, y0, x1, y1].map((v) => v.toFixed(2)).join(',')} outside China`)
  }
  return problems
}

const divisions = panelDivisions()
const provinceCodes = PROVINCES.map((p) => `${p.code}0000`)
const unitsOf = (code: string) => divisions.filter((d) => d.province_code === code)
const topos = new Map(provinceCodes.map((c) => [c, readTopo(c)]))

describe('county boundaries cover the panel', () => {
  it.each(provinceCodes)('%s: one shape per panel county, keyed by code', (code) => {
    expect(coverageProblems(code, topos.get(code)!, unitsOf(code), GEO_EXCEPTIONS)).toEqual([])
  })

  it('keys are unique nationally, so repeated names (鼓楼区, 市中区 …) never collide', () => {
    const byCode = new Map<string, string>()
    const namesSeen = new Map<string, Set<string>>()
    for (const topo of topos.values()) {
      for (const f of features(topo, 'counties')) {
        const code = String(f.properties.code)
        const name = String(f.properties.name)
        expect(byCode.has(code), `duplicate code ${code}`).toBe(false)
        byCode.set(code, name)
        namesSeen.set(name, (namesSeen.get(name) ?? new Set()).add(code))
      }
    }
    const repeated = [...namesSeen].filter(([, codes]) => codes.size > 1)
    expect(repeated.length).toBeGreaterThan(20)
    expect(namesSeen.get('鼓楼区')?.size).toBeGreaterThanOrEqual(4)
    expect(namesSeen.get('市中区')?.size).toBeGreaterThanOrEqual(3)
    // Within one province too: 河北 has two 桥西区 (石家庄 130104, 张家口 130703).
    const hebei = features(topos.get('130000')!, 'counties').filter((f) => f.properties.name === '桥西区')
    expect(hebei.map((f) => f.properties.code).sort()).toEqual(['130104', '130703'])
    expect(byCode.size).toBe(
      divisions.length -
        GEO_EXCEPTIONS.filter((e) => e.kind === 'no-shape').length +
        GEO_EXCEPTIONS.filter((e) => e.kind === 'extra-shape').length,
    )
  })

  it('lists each exception once, with a reason, for a real mismatch', () => {
    const panelCodes = new Set(divisions.map((d) => d.code))
    expect(new Set(GEO_EXCEPTIONS.map((e) => e.code)).size).toBe(GEO_EXCEPTIONS.length)
    for (const e of GEO_EXCEPTIONS) {
      expect(e.reason.length).toBeGreaterThan(10)
      expect(provinceCodes).toContain(e.province_code)
      expect(panelCodes.has(e.code), `${e.code} ${e.kind}`).toBe(e.kind === 'no-shape')
    }
  })

  it('the check fails on a real mismatch', () => {
    const code = '430000'
    const topo = topos.get(code)!
    const units = unitsOf(code)
    const counties = topo.objects.counties as GeometryCollection
    const without = structuredClone(topo)
    ;(without.objects.counties as GeometryCollection).geometries = counties.geometries.slice(1)
    const first = counties.geometries[0]!.properties as Props
    const removed = String(first.code)
    expect(coverageProblems(code, without, units, GEO_EXCEPTIONS)).toContain(
      `panel county ${removed} ${units.find((u) => u.code === removed)?.name} has no shape`,
    )
    const doubled = structuredClone(topo)
    ;(doubled.objects.counties as GeometryCollection).geometries.push(structuredClone(counties.geometries[5]!))
    expect(coverageProblems(code, doubled, units, GEO_EXCEPTIONS).some((p) => p.endsWith('has 2 shapes'))).toBe(true)
    const renamed = structuredClone(topo)
    ;(renamed.objects.counties as GeometryCollection).geometries[0]!.properties = {
      ...counties.geometries[0]!.properties,
      code: '439999',
    }
    expect(coverageProblems(code, renamed, units, GEO_EXCEPTIONS)).toContain(
      `shape 439999 ${String(first.name)} is not a panel county`,
    )
    // An exception that is no longer needed is also a failure.
    const stale: GeoException = {
      code: removed,
      name: 'x',
      province_code: code,
      kind: 'no-shape',
      reason: 'stale exception',
    }
    expect(coverageProblems(code, topo, units, [...GEO_EXCEPTIONS, stale])).toContain(
      `${removed} is listed as no-shape but has one`,
    )
  })
})

describe('national map', () => {
  const china = readTopo('china')

  it('has the 31 provinces keyed by six-digit code', () => {
    const provinces = features(china, 'provinces')
    expect(provinces.map((f) => f.properties.code).sort()).toEqual([...provinceCodes].sort())
    const names = new Map(PROVINCES.map((p) => [`${p.code}0000`, p.name]))
    for (const f of provinces) {
      expect(f.properties.name).toBe(names.get(String(f.properties.code)))
      expect(geometryProblem(f)).toBeNull()
    }
    const [x0, y0, x1, y1] = bboxOf(provinces)
    expect(x0).toBeGreaterThanOrEqual(CHINA_BBOX[0])
    expect(x1).toBeLessThanOrEqual(CHINA_BBOX[2])
    expect(y1).toBeLessThanOrEqual(CHINA_BBOX[3])
    // 三沙's islands are in the inset, not stretching the main map south.
    expect(y0).toBeGreaterThan(17)
  })

  it('draws 台湾, 香港, 澳门 and the 南海诸岛 inset', () => {
    const others = features(china, 'others')
    expect(others.map((f) => f.properties.code).sort()).toEqual(['710000', '810000', '820000'])
    // 钓鱼岛 and 东沙群岛 survive simplification.
    const hasPartIn = (f: Feature<Geometry, Props> | undefined, [x0, y0, x1, y1]: number[]) =>
      rings(f?.geometry ?? null).some((r) => r.every(([x, y]) => x! >= x0! && x! <= x1! && y! >= y0! && y! <= y1!))
    expect(
      hasPartIn(
        others.find((f) => f.properties.code === '710000'),
        [123.3, 25.5, 124.7, 26.1],
      ),
    ).toBe(true)
    expect(
      hasPartIn(
        features(china, 'provinces').find((f) => f.properties.code === '440000'),
        [116.5, 20.5, 117, 21],
      ),
    ).toBe(true)
    const nanhai = features(china, 'nanhai')
    expect(nanhai).toHaveLength(1)
    expect(nanhai[0]!.properties.name).toBe('南海诸岛')
    expect(geometryProblem(nanhai[0]!)).toBeNull()
    // Placed at the lower right, clear of every province.
    const [x0, y0, x1, y1] = bboxOf(nanhai)
    const [, , px1] = bboxOf([...features(china, 'provinces'), ...features(china, 'others')])
    expect(x0).toBeGreaterThan(124.7)
    expect(x1).toBeLessThan(px1)
    expect(y0).toBeGreaterThan(17)
    expect(y1).toBeLessThan(26)
  })
})

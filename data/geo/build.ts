// Geometry processing with mapshaper (as a library: applyCommands on in-memory GeoJSON).
import mapshaper from 'mapshaper'
import type { AreaGeometry, Feature, FeatureCollection, Position } from './sources.ts'

export interface CountyProps {
  code: string
  name: string
  prefecture_code: string
  prefecture: string
  panel: boolean
}

/** Settings shared by every province file; documented in data/README.md. */
export const PROVINCE_SETTINGS = {
  /** Gaps (slivers between separately simplified source files) narrower than this are filled. */
  gapWidth: '600m',
  /** Weighted Visvalingam tolerance, as a fraction of the province's larger bbox side. */
  intervalFraction: 1 / 800,
  /** TopoJSON quantization (grid cells across the file's bbox). */
  quantization: 10000,
}

export async function run(commands: string, input: Record<string, unknown>): Promise<Record<string, string>> {
  const out = await mapshaper.applyCommands(commands, input)
  const text: Record<string, string> = {}
  for (const [k, v] of Object.entries(out)) text[k] = typeof v === 'string' ? v : Buffer.from(v).toString('utf8')
  return text
}

export function bbox(geoms: AreaGeometry[]): [number, number, number, number] {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity
  for (const g of geoms) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
    for (const p of polys)
      for (const r of p)
        for (const [x, y] of r) {
          if (x < x0) x0 = x
          if (y < y0) y0 = y
          if (x > x1) x1 = x
          if (y > y1) y1 = y
        }
  }
  return [x0, y0, x1, y1]
}

/** Approximate larger side of a lon/lat bbox in metres. */
export function extentMetres([x0, y0, x1, y1]: [number, number, number, number]): number {
  const lat = ((y0 + y1) / 2) * (Math.PI / 180)
  const w = (x1 - x0) * 111_320 * Math.cos(lat)
  const h = (y1 - y0) * 110_574
  return Math.max(w, h)
}

function ringsOf(g: AreaGeometry): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()
}

/**
 * How many of the piece's vertices are vertices of the county. Pieces come out of the same
 * mapshaper dataset as the clipped counties, so a shared edge has identical coordinates.
 */
function contact(piece: AreaGeometry, countyVertices: Set<string>): number {
  let n = 0
  for (const r of ringsOf(piece)) for (const [x, y] of r) if (countyVertices.has(`${x},${y}`)) n++
  return n
}

/**
 * Fits an older prefecture file into the DataV prefecture outline so the counties tile it
 * exactly: clip the counties to the outline, then give every leftover piece of the outline
 * (slivers along it, and a ~100 km² pocket beside 北屯市 in the old 阿勒泰 file) to the
 * county it shares most boundary with. Features need a `code` property.
 */
export async function fitToOutline(
  features: FeatureCollection<{ code: string }>,
  outline: FeatureCollection<unknown>,
): Promise<FeatureCollection<{ code: string }>> {
  const cut = await run(
    [
      '-i in.json name=in -i clip.json name=clip',
      '-clip clip target=in',
      '-erase in target=clip + name=rest',
      '-explode target=rest',
      '-o format=geojson target=in,rest',
    ].join(' '),
    { 'in.json': features, 'clip.json': outline },
  )
  const clipped = JSON.parse(cut['in.json']!) as FeatureCollection<{ code: string }>
  const rest = JSON.parse(cut['rest.json'] ?? '{"type":"FeatureCollection","features":[]}') as FeatureCollection
  const pieces: Feature<{ code: string }>[] = []
  const vertices = clipped.features.map(
    (c) =>
      new Set(
        ringsOf(c.geometry)
          .flat()
          .map(([x, y]) => `${x},${y}`),
      ),
  )
  for (const p of rest.features) {
    if (!p.geometry) continue
    let best: { code: string; n: number } | null = null
    for (const [i, c] of clipped.features.entries()) {
      const n = contact(p.geometry, vertices[i]!)
      if (n > 0 && (!best || n > best.n)) best = { code: c.properties.code, n }
    }
    if (best) pieces.push({ type: 'Feature', properties: { code: best.code }, geometry: p.geometry })
  }
  const merged = await run('-i in.json -dissolve code -sort code -o out.json format=geojson', {
    'in.json': { type: 'FeatureCollection', features: [...clipped.features, ...pieces] },
  })
  return JSON.parse(merged['out.json']!) as FeatureCollection<{ code: string }>
}

/**
 * One province: clean the county mosaic (snap, resolve overlaps, fill slivers), simplify
 * with shared topology, dissolve prefectures from the simplified counties (so prefecture
 * borders reuse the county arcs) and write TopoJSON with objects `counties` and `prefectures`.
 */
export async function buildProvinceTopo(counties: Feature<CountyProps>[]): Promise<string> {
  const s = PROVINCE_SETTINGS
  const interval = Math.round(extentMetres(bbox(counties.map((f) => f.geometry))) * s.intervalFraction)
  const cmd = [
    '-i counties.json name=counties',
    `-clean gap-width=${s.gapWidth}`,
    `-simplify weighted interval=${interval}m keep-shapes`,
    '-clean',
    '-dissolve prefecture_code copy-fields=prefecture + name=prefectures',
    "-each 'code=prefecture_code, name=prefecture, delete prefecture_code, delete prefecture' target=prefectures",
    "-each 'delete prefecture' target=counties",
    '-sort code target=counties',
    '-sort code target=prefectures',
    `-o out.json format=topojson quantization=${s.quantization} target=counties,prefectures`,
  ].join(' ')
  const out = await run(cmd, { 'counties.json': { type: 'FeatureCollection', features: counties } })
  return out['out.json']!
}

// The province map's shapes as SVG path data, projected once per set of boundaries: a
// switch of indicator or year then changes only the fills, not the geometry. The same
// projection is handed to ECharts for the exported and printed map, so both look alike.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import type { BoundaryProperties } from '../geo/boundaries.ts'

const mercatorX = (lon: number) => (lon * Math.PI) / 180
const mercatorY = (lat: number) => -Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))

/** Mercator, y growing downwards as on screen; units are radians of longitude. */
export const mercator = {
  project: ([lon, lat]: number[]): number[] => [mercatorX(lon!), mercatorY(lat!)],
  unproject: ([x, y]: number[]): number[] => [(x! * 180) / Math.PI, (Math.atan(Math.exp(-y!)) * 360) / Math.PI - 90],
}

export interface MapShape {
  code: string
  name: string
  /** SVG path data in the map's viewBox. */
  d: string
}

export interface MapGeometry {
  width: number
  height: number
  /** County shapes with data in the panel, in drawing order. */
  regions: MapShape[]
  /** Shapes drawn as 无数据 whatever the indicator (a county kept only so the province has no hole). */
  fillers: MapShape[]
  /** Prefecture outlines, drawn on top. */
  outlines: MapShape[]
}

/** The viewBox width; its height follows the province's shape. */
export const MAP_WIDTH = 800
/** Blank margin around the shapes, as a share of the width. */
const PADDING = 0.02

type Features = FeatureCollection<Geometry, BoundaryProperties>

/** A feature's rings, each without its closing point (the path's Z closes it), as d3-geo streams them. */
function ringsOf(g: Geometry | null, out: Position[][] = []): Position[][] {
  if (g?.type === 'Polygon') out.push(...g.coordinates)
  else if (g?.type === 'MultiPolygon') for (const poly of g.coordinates) out.push(...poly)
  else if (g?.type === 'GeometryCollection') for (const part of g.geometries) ringsOf(part, out)
  return out
}

/** Rings in planar Mercator, unscaled (as mercator.project): x, y pairs, the closing point left out. */
const projectRings = (f: Feature<Geometry, BoundaryProperties>): Float64Array[] =>
  ringsOf(f.geometry).map((ring) => {
    const xy = new Float64Array(Math.max(ring.length - 1, 0) * 2)
    for (let i = 0; i < xy.length / 2; i++) {
      const [lon, lat] = ring[i]!
      xy[2 * i] = mercatorX(lon!)
      xy[2 * i + 1] = mercatorY(lat!)
    }
    return xy
  })

/**
 * Projects counties and prefecture outlines into one viewBox that fits the counties. The path
 * data is what d3-geo's geoPath with digits(1) writes (a test holds the two equal), built in
 * one loop over typed arrays rather than through d3-geo's stream of calls per point, which
 * also leaves d3-geo out of the first view's code.
 */
export function mapGeometry(counties: Features, outlines: Features, width = MAP_WIDTH): MapGeometry {
  const projectedCounties = counties.features.map(projectRings)
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const rings of projectedCounties)
    for (const ring of rings)
      for (let i = 0; i < ring.length; i += 2) {
        x0 = Math.min(x0, ring[i]!)
        x1 = Math.max(x1, ring[i]!)
        y0 = Math.min(y0, ring[i + 1]!)
        y1 = Math.max(y1, ring[i + 1]!)
      }
  const pad = width * PADDING
  const k = (width - 2 * pad) / Math.max(x1 - x0, 1e-9)
  const height = Math.round((y1 - y0) * k + 2 * pad)
  const [dx, dy] = [pad - x0 * k, pad - y0 * k]
  const round = (v: number) => Math.round(v * 10) / 10
  const path = (rings: Float64Array[]) => {
    let d = ''
    for (const ring of rings) {
      if (ring.length === 0) continue
      for (let i = 0; i < ring.length; i += 2)
        d += `${i === 0 ? 'M' : 'L'}${round(ring[i]! * k + dx)},${round(ring[i + 1]! * k + dy)}`
      d += 'Z'
    }
    return d
  }
  const shape = (f: Feature<Geometry, BoundaryProperties>, rings: Float64Array[]): MapShape => ({
    code: f.properties.code,
    name: f.properties.name,
    d: path(rings),
  })
  const shapes = counties.features.map((f, i) => shape(f, projectedCounties[i]!))
  const filler = (i: number) => counties.features[i]!.properties.panel === false
  return {
    width,
    height,
    regions: shapes.filter((_, i) => !filler(i)),
    fillers: shapes.filter((_, i) => filler(i)),
    outlines: outlines.features.map((f) => shape(f, projectRings(f))),
  }
}

// The province map's shapes as SVG path data, projected once per set of boundaries: a
// switch of indicator or year then changes only the fills, not the geometry. The same
// projection is handed to ECharts for the exported and printed map, so both look alike.
import { geoPath, geoTransform, type GeoPermissibleObjects } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { BoundaryProperties } from '../geo/boundaries.ts'

/** Mercator, y growing downwards as on screen; units are radians of longitude. */
export const mercator = {
  project: ([lon, lat]: number[]): number[] => [
    (lon! * Math.PI) / 180,
    -Math.log(Math.tan(Math.PI / 4 + (lat! * Math.PI) / 360)),
  ],
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

/** Planar Mercator, scaled by `k` and shifted: no spherical clipping, so ring order does not matter. */
const projected = (k: number, dx: number, dy: number) =>
  geoTransform({
    point(lon, lat) {
      const [x, y] = mercator.project([lon, lat])
      this.stream.point(x! * k + dx, y! * k + dy)
    },
  })

/** Projects counties and prefecture outlines into one viewBox that fits the counties. */
export function mapGeometry(counties: Features, outlines: Features, width = MAP_WIDTH): MapGeometry {
  const [[x0, y0], [x1, y1]] = geoPath(projected(1, 0, 0)).bounds(counties as GeoPermissibleObjects)
  const pad = width * PADDING
  const k = (width - 2 * pad) / Math.max(x1 - x0, 1e-9)
  const height = Math.round((y1 - y0) * k + 2 * pad)
  const path = geoPath(projected(k, pad - x0 * k, pad - y0 * k)).digits(1)
  const shape = (f: Feature<Geometry, BoundaryProperties>): MapShape => ({
    code: f.properties.code,
    name: f.properties.name,
    d: path(f) ?? '',
  })
  return {
    width,
    height,
    regions: counties.features.filter((f) => f.properties.panel !== false).map(shape),
    fillers: counties.features.filter((f) => f.properties.panel === false).map(shape),
    outlines: outlines.features.map(shape),
  }
}

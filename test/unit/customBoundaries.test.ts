import { describe, expect, it } from 'vitest'
import { topology } from 'topojson-server'
import { BoundaryUploadError, guessCodeProperty, matchBoundaries, parseBoundaryFile } from '../../src/geo/custom.ts'

const square = (props: Record<string, unknown>, x: number) => ({
  type: 'Feature' as const,
  properties: props,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  },
})

const counties = [
  { code: '990101', name: '甲区', prefecture_code: '990100' },
  { code: '990102', name: '乙县', prefecture_code: '990100' },
  { code: '990201', name: '丙市', prefecture_code: '990200' },
]

const geojson = {
  type: 'FeatureCollection',
  features: [
    square({ 名称: '甲区', 区划代码: '990101', id: 1 }, 0),
    square({ 名称: '乙县', 区划代码: 990102, id: 2 }, 1),
    square({ 名称: '外省县', 区划代码: '880101', id: 3 }, 2),
    square({ 名称: '甲区重复', 区划代码: '990101', id: 4 }, 3),
  ],
}

describe('own boundary files', () => {
  it('reads GeoJSON and guesses the code property', () => {
    const features = parseBoundaryFile(JSON.stringify(geojson), 'a.geojson')
    expect(features).toHaveLength(4)
    expect(guessCodeProperty(features, new Set(counties.map((c) => c.code)))).toBe('区划代码')
  })

  it('reads TopoJSON the same way', () => {
    const topo = topology({ areas: geojson as never })
    const features = parseBoundaryFile(JSON.stringify(topo), 'a.topojson')
    expect(features.map((f) => f.properties?.['名称'])).toEqual(['甲区', '乙县', '外省县', '甲区重复'])
  })

  it('lists unmatched features and counties without a shape, and merges prefecture outlines', () => {
    const features = parseBoundaryFile(JSON.stringify(geojson), 'a.geojson')
    const m = matchBoundaries(features, '区划代码', counties)
    expect(m.matched).toBe(2)
    expect(m.unmatchedFeatures).toEqual([
      { index: 2, value: '880101', name: '外省县' },
      { index: 3, value: '990101', name: '甲区重复' },
    ])
    expect(m.missingCounties.map((c) => c.code)).toEqual(['990201'])
    expect(m.boundaries.counties.features.map((f) => f.properties)).toEqual([
      { code: '990101', name: '甲区', prefecture_code: '990100' },
      { code: '990102', name: '乙县', prefecture_code: '990100' },
    ])
    expect(m.boundaries.prefectures.features).toHaveLength(1)
    expect(m.boundaries.prefectures.features[0]!.properties.code).toBe('990100')
  })

  it('says what is wrong with a file that is not boundaries', () => {
    expect(() => parseBoundaryFile('<svg>', 'x.json')).toThrow(BoundaryUploadError)
    expect(() => parseBoundaryFile('<svg>', 'x.json')).toThrow('边界文件 x.json：不是有效的 JSON 文件。')
    expect(() => parseBoundaryFile('{"type":"Feature"}', 'y.json')).toThrow(
      '既不是 GeoJSON 的 FeatureCollection，也不是 TopoJSON',
    )
    expect(() =>
      parseBoundaryFile(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}}]}',
        'z.json',
      ),
    ).toThrow('没有面状要素')
  })
})

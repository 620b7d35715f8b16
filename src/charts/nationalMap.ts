// China by province, coloured by each province's figure, with 南海诸岛 as the customary
// inset at the lower right rather than stretching the map southwards. On screen the shapes are
// SVG of our own (NationalMap.vue), so the landing page needs no chart library; exports and
// printouts draw the same shapes through ECharts, with the same projection and colours.
import type { ComposeOption } from 'echarts/core'
import type { MapSeriesOption } from 'echarts/charts'
import type { GeoComponentOption } from 'echarts/components'
import type { FeatureCollection, Geometry } from 'geojson'
import type { BoundaryProperties, ChinaBoundaries } from '../geo/boundaries.ts'
import type { Indicator } from '../indicators/catalog.ts'
import { formatChange, formatValue } from '../indicators/format.ts'
import type { ProvinceFigureRow } from '../queries/national.ts'
import type { MapTooltip } from './choropleth.ts'
import { classOf, type MapClass } from './mapClasses.ts'
import { mapGeometry, mercator, type MapGeometry } from './mapGeometry.ts'
import { BORDER_COLOR, NO_DATA_COLOR } from './palette.ts'

export type NationalMapOption = ComposeOption<MapSeriesOption | GeoComponentOption>

export interface NationalMapInput {
  provincesMap: string
  nanhaiMap: string
  rows: readonly ProvinceFigureRow[]
  indicator: Indicator
  year: number
  classes: readonly MapClass[]
}

/** What the map's tooltip says of one province; rendered as text, so nothing from data is markup. */
export function provinceTip(row: ProvinceFigureRow, ind: Indicator, year: number): MapTooltip {
  const judged = row.pass + row.basic + row.fail
  return {
    name: row.name,
    prefecture: '',
    lines: [
      { label: `${ind.label}（${year}年）`, value: formatValue(row.figure, ind) },
      { label: '较上年', value: formatChange(row.figure, row.prev_figure, ind) },
      ...(judged > 0 ? [{ label: '达标区县', value: `${row.pass} / ${judged}个` }] : []),
    ],
    doubts: [],
    spark: null,
  }
}

/** Each province's fill: its class colour. */
export function provinceFills(rows: readonly ProvinceFigureRow[], classes: readonly MapClass[]): Map<string, string> {
  return new Map(rows.map((r) => [r.code, classOf({ value: r.figure, status: r.status }, classes).color]))
}

/** The viewBox width of the 南海诸岛 inset. */
const INSET_WIDTH = 200
const NO_OUTLINES: FeatureCollection<Geometry, BoundaryProperties> = { type: 'FeatureCollection', features: [] }

/** Where the inset sits in the main map's viewBox, as shares of its width and height: the lower right, clear of 台湾. */
const INSET_BOX = { x: 0.82, y: 0.64, width: 0.16, height: 0.33 }

export interface NationalGeometry {
  main: MapGeometry
  inset: MapGeometry
  /** The inset's frame in the main map's viewBox, so that it stays beside the coast at any size. */
  insetBox: { x: number; y: number; width: number; height: number }
}

/** The provinces and the 南海诸岛 inset, projected once. */
export function nationalGeometry(b: ChinaBoundaries): NationalGeometry {
  const main = mapGeometry(b.provinces, NO_OUTLINES)
  return {
    main,
    inset: mapGeometry(b.nanhai, NO_OUTLINES, INSET_WIDTH),
    insetBox: {
      x: main.width * INSET_BOX.x,
      y: main.height * INSET_BOX.y,
      width: main.width * INSET_BOX.width,
      height: main.height * INSET_BOX.height,
    },
  }
}

export function nationalMapOption(input: NationalMapInput): NationalMapOption {
  const fills = provinceFills(input.rows, input.classes)
  return {
    animation: false,
    geo: {
      map: input.nanhaiMap,
      silent: true,
      left: '82%',
      top: '68%',
      width: '15%',
      height: '27%',
      projection: mercator,
      itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#888', borderWidth: 0.5 },
      label: { show: false },
    },
    series: [
      {
        type: 'map',
        map: input.provincesMap,
        nameProperty: 'code',
        left: '3%',
        top: '3%',
        right: '3%',
        bottom: '3%',
        projection: mercator,
        selectedMode: false,
        silent: true,
        data: input.rows.map((r) => ({
          name: r.code,
          value: r.figure ?? Number.NaN,
          itemStyle: { areaColor: fills.get(r.code) },
        })),
        itemStyle: { borderColor: BORDER_COLOR, borderWidth: 0.8, areaColor: NO_DATA_COLOR },
        label: { show: false },
      },
    ],
  }
}

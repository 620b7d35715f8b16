// Boundaries that ECharts options name as maps (the exported and printed province map, the
// national map). Whoever loads boundaries declares them here, without loading ECharts;
// ECharts registers each one once it is loaded itself (charts/setup.ts).
import type { FeatureCollection } from 'geojson'

type Listener = (name: string, geo: FeatureCollection) => void

const maps = new Map<string, FeatureCollection>()
const listeners: Listener[] = []

export function declareMap(name: string, geo: FeatureCollection): void {
  if (maps.has(name)) return
  maps.set(name, geo)
  for (const l of listeners) l(name, geo)
}

/** Calls `listener` for every map declared so far, then for each one declared later. */
export function onMapDeclared(listener: Listener): void {
  for (const [name, geo] of maps) listener(name, geo)
  listeners.push(listener)
}

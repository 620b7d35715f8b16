import { inject, type InjectionKey } from 'vue'
import type { DataService } from '../service/service.ts'

export const DATA_SERVICE: InjectionKey<DataService> = Symbol('DataService')

/** The data service chosen at the entry point (DuckDB-wasm in the browser). */
export function useDataService(): DataService {
  const service = inject(DATA_SERVICE)
  if (!service) throw new Error('DataService was not provided')
  return service
}

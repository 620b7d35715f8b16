import { defineStore } from 'pinia'
import { shallowRef, triggerRef } from 'vue'
import type { ProvinceBoundaries } from '../geo/boundaries.ts'

export interface CustomBoundaries extends ProvinceBoundaries {
  file: string
  /** Bumped on each upload so ECharts registers a fresh map name. */
  version: number
}

/** Boundaries a user loaded for a province, in place of the bundled ones until reset. */
export const useBoundaryStore = defineStore('boundaries', () => {
  const custom = shallowRef(new Map<string, CustomBoundaries>())
  let version = 0

  function use(province: string, boundaries: ProvinceBoundaries, file: string): void {
    custom.value.set(province, { ...boundaries, file, version: ++version })
    triggerRef(custom)
  }

  function reset(province: string): void {
    custom.value.delete(province)
    triggerRef(custom)
  }

  return { custom, use, reset }
})

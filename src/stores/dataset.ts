import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Manifest } from '../service/dataset.ts'
import type { StartProgress } from '../db/types.ts'

/** The loaded dataset and the state of the engine that serves it. */
export const useDatasetStore = defineStore('dataset', () => {
  const progress = ref<StartProgress>({ phase: 'download' })
  const error = ref<string | null>(null)
  const manifest = shallowRef<Manifest | null>(null)
  /** Bumped when the panel's rows are replaced (an import accepted or cleared): every query runs again. */
  const version = ref(0)

  const ready = computed(() => progress.value.phase === 'ready')
  const simulated = computed(() => manifest.value?.simulated ?? true)
  const sourceLabel = computed(() => (simulated.value ? '模拟数据' : (manifest.value?.label ?? '')))
  const years = computed(() => manifest.value?.years ?? [])
  const provinces = computed(() => manifest.value?.provinces ?? [])

  function setProgress(p: StartProgress): void {
    progress.value = p
  }

  function fail(message: string): void {
    error.value = message
  }

  function setManifest(m: Manifest): void {
    manifest.value = m
  }

  function replaceData(m: Manifest): void {
    manifest.value = m
    version.value++
  }

  return {
    progress,
    error,
    manifest,
    version,
    ready,
    simulated,
    sourceLabel,
    years,
    provinces,
    setProgress,
    fail,
    setManifest,
    replaceData,
  }
})

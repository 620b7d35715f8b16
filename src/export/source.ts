// How a figure names its data wherever it leaves the app (images, tables, printouts), so
// that simulated numbers always say so in the same words.

/** The bundled data as every export names it. */
export const SIMULATED_SOURCE = '模拟数据（按全国统计公报校准，并非任何区县的真实统计）'

export interface SourceMeta {
  /** 模拟数据, or the names of the user's files. */
  source: string
  simulated: boolean
}

export function sourceName(meta: SourceMeta): string {
  return meta.simulated ? SIMULATED_SOURCE : meta.source
}

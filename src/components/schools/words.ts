// How the 学校 section words its figures: an undefined coefficient says why, never 0.
import { formatNumber, MISSING } from '../../indicators/format.ts'
import type { CvReason } from '../../queries/schoolCv.ts'
import type { SchoolIndicator } from '../../schools/indicators.ts'

const REASON_WORDS: Readonly<Record<CvReason, string>> = {
  single: '仅1所学校，无法计算',
  no_data: '无数据',
  zero_mean: '均值为0，无法计算',
}

/** A 差异系数 to three decimals (as the reported one), or why there is none. */
export function cvText(cv: number | null, reason: CvReason | null): string {
  return cv === null ? REASON_WORDS[reason ?? 'no_data'] : formatNumber(cv, 3)
}

/** A school's or the county's value of an indicator, with its unit when asked. */
export function valueText(value: number | null, ind: SchoolIndicator, unit = false): string {
  return value === null ? MISSING : `${formatNumber(value, ind.digits)}${unit ? ind.unit : ''}`
}

/** A share of the weighted variance, as a percentage. */
export const shareText = (share: number): string => `${formatNumber(share * 100, 1)}%`

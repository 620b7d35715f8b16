// Deliberate gaps so 无数据 has something true to show.
import { YEARS } from '../targets.ts'
import { kernels, type SimContext } from './context.ts'

const { at } = kernels

/**
 * Codes are current GB/T 2260. Kept to a handful of county-years; enrolments are never
 * missing.
 */
export const DELIBERATE_GAPS: readonly { code: string; year: number; fields: readonly string[]; why: string }[] = [
  {
    code: '540221',
    year: 2016,
    fields: ['spend_kg', 'spend_pri', 'spend_jun', 'spend_sh', 'spend_vs'],
    why: 'stage spending not reported',
  },
  {
    code: '230127',
    year: 2019,
    fields: ['spend_kg', 'spend_pri', 'spend_jun', 'spend_sh', 'spend_vs'],
    why: 'stage spending not reported',
  },
  { code: '620421', year: 2017, fields: ['edu_budget', 'budget_total'], why: 'budget return missing' },
  { code: '450124', year: 2015, fields: ['teacher_salary', 'civil_salary'], why: 'salary survey missing' },
]

/** Whether county i's field is withheld from the published file in year index t. */
export type IsGap = (i: number, t: number, field: string) => boolean

export function deliberateGaps(ctx: SimContext): IsGap {
  const gaps = new Map<string, readonly string[]>()
  for (const gap of DELIBERATE_GAPS) {
    const i = ctx.counties.findIndex((c) => c.code === gap.code)
    if (i < 0) throw new Error(`deliberate gap: ${gap.code} is not in the panel`)
    gaps.set(`${i}:${gap.year}`, gap.fields)
  }
  return (i, t, field) => gaps.get(`${i}:${at(YEARS, t)}`)?.includes(field) ?? false
}

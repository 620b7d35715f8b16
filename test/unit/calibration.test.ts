// The bundled 模拟数据 against the published national statistics: every value marked F
// (found) or D (derived) in data/reference/national_indicators_2015_2024.csv must be met
// by the panel's national figure, computed with the dashboard's own SQL: ±1 percentage
// point for rates, ±3% for everything else.
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { getIndicator, type Indicator } from '../../src/indicators/catalog.ts'
import { nationalSeriesQuery } from '../../src/queries/aggregates.ts'
import type { Database } from '../../src/db/types.ts'
import { bundledDatabase } from '../support/bundled.ts'

interface Published {
  indicator: string
  year: string
  value: string
  unit: string
  status: string
}

/** Published series → the catalog indicator that measures it, with a unit factor. */
const SERIES: Record<string, { id: string; factor?: number }> = {
  学前三年毛入园率: { id: 'kg_gross_enrol_rate' },
  九年义务教育巩固率: { id: 'consolidation_rate' },
  高中阶段毛入学率: { id: 'hs_gross_enrol_rate' },
  '普惠性幼儿园覆盖率(普惠园在园幼儿占比)': { id: 'kg_inclusive_rate' },
  '公办园在园幼儿占比(=1-民办园在园占比)': { id: 'kg_public_share' },
  '幼儿园生师比(在园幼儿/专任教师)': { id: 'kg_pupil_teacher' },
  小学生师比: { id: 'pri_pupil_teacher' },
  初中生师比: { id: 'jun_pupil_teacher' },
  普通高中生师比: { id: 'sh_pupil_teacher' },
  小学专任教师本科及以上比例: { id: 'pri_bachelor_share' },
  初中专任教师本科及以上比例: { id: 'jun_bachelor_share' },
  义务教育56人以上大班额占班级比例: { id: 'large_class_share' },
  义务教育66人以上超大班额占班级比例: { id: 'huge_class_share' },
  大班额班级数: { id: 'large_class_count', factor: 1e-4 },
  超大班额班级数: { id: 'huge_class_count', factor: 1e-4 },
  一般公共预算教育经费: { id: 'edu_budget', factor: 1e-4 },
  一般公共预算教育经费增长: { id: 'edu_budget_growth' },
  一般公共预算教育经费占一般公共预算支出: { id: 'edu_budget_share' },
  '生均一般公共预算教育经费-幼儿园': { id: 'per_student_kg' },
  '生均一般公共预算教育经费-普通小学': { id: 'per_student_pri' },
  '生均一般公共预算教育经费-普通初中': { id: 'per_student_jun' },
  '生均一般公共预算教育经费-普通高中': { id: 'per_student_sh' },
}

const published = Papa.parse<Published>(readFileSync('data/reference/national_indicators_2015_2024.csv', 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data
const targets = published.filter((p) => (p.status === 'F' || p.status === 'D') && SERIES[p.indicator])

let db: Database
const national = new Map<string, Map<number, number | null>>()

beforeAll(async () => {
  db = (await bundledDatabase('all')).db
  for (const { id } of Object.values(SERIES)) {
    const rows = await db.query<{ year: number; figure: number | null }>(nationalSeriesQuery(getIndicator(id)))
    national.set(id, new Map(rows.map((r) => [r.year, r.figure])))
  }
}, 180_000)

describe('calibration of the simulated panel', () => {
  it('meets every published F/D national figure', () => {
    const lines: string[] = ['指标 | 年份 | 公布值 | 模拟值 | 差']
    const misses: string[] = []
    for (const t of targets) {
      const { id, factor = 1 } = SERIES[t.indicator]!
      const ind: Indicator = getIndicator(id)
      const raw = national.get(id)?.get(Number(t.year))
      if (raw === undefined || raw === null) {
        // Growth in the first panel year needs the year before it.
        expect(ind.growth && Number(t.year) === 2015, `${t.indicator} ${t.year}`).toBe(true)
        continue
      }
      const simulated = raw * factor
      const target = Number(t.value)
      const rate = t.unit === '%'
      const diff = rate ? simulated - target : (simulated / target - 1) * 100
      const ok = Math.abs(diff) <= (rate ? 1 : 3)
      lines.push(
        `${t.indicator} | ${t.year} | ${t.value}${t.unit} | ${simulated.toFixed(2)} | ${diff >= 0 ? '+' : ''}${diff.toFixed(2)}${rate ? '个百分点' : '%'}${ok ? '' : '  ✗'}`,
      )
      if (!ok) misses.push(lines.at(-1)!)
    }
    console.log(lines.join('\n'))
    expect(targets.length).toBeGreaterThan(100)
    expect(misses).toEqual([])
  })
})

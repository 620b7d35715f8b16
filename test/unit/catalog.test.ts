import { describe, expect, it } from 'vitest'
import { INDICATORS, thresholdFor, getIndicator } from '../../src/indicators/catalog.ts'
import { RAW_FIELDS } from '../../src/indicators/fields.ts'
import { NOT_EVALUATED, RULES } from '../../src/indicators/rules.ts'

const FIELD_IDS = new Set(RAW_FIELDS.map((f) => f.id))
const identifiers = (sql: string) => sql.match(/\b[a-z][a-z0-9_]*\b/g) ?? []

describe('indicator catalog', () => {
  it('has unique ids', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length)
  })

  it('builds formulas only from raw fields, and lists the fields it reads', () => {
    for (const ind of INDICATORS) {
      const used = [...identifiers(ind.num), ...identifiers(ind.den ?? '')]
      for (const name of used) expect(FIELD_IDS, `${ind.id} uses ${name}`).toContain(name)
      expect(new Set(ind.fields), ind.id).toEqual(new Set(used))
    }
  })

  it('covers every indicator of the users’ indicator set (reference/indicators.md)', () => {
    const labels = INDICATORS.map((i) => i.label)
    const expected = [
      '一般公共预算教育支出',
      '一般公共预算教育支出增长率',
      '教育支出占一般公共预算支出比例',
      '幼儿园生均一般公共预算教育支出',
      '普通小学生均一般公共预算教育支出',
      '普通初中生均一般公共预算教育支出',
      '普通高中生均一般公共预算教育支出',
      '中职生均一般公共预算教育支出',
      '普通小学生均一般公共预算教育支出增长率',
      '义务教育教师与公务员年平均工资差额',
      '学前三年毛入园率',
      '普惠性幼儿园覆盖率',
      '公办园在园幼儿占比',
      '幼儿园生师比',
      '义务教育大班额比例',
      '义务教育大班额班级数',
      '义务教育超大班额班级数',
      '小学生与教职工比',
      '初中生与教职工比',
      '小学本科及以上学历专任教师比例',
      '初中本科及以上学历专任教师比例',
      '九年义务教育巩固率',
      '小学校际差异系数',
      '初中校际差异系数',
      '随迁子女在公办学校就读比例',
      '残疾儿童少年入学率',
      '高中阶段毛入学率',
      '普通高中生与教职工比',
      '普通高中大班额比例',
      '中职招生占高中阶段招生比例',
      '教师交流轮岗比例',
      '交流轮岗教师中骨干教师比例',
      '小学每百名学生拥有高于规定学历教师数',
      '初中每百名学生拥有高于规定学历教师数',
      '小学平均班额',
      '初中平均班额',
    ]
    for (const label of expected) expect(labels).toContain(label)
  })

  it('every threshold names its document and periods do not overlap', () => {
    for (const ind of INDICATORS) {
      for (const t of ind.thresholds) expect(t.doc.length, ind.id).toBeGreaterThan(4)
      for (let y = 2010; y <= 2030; y++) {
        const inForce = ind.thresholds.filter((t) => y >= t.from && (t.to === undefined || y <= t.to))
        expect(inForce.length, `${ind.id} ${y}`).toBeLessThanOrEqual(1)
      }
    }
  })

  it('changes targets with the policy years', () => {
    expect(thresholdFor(getIndicator('kg_gross_enrol_rate'), 2020)?.value).toBe(85)
    expect(thresholdFor(getIndicator('kg_gross_enrol_rate'), 2021)?.value).toBe(90)
    expect(thresholdFor(getIndicator('kg_inclusive_rate'), 2021)?.value).toBe(85)
    expect(thresholdFor(getIndicator('large_class_share'), 2020)?.value).toBe(5)
    expect(thresholdFor(getIndicator('large_class_share'), 2019)).toBeUndefined()
    expect(thresholdFor(getIndicator('huge_class_share'), 2018)?.value).toBe(2)
    expect(thresholdFor(getIndicator('consolidation_rate'), 2024)?.doc).toContain('十三五')
    expect(thresholdFor(getIndicator('consolidation_rate'), 2025)?.value).toBe(96)
  })

  it('bands 差异系数 with the 基本均衡 lines', () => {
    expect(thresholdFor(getIndicator('cv_primary'), 2024)).toMatchObject({ value: 0.5, basic: { value: 0.65 } })
    expect(thresholdFor(getIndicator('cv_junior'), 2024)).toMatchObject({ value: 0.45, basic: { value: 0.55 } })
  })

  it('lists each policy line it cannot judge once, with its document and the data it lacks, apart from the judged rules', () => {
    const judged = new Set(RULES.map((r) => r.id))
    expect(new Set(NOT_EVALUATED.map((u) => u.id)).size).toBe(NOT_EVALUATED.length)
    for (const u of NOT_EVALUATED) {
      expect(judged.has(u.id), u.id).toBe(false)
      expect(u.doc.length, u.id).toBeGreaterThan(4)
      expect(u.missing.length, u.id).toBeGreaterThan(4)
    }
    expect(NOT_EVALUATED.map((u) => u.title)).toEqual(
      expect.arrayContaining([
        '幼儿园保教人员与幼儿比',
        '在编幼儿教师比例',
        '生均教学及辅助用房面积',
        '生均体育运动场馆面积',
        '生均教学仪器设备值',
        '初中三年巩固率',
        '国家财政性教育经费占GDP比例',
        '年生均拨款标准',
      ]),
    )
  })
})

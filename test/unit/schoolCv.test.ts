// 校际差异系数 from school rows, on the browser's engine: the hand-worked fixture
// (test/fixtures/school-cv/README.md) and one bundled province.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parquetToIPC } from '../../src/db/parquet.ts'
import { SCHOOL_TABLE_COLUMNS } from '../../src/db/schema.ts'
import type { Database } from '../../src/db/types.ts'
import { schoolCvQuery, schoolValuesQuery, type SchoolCvRow, type SchoolValuesRow } from '../../src/queries/schoolCv.ts'
import { readSchoolFilesSql, schoolRowsSql } from '../../src/queries/schools.ts'
import { SCHOOL_FIELDS, schoolColumnOf } from '../../src/schools/fields.ts'
import {
  CV_LINES,
  SCHOOL_INDICATORS,
  judgeCv,
  type CvSection,
  type SchoolIndicatorId,
} from '../../src/schools/indicators.ts'
import { createNodeDatabase } from '../support/nodeDb.ts'
import { DATA_DIR } from '../support/bundled.ts'

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'school-cv', 'schools.csv')

type Raw = Record<string, string | number | null>

async function fixtureDatabase(): Promise<Database> {
  const db = await createNodeDatabase()
  const headers = readFileSync(FIXTURE, 'utf8').split('\n')[0]!.trim().split(',')
  const columns = new Map(headers.map((h) => [h, schoolColumnOf(h)!]))
  await db.exec(`CREATE TABLE schools AS ${schoolRowsSql(readSchoolFilesSql([FIXTURE], 'csv'), columns)}`)
  return db
}

const pick = (rows: readonly SchoolCvRow[], code: string, section: CvSection, indicator: string): SchoolCvRow => {
  const row = rows.find((r) => r.code === code && r.section === section && r.indicator === indicator)
  if (!row) throw new Error(`no row ${code} ${section} ${indicator}`)
  return row
}

/**
 * The definition restated from the rows, apart from the SQL: the schools of a section with
 * pupils, 教学点 left out, and a whole-school input shared by the parts' pupils.
 */
const COUNTED: Readonly<Record<CvSection, readonly string[]>> = {
  pri: ['小学', '九年一贯制学校'],
  jun: ['初中', '九年一贯制学校', '完全中学'],
}
function countyRatios(rows: readonly Raw[]): Map<string, number> {
  const sums = new Map<string, { num: number; enrol: number }>()
  for (const r of rows) {
    for (const section of ['pri', 'jun'] as const) {
      const enrol = Number(r[`${section}_enrol`] ?? 0)
      if (!COUNTED[section].includes(String(r['stage'])) || enrol <= 0) continue
      const whole = Number(r['pri_enrol'] ?? 0) + Number(r['jun_enrol'] ?? 0) + Number(r['sh_enrol'] ?? 0)
      for (const ind of SCHOOL_INDICATORS) {
        const input = r[ind.input[section]]
        if (input === null || input === undefined) continue
        const wholeSchool = SCHOOL_FIELDS.find((f) => f.id === ind.input[section])!.section === 'school'
        const key = `${r['code']} ${r['year']} ${section} ${ind.id}`
        const s = sums.get(key) ?? { num: 0, enrol: 0 }
        s.num += ind.scale * Number(input) * (wholeSchool ? enrol / whole : 1)
        s.enrol += enrol
        sums.set(key, s)
      }
    }
  }
  return new Map([...sums].map(([k, s]) => [k, s.num / s.enrol]))
}

describe('校际差异系数 on the hand-worked fixture', () => {
  let db: Database
  let cv: SchoolCvRow[]
  beforeAll(async () => {
    db = await fixtureDatabase()
    cv = await db.query<SchoolCvRow>(schoolCvQuery('schools', '99'))
  })

  it('gives the README’s X̄, S and CV for 用房 and 高于规定学历 (小学) and 仪器设备 (初中)', () => {
    expect(pick(cv, '990101', 'pri', 'building_area')).toMatchObject({ schools: 3, left_out: 1, enrol: 1100 })
    const close = (row: SchoolCvRow, mean: number, sd: number, value: number) => {
      expect(row.mean).toBeCloseTo(mean, 6)
      expect(row.sd).toBeCloseTo(sd, 6)
      expect(row.cv).toBeCloseTo(value, 6)
      expect(row.reason).toBeNull()
    }
    close(pick(cv, '990101', 'pri', 'building_area'), 58 / 11, Math.sqrt(222) / 11, Math.sqrt(222) / 58)
    close(pick(cv, '990101', 'pri', 'qualified_teachers'), 54 / 11, Math.sqrt(120) / 11, Math.sqrt(120) / 54)
    close(pick(cv, '990101', 'jun', 'equipment_value'), 19000 / 7, Math.sqrt(38e6) / 7, Math.sqrt(38e6) / 19000)
    // Four decimals, as the README reads them.
    expect(pick(cv, '990101', 'pri', 'building_area').cv!.toFixed(4)).toBe('0.2569')
    expect(pick(cv, '990101', 'pri', 'qualified_teachers').cv!.toFixed(4)).toBe('0.2029')
    expect(pick(cv, '990101', 'jun', 'equipment_value').cv!.toFixed(4)).toBe('0.3244')
    expect(pick(cv, '990101', 'pri', 'composite').cv!.toFixed(4)).toBe('0.1690')
    expect(pick(cv, '990101', 'jun', 'composite').cv!.toFixed(4)).toBe('0.1394')
  })

  it('weights by enrolment: the big school on the mean pulls the coefficient far below the unweighted one', async () => {
    const row = pick(cv, '990103', 'pri', 'building_area')
    expect(row).toMatchObject({ schools: 3, enrol: 2100, mean: 5 })
    expect(row.cv).toBeCloseTo(4 / Math.sqrt(21) / 5, 6)
    const schools = (await db.query<SchoolValuesRow>(schoolValuesQuery('schools', '990103', 2024))).filter(
      (s) => s.in_cv,
    )
    const xs = schools.map((s) => s.building_area!)
    expect(xs).toEqual([5, 1, 9])
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length
    const unweighted = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length) / mean
    expect(unweighted).toBeCloseTo(0.653197, 6)
    expect(row.cv! * 3).toBeLessThan(unweighted)
    expect(schools.map((s) => s.building_area_share)).toEqual([0, 0.5, 0.5])
  })

  it('makes X̄ the county’s own ratio Σ numerator ÷ Σ enrolment, for every indicator and section', async () => {
    const raw = await db.query<Raw>({ sql: 'SELECT * FROM schools', params: [] })
    const ratios = countyRatios(raw)
    const defined = cv.filter((r) => r.indicator !== 'composite' && r.schools > 0)
    expect(defined).toHaveLength(7 + 7 + 7 + 4)
    for (const r of defined)
      expect(r.mean, `${r.code} ${r.section} ${r.indicator}`).toBeCloseTo(
        ratios.get(`${r.code} ${r.year} ${r.section} ${r.indicator}`)!,
        6,
      )
  })

  it('shares a 九年一贯制学校’s and a 完全中学’s whole-school resources by enrolment; teachers stay per part', async () => {
    const rows = await db.query<SchoolValuesRow>(schoolValuesQuery('schools', '990101', 2024))
    expect(rows.map((r) => `${r.section} ${r.school_id}`)).toEqual([
      'pri 9901010001',
      'pri 9901010002',
      'pri 9901010003',
      'pri 9901010005',
      'jun 9901010003',
      'jun 9901010004',
      'jun 9901010006',
    ])
    const [cPri, cJun] = rows.filter((r) => r.stage === '九年一贯制学校')
    const whole = ['building_area', 'sports_area', 'equipment_value', 'multimedia_rooms'] as const
    for (const id of whole) expect(cPri![id]).toBe(cJun![id])
    expect(whole.map((id) => cPri![id])).toEqual([4, 8, 3000, 2])
    expect([cPri!.enrol, cPri!.qualified_teachers, cJun!.enrol, cJun!.qualified_teachers]).toEqual([300, 6, 200, 5])
    const f = rows.find((r) => r.stage === '完全中学')!
    expect([f.enrol, f.building_area, f.equipment_value]).toEqual([400, 7, 4000])
  })

  it('lists 教学点 but leaves them out of the coefficient and counts them, as it does empty inputs', async () => {
    const rows = await db.query<SchoolValuesRow>(schoolValuesQuery('schools', '990101', 2024))
    const point = rows.find((r) => r.stage === '教学点')!
    expect(point).toMatchObject({ in_cv: false, enrol: 20, building_area: 5, qualified_teachers: 5 })
    for (const ind of SCHOOL_INDICATORS) expect(point[`${ind.id}_share`]).toBeNull()
    expect(rows.filter((r) => r.stage !== '教学点').every((r) => r.in_cv)).toBe(true)
    expect(pick(cv, '990101', 'pri', 'qualified_teachers')).toMatchObject({ schools: 3, left_out: 1 })
    expect(pick(cv, '990101', 'pri', 'pe_arts_teachers')).toMatchObject({ schools: 2, left_out: 2, enrol: 900 })
    expect(pick(cv, '990101', 'pri', 'composite')).toMatchObject({ schools: 3, left_out: 1, enrol: 1100 })
    // The counted schools' shares of each indicator's variance make the whole of it.
    for (const ind of SCHOOL_INDICATORS) {
      const pri = rows.filter((r) => r.section === 'pri').map((r) => r[`${ind.id}_share`] ?? 0)
      expect(
        pri.reduce((a, s) => a + s, 0),
        ind.id,
      ).toBeCloseTo(1, 5)
    }
    const b = rows.find((r) => r.school_id === '9901010002')!
    expect(b.building_area_share).toBeCloseTo(180000 / 244200, 6)
  })

  it('gives NULL, never 0, where the coefficient is undefined, and says why', () => {
    for (const ind of SCHOOL_INDICATORS) {
      expect(pick(cv, '990102', 'pri', ind.id)).toMatchObject({
        schools: 1,
        left_out: 0,
        cv: null,
        sd: 0,
        reason: 'single',
      })
      expect(pick(cv, '990102', 'jun', ind.id)).toMatchObject({ schools: 0, enrol: null, cv: null, reason: 'no_data' })
    }
    expect(pick(cv, '990102', 'pri', 'composite')).toMatchObject({ schools: 1, cv: null, reason: 'single' })
    expect(pick(cv, '990102', 'jun', 'composite')).toMatchObject({ schools: 0, cv: null, reason: 'no_data' })
    expect(pick(cv, '990103', 'pri', 'qualified_teachers')).toMatchObject({
      schools: 0,
      left_out: 3,
      cv: null,
      reason: 'no_data',
    })
    expect(pick(cv, '990103', 'pri', 'multimedia_rooms')).toMatchObject({
      schools: 3,
      mean: 0,
      cv: null,
      reason: 'zero_mean',
    })
    expect(pick(cv, '990103', 'pri', 'composite')).toMatchObject({ cv: null, reason: 'no_data' })
    // Equal values everywhere: a defined 0, and no variance to share.
    expect(pick(cv, '990101', 'jun', 'backbone_teachers')).toMatchObject({ schools: 3, cv: 0, reason: null })
    expect(cv.filter((r) => r.code === '990102')).toHaveLength(2 * 8)
  })

  it('counts the 办法’s lines each school reaches, and those within 85 % of theirs', async () => {
    const rows = await db.query<SchoolValuesRow>(schoolValuesQuery('schools', '990101', 2024))
    expect(rows.map((r) => [r.school_id.slice(-1), r.section, r.lines_met, r.lines_near])).toEqual([
      ['1', 'pri', 6, 1],
      ['2', 'pri', 1, 2],
      ['3', 'pri', 5, 2],
      ['5', 'pri', 2, 0],
      ['3', 'jun', 3, 1],
      ['4', 'jun', 4, 1],
      ['6', 'jun', 7, 0],
    ])
  })

  it('limits the statement to one county, and to the province by its code or its prefix', async () => {
    const one = await db.query<SchoolCvRow>(schoolCvQuery('schools', null, '990103'))
    expect(new Set(one.map((r) => r.code))).toEqual(new Set(['990103']))
    expect(await db.query(schoolCvQuery('schools', '990000'))).toEqual(cv)
    expect(await db.query(schoolCvQuery('schools', '98'))).toEqual([])
  })
})

describe('judgeCv', () => {
  it('passes a coefficient on the line and fails one just past it, per section', () => {
    expect(CV_LINES).toEqual({ pri: { met: 0.5, basic: 0.65 }, jun: { met: 0.45, basic: 0.55 } })
    const cases: [CvSection, number | null, string][] = [
      ['pri', 0, '达标'],
      ['pri', 0.5, '达标'],
      ['pri', 0.5000001, '基本达标'],
      ['pri', 0.65, '基本达标'],
      ['pri', 0.6500001, '未达标'],
      ['jun', 0.45, '达标'],
      ['jun', 0.4500001, '基本达标'],
      ['jun', 0.5, '基本达标'],
      ['jun', 0.55, '基本达标'],
      ['jun', 0.5500001, '未达标'],
      ['pri', null, '无数据'],
    ]
    expect(cases.map(([s, v]) => judgeCv(s, v))).toEqual(cases.map((c) => c[2]))
  })
})

describe('校际差异系数 of a bundled province', () => {
  it('computes every county-year of 460000 in one statement: CVs in range, 综合 the mean of the 7', async () => {
    const db = await createNodeDatabase()
    const b = readFileSync(join(DATA_DIR, 'schools', '460000.parquet'))
    const ipc = await parquetToIPC(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), SCHOOL_TABLE_COLUMNS)
    await db.insertIPC('schools', ipc)
    const rows = await db.query<SchoolCvRow>(schoolCvQuery('schools', '460000'))
    const [{ n }] = (await db.query<{ n: number }>({
      sql: 'SELECT count(*) AS n FROM (SELECT DISTINCT code, year FROM schools)',
      params: [],
    })) as [{ n: number }]
    expect(rows).toHaveLength(n * 2 * 8)
    expect(rows.filter((r) => r.cv !== null).length).toBeGreaterThan(rows.length / 2)
    for (const r of rows) {
      expect(r.cv === null || (r.cv >= 0 && r.cv < 2), `${r.code} ${r.year} ${r.section} ${r.indicator} ${r.cv}`).toBe(
        true,
      )
      expect(r.reason === null, `${r.code} ${r.year} ${r.section} ${r.indicator}`).toBe(r.cv !== null)
    }
    // Rows come in the catalog's order, each section's 7 then its 综合.
    const order = [...SCHOOL_INDICATORS.map((i) => i.id), 'composite']
    for (let k = 0; k < rows.length; k += order.length) {
      const group = rows.slice(k, k + order.length)
      const key = `${group[0]!.code} ${group[0]!.year} ${group[0]!.section}`
      expect(group.map((r) => `${r.code} ${r.year} ${r.section} ${r.indicator}`)).toEqual(
        order.map((i) => `${key} ${i}`),
      )
      const parts = group.slice(0, -1).flatMap((r) => (r.cv === null ? [] : [r.cv]))
      const composite = group.at(-1)!.cv
      if (parts.length < 7) expect(composite, key).toBeNull()
      else expect(composite, key).toBeCloseTo(parts.reduce((a, c) => a + c, 0) / 7, 5)
    }
    // X̄ against the rows themselves, and the school list against the county figures.
    const raw = await db.query<Raw>({ sql: "SELECT * FROM schools WHERE code LIKE '4601%'", params: [] })
    const ratios = countyRatios(raw)
    for (const r of rows.filter((r) => r.code.startsWith('4601') && r.indicator !== 'composite' && r.mean !== null))
      expect(r.mean, `${r.code} ${r.year} ${r.section} ${r.indicator}`).toBeCloseTo(
        ratios.get(`${r.code} ${r.year} ${r.section} ${r.indicator}`)!,
        4,
      )
    const { code, year } = rows.find((r) => r.reason === null)!
    const values = await db.query<SchoolValuesRow>(schoolValuesQuery('schools', code, year))
    for (const section of ['pri', 'jun'] as const) {
      const counted = values.filter((v) => v.section === section && v.in_cv)
      for (const id of SCHOOL_INDICATORS.map((i) => i.id) as SchoolIndicatorId[]) {
        const row = pick(
          rows.filter((r) => r.year === year),
          code,
          section,
          id,
        )
        const used = counted.filter((v) => v[id] !== null)
        expect(used.length).toBe(row.schools)
        const enrol = used.reduce((a, v) => a + v.enrol!, 0)
        expect(used.reduce((a, v) => a + v.enrol! * v[id]!, 0) / enrol).toBeCloseTo(row.mean!, 3)
        if (row.sd! > 0) expect(used.reduce((a, v) => a + v[`${id}_share`]!, 0)).toBeCloseTo(1, 4)
      }
    }
  })
})

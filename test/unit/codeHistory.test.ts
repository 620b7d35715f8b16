// Old county codes in users' files: the crosswalk's coverage of the 2015-12 list, and rows
// with re-coded, merged, split and unknown codes through the import's check and staging.
import { beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildCrosswalk, crosswalkJson, readSnapshots } from '../../data/codes.ts'
import { CODE_HISTORY_FILE, SUMMED_FIELDS } from '../../src/import/codeHistory.ts'
import { validateFiles } from '../../src/import/pipeline.ts'
import type { ImportRules, ValidationResult } from '../../src/import/imported.ts'
import { stageIpc } from '../../src/import/stage.ts'
import { RAW_FIELDS } from '../../src/indicators/fields.ts'
import { STAGE_TABLE } from '../../src/queries/importChecks.ts'
import { stage } from '../../src/service/userData.ts'
import type { Database } from '../../src/db/types.ts'
import { DATA_DIR } from '../support/bundled.ts'
import { bundledRules } from '../support/importFixtures.ts'
import { createNodeDatabase } from '../support/nodeDb.ts'

let rules: ImportRules
let db: Database
beforeAll(async () => {
  rules = await bundledRules()
  db = await createNodeDatabase()
})

const csv = (text: string) => ({
  file: { name: '南通.csv', bytes: new TextEncoder().encode(text).buffer as ArrayBuffer },
  choice: {},
})
const check = (text: string) => validateFiles([csv(text)], rules)
/** Issues as [row, value, reason, severity, action]. */
const compact = (r: ValidationResult) => r.issues.map((i) => [i.row, i.value, i.reason, i.severity, i.action])
/** The rows as staged in the engine: code, year, and the fields asked for. */
async function staged(r: ValidationResult, fields: readonly string[]) {
  await stage(db, stageIpc(r.data))
  return db.query<Record<string, unknown>>({
    sql: `SELECT code, year, ${fields.join(', ')} FROM ${STAGE_TABLE} ORDER BY code, year`,
    params: [],
  })
}

describe('the crosswalk', () => {
  const { data, counts } = buildCrosswalk()
  const current = readSnapshots().at(-1)!.names

  it('decides every code of the 2015-12 list that is not current: mapped to current codes, or no successor with a reason', () => {
    const byCode = new Map(data.changes.map((c) => [c[0], c]))
    const old = [...readSnapshots()[0]!.names.keys()].filter((c) => !current.has(c))
    expect(old.length).toBe(177)
    for (const code of old) {
      const change = byCode.get(code)
      expect(change, code).toBeDefined()
      const [, , year, kind, to, what] = change!
      if (kind === 'none') {
        expect(to).toBe('')
        expect(what.length, code).toBeGreaterThan(10)
      } else {
        expect(
          to.split(',').every((c) => current.has(c)),
          code,
        ).toBe(true)
        expect(to.split(',').length > 1, code).toBe(kind === 'split')
      }
      expect(year === null ? code : year, code).toSatisfy((y) => y === '620200' || (y >= 2015 && y <= 2023))
    }
    // The counts data/README.md gives.
    expect(counts).toEqual({ old: 177, recoded: 137, merged: 21, split: 5, none: 14 })
  })

  it('is what the build writes, one change a line, small', () => {
    const committed = readFileSync(join(DATA_DIR, CODE_HISTORY_FILE), 'utf8')
    expect(committed).toBe(crosswalkJson(data))
    expect(committed.length).toBeLessThan(16_000)
  })

  it('sums only counts and sums: averages and coefficients are left out of a merge', () => {
    expect(RAW_FIELDS.filter((f) => !SUMMED_FIELDS.includes(f.id)).map((f) => f.id)).toEqual([
      'cv_primary',
      'cv_junior',
      'teacher_salary',
      'civil_salary',
    ])
  })
})

describe('old codes in a file', () => {
  it('re-coded: read as the current unit for the years up to the change, said as 说明; later years refused', async () => {
    const r = await check(
      '行政区划代码,年份,区县,在园幼儿数\n320684,2019,海门市,30000\n320684,2020,海门市,29000\n320614,2021,海门区,28000\n320684,2022,海门市,27000\n',
    )
    expect(compact(r)).toEqual([
      [2, '320684', '320684 海门市 → 320614 海门区（2020年撤市设区），已按新代码导入', 'info', '已导入，请核实'],
      [3, '320684', '320684 海门市 → 320614 海门区（2020年撤市设区），已按新代码导入', 'info', '已导入，请核实'],
      [
        5,
        '320684',
        '代码320684（海门市）已于2020年撤市设区，改为320614 海门区，2022年的数据应使用新代码320614；本行未导入，请核对年份或改用新代码',
        'error',
        '整行未导入',
      ],
    ])
    expect(r.files[0]).toMatchObject({ accepted: 3, rejected: 1 })
    expect(await staged(r, ['kg_enrol'])).toEqual([
      { code: '320614', year: 2019, kg_enrol: 30000 },
      { code: '320614', year: 2020, kg_enrol: 29000 },
      { code: '320614', year: 2021, kg_enrol: 28000 },
    ])
  })

  it('re-coded beside the current code in the same year: one county-year, found as a duplicate', async () => {
    const r = await check('行政区划代码,年份,在园幼儿数\n320614,2019,30000\n320684,2019,30000\n')
    expect(r.data.code).toEqual(['320614'])
    expect(r.issues.map((i) => i.reason)).toContain(
      '海门市2019年的数据重复：与第2行相同，只导入一次（保留第2行）；可删去本行',
    )
  })

  it('merged: the parts summed into the merged unit when all are there, refused with what is missing when not', async () => {
    const r = await check(
      [
        '行政区划代码,年份,在园幼儿数,小学校际差异系数,义务教育教师年平均工资(元),小学在校生数',
        // 2018: both parts → one row of 崇川区 (320613); the coefficient and the pay are not summed.
        '320602,2018,20000,0.4,90000,50000',
        '320611,2018,10000,0.5,80000,',
        // 2019: 港闸区 missing.
        '320602,2019,21000,0.4,91000,51000',
        // 2017: both parts, and 崇川区's own row.
        '320602,2017,19000,,,',
        '320611,2017,9000,,,',
        '320613,2017,28000,,,',
      ].join('\n'),
    )
    const parts = '320602 崇川区、320611 港闸区'
    expect(compact(r)).toEqual([
      [
        2,
        '320602',
        `${parts} → 320613 崇川区（2020年合并），各部分已合计导入；小学在校生数只有部分单位填写，合计留空；差异系数、平均工资不能相加，合并后留空`,
        'info',
        '已导入，请核实',
      ],
      [
        3,
        '320611',
        `${parts} → 320613 崇川区（2020年合并），各部分已合计导入；小学在校生数只有部分单位填写，合计留空；差异系数、平均工资不能相加，合并后留空`,
        'info',
        '已导入，请核实',
      ],
      [
        4,
        '320602',
        `320613 崇川区由${parts}于2020年合并而成，文件中缺少2019年320611 港闸区的数据，无法合计；本行未导入，请补齐各部分，或直接填写320613的合计数`,
        'error',
        '整行未导入',
      ],
      ...[5, 6].map((row) => [
        row,
        row === 5 ? '320602' : '320611',
        `320613 崇川区由${parts}于2020年合并而成，文件中已有320613 崇川区2017年本身的数据（南通.csv第7行），与这些旧代码的行重复；旧代码的行未导入，请核对保留哪一份`,
        'error',
        '整行未导入',
      ]),
    ])
    expect(r.files[0]).toMatchObject({ rowsRead: 6, accepted: 3, rejected: 3 })
    expect(await staged(r, ['kg_enrol', 'cv_primary', 'teacher_salary', 'pri_enrol'])).toEqual([
      { code: '320613', year: 2017, kg_enrol: 28000, cv_primary: null, teacher_salary: null, pri_enrol: null },
      { code: '320613', year: 2018, kg_enrol: 30000, cv_primary: null, teacher_salary: null, pri_enrol: null },
    ])
  })

  it('split: reported with the units it went to, never guessed', async () => {
    const r = await check('行政区划代码,年份,在园幼儿数\n140211,2016,12000\n')
    expect(compact(r)).toEqual([
      [
        2,
        '140211',
        '代码140211（南郊区）已于2018年撤销，区域分属140213 平城区、140214 云冈区、140212 新荣区，无法按旧代码分配数据；本行未导入，请按现行区县分别填写',
        'error',
        '整行未导入',
      ],
    ])
    expect(r.data.length).toBe(0)
  })

  it('unknown: the nearest county of the province by the name written, else by the code', async () => {
    const r = await check('行政区划代码,年份,区县\n320699,2020,海门\n320699,2020,\n999999,2020,\n')
    const head = (code: string) => `未知的行政区划代码${code}：不在看板的区县名单中，也不是2015年以来撤并、更名的旧代码`
    expect(r.issues.map((i) => i.reason)).toEqual([
      `${head('320699')}；同省名称最接近的是 海门区（320614），请核对代码`,
      `${head('320699')}；同省代码最接近的是 海安市（320685），请核对代码`,
      `${head('999999')}；前两位99不是省份代码，请核对代码`,
    ])
  })
})

// School-level files through the import: recognised by their columns, checked row by row,
// summed by county in the engine (schoolAggregateQuery), joined to a county file of the same
// import, accepted into the panel and the `schools` table, and restored after a reload.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parquetToIPC } from '../../src/db/parquet.ts'
import { isSchoolMapping } from '../../src/import/headers.ts'
import type { ValidationResult } from '../../src/import/imported.ts'
import { inspectFile } from '../../src/import/pipeline.ts'
import { stageIpc, stageSchoolsIpc } from '../../src/import/stage.ts'
import { SCHOOL_COLUMNS, SCHOOL_TO_COUNTY } from '../../src/schools/fields.ts'
import { checkStaged } from '../../src/service/importChecks.ts'
import { DataService } from '../../src/service/service.ts'
import { replacePanelWithStage, stage, stageSchools, type SavedData } from '../../src/service/userData.ts'
import type { Database } from '../../src/db/types.ts'
import { DATA_DIR, bundledDatabase, fsFetchBytes } from '../support/bundled.ts'
import { FIXTURE_DIR, fixture, inputFile, validateAsFound as validate, workbook } from '../support/importFixtures.ts'

const FILE = 'schools-2023-2024.csv'
/** The fixture's header: the school template's. */
const HEADER = readFileSync(join(DATA_DIR, 'school-template.csv'), 'utf8')
  .replace(/^\uFEFF/, '')
  .split('\r\n')[0]!
/** A school row of the template's columns: keys, then figures by header. */
function line(keys: readonly string[], figures: Record<string, string | number> = {}): string {
  const headers = HEADER.split(',')
  return headers.map((h, i) => (i < keys.length ? keys[i] : String(figures[h] ?? ''))).join(',')
}
const schoolCsv = (name: string, rows: readonly string[]) => inputFile(name, [HEADER, ...rows].join('\r\n') + '\r\n')
/** Issues as [row, column, value, reason, severity, action]. */
const listed = (r: ValidationResult) => r.issues.map((i) => [i.row, i.column, i.value, i.reason, i.severity, i.action])
const rows = <T>(db: Database, sql: string) => db.query<T & object>({ sql, params: [] })

/** The county fields school rows fill, as the report names them (SCHOOL_TO_COUNTY's order). */
const FILLED =
  '小学在校生数、小学教职工数、小学专任教师数、小学本科及以上学历专任教师数、小学班级数、小学56人及以上班级数、小学66人及以上班级数、' +
  '初中在校生数、初中教职工数、初中专任教师数、初中本科及以上学历专任教师数、初中班级数、初中56人及以上班级数、初中66人及以上班级数、' +
  '普通高中在校生数、普通高中招生数、普通高中教职工数、普通高中专任教师数、普通高中班级数、普通高中56人及以上班级数、' +
  '随迁子女在校生数、随迁子女在公办学校就读数（共22项）'

/** A fresh engine with the county list, as the page has it when an import is checked. */
async function engine(): Promise<Database> {
  const { db, loader } = await bundledDatabase([])
  await loader.init()
  return db
}

/** One engine for the checks that only stage (each staging replaces the last). */
let shared: Promise<Database> | undefined
const stagingEngine = () => (shared ??= engine())

/** The import as checkImport stages it: county rows, then the school rows summed and joined to them. */
async function staged(r: ValidationResult, db: Database) {
  await stage(db, stageIpc(r.data))
  const conflicts = r.schools ? await stageSchools(db, stageSchoolsIpc(r.schools)) : []
  return checkStaged(db, [], r.files, false, new Date('2026-12-02T08:00:00Z'), conflicts)
}

describe('recognising a school-level file', () => {
  it('by its columns: the template’s headers make a school table; a county file stays one', async () => {
    const inspection = await inspectFile(fixture(FILE))
    expect(inspection.error).toBeUndefined()
    expect(inspection.tables).toHaveLength(1)
    const [table] = inspection.tables
    expect(table!.error).toBeUndefined()
    expect(isSchoolMapping(table!.mapping)).toBe(true)
    expect(table!.mapping.map((m) => (m.target.kind === 'school' ? m.target.id : null))).toEqual(
      SCHOOL_COLUMNS.map((c) => c.id),
    )
    const county = await inspectFile(fixture('2023.csv'))
    expect(isSchoolMapping(county.tables[0]!.mapping)).toBe(false)
    // Without its 城乡 and 办学性质 the file is still recognised, and told what it lacks.
    const lacking = await inspectFile(
      inputFile('缺列.csv', '学校标识码,行政区划代码,年份,学段,小学在校生数\r\n1,430121,2024,小学,300\r\n'),
    )
    expect(lacking.tables[0]!.error).toBe('缺少“城乡”和“办学性质”列：请对照学校数据模板修改表头')
  })

  it('says so at the top of the file’s part: how many schools, counties and years, and the county fields filled', async () => {
    const r = await validate(fixture(FILE))
    expect(r.files).toEqual([
      { file: FILE, sheet: undefined, encoding: 'utf-8', rowsRead: 32, accepted: 32, rejected: 0, blank: 0 },
    ])
    expect(listed(r)).toEqual([
      [
        null,
        '',
        '',
        `识别为学校数据（每行一所学校）：共16所学校、2个区县、2023—2024年，已按学校汇总为区县数据；汇总得到区县的${FILLED}`,
        'info',
        '已汇总为区县数据',
      ],
    ])
    expect(r.data.length).toBe(0)
    expect(r.schools!.length).toBe(32)
  })
})

describe('school rows in a workbook', () => {
  it('each sheet is recognised by its own columns: a school sheet beside a county sheet', async () => {
    const headers = HEADER.split(',')
    const school = (id: string, enrol: number) =>
      headers.map((h, i) =>
        i < 7 ? [id, `学校${id}`, '430102', 2024, '小学', '城区', '公办'][i]! : h === '小学在校生数(人)' ? enrol : null,
      )
    const book = inputFile(
      '芙蓉区2024.xlsx',
      await workbook([
        {
          name: '县级',
          rows: [
            ['行政区划代码', '年份', '在园幼儿数(人)'],
            ['430102', 2024, 9000],
          ],
        },
        { name: '学校', rows: [headers, school('1', 300), school('2', 450)] },
      ]),
    )
    const inspection = await inspectFile(book)
    expect(inspection.tables.map((t) => [t.sheet, isSchoolMapping(t.mapping), t.rows])).toEqual([
      ['县级', false, 1],
      ['学校', true, 2],
    ])
    const r = await validate(book)
    expect(listed(r).map((i) => i[3])).toEqual([
      `识别为学校数据（每行一所学校）：共2所学校、1个区县、2024年，已按学校汇总为区县数据；汇总得到区县的${FILLED}`,
    ])
    expect(r.issues[0]!.sheet).toBe('学校')
    const db = await stagingEngine()
    await staged(r, db)
    expect(await rows(db, 'SELECT code, year, kg_enrol, pri_enrol, jun_enrol FROM import_stage')).toEqual([
      { code: '430102', year: 2024, kg_enrol: 9000, pri_enrol: 750, jun_enrol: null },
    ])
  })
})

describe('school rows summed by county', () => {
  it('the staged rows of two counties equal the sums of their schools, column by column', async () => {
    const db = await stagingEngine()
    const r = await validate(fixture(FILE))
    const check = await staged(r, db)
    expect(check.crossIssues).toEqual([])
    expect(check.meta.provinces).toEqual({ '430000': { counties: 2, rows: 4 } })
    expect(check.meta.years).toEqual([2023, 2024])
    // The fixture summed here, in JS, by the same mapping: every school-level field of every county-year.
    const [head, ...body] = readFileSync(join(FIXTURE_DIR, FILE), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    const at = new Map(head!.split(',').map((h, i) => [h, i]))
    const label = new Map(SCHOOL_COLUMNS.map((c) => [c.id, c.label]))
    const expected = new Map<string, Record<string, number | null>>()
    for (const cells of body.map((b) => b.split(','))) {
      const key = `${cells[2]}|${cells[3]}`
      const sums = expected.get(key) ?? {}
      for (const s of SCHOOL_TO_COUNTY) {
        if (s.ownership && cells[at.get('办学性质')!] !== s.ownership) continue
        const given = s.schools.map((c) => cells[at.get(label.get(c)!)!]!).filter((v) => v !== '')
        if (given.length) sums[s.county] = (sums[s.county] ?? 0) + given.reduce((n, v) => n + Number(v), 0)
      }
      expected.set(key, sums)
    }
    const fields = [...new Set(SCHOOL_TO_COUNTY.map((s) => s.county))]
    const got = await rows<Record<string, number | string | null>>(
      db,
      `SELECT code, year, ${fields.join(', ')} FROM import_stage ORDER BY code, year`,
    )
    expect(got.map((g) => `${g['code']}|${g['year']}`)).toEqual([...expected.keys()].sort())
    for (const g of got) {
      const want = expected.get(`${g['code']}|${g['year']}`)!
      expect(Object.fromEntries(fields.map((f) => [f, g[f]]))).toEqual(
        Object.fromEntries(fields.map((f) => [f, want[f] ?? null])),
      )
    }
    // By hand (test/fixtures/import/README.md): 长沙县 2024 小学 1200+900+600+300+40+500 pupils,
    // 64+50+36+20+4+32 teachers; 浏阳市 2024 高中 1800+1500; 随迁 in 公办 schools 540−60 (城西中学 is 民办).
    const pick = (code: string, year: number) => got.find((g) => g['code'] === code && g['year'] === year)!
    expect(pick('430121', 2024)).toMatchObject({
      pri_enrol: 3540,
      pri_teachers: 206,
      pri_classes: 86,
      pri_classes_56: 2,
    })
    expect(pick('430181', 2024)).toMatchObject({ sh_enrol: 3300, migrant_children: 540, migrant_children_public: 480 })
    // No school of 长沙县 runs a 普通高中: no figure, not 0.
    expect(pick('430121', 2024)['sh_enrol']).toBeNull()
  })

  it('with a county file of the same import: fields joined, a field both give and differ in is refused naming both files', async () => {
    const db = await stagingEngine()
    const county = inputFile(
      '县级.csv',
      '行政区划代码,年份,小学在校生数(人),小学专任教师数(人),在园幼儿数(人)\r\n430121,2024,3540,210,20000\r\n430102,2024,5000,300,9000\r\n',
    )
    const r = await validate(county, fixture(FILE))
    const check = await staged(r, db)
    expect(check.crossIssues.map((i) => [i.file, i.row, i.column, i.value, i.reason, i.severity, i.action])).toEqual([
      [
        '县级.csv',
        2,
        '小学专任教师数(人)',
        '210',
        `长沙县2024年的小学专任教师数(人)：本行为210，由${FILE}的学校数据汇总为206，两者不一致；两个数都未导入（本项留空），请核对后重新导入`,
        'error',
        '单元格未导入',
      ],
    ])
    const got = await rows<{
      code: string
      year: number
      pri_enrol: number
      pri_teachers: number | null
      kg_enrol: number
    }>(db, `SELECT code, year, pri_enrol, pri_teachers, kg_enrol, jun_enrol FROM import_stage ORDER BY code, year`)
    expect(got).toEqual([
      // 芙蓉区: the county file alone.
      { code: '430102', year: 2024, pri_enrol: 5000, pri_teachers: 300, kg_enrol: 9000, jun_enrol: null },
      { code: '430121', year: 2023, pri_enrol: 3360, pri_teachers: 206, kg_enrol: null, jun_enrol: 2510 },
      // Same 小学在校生数 in both; the teachers differ and are left empty; 在园幼儿 from the county file, 初中 from the schools.
      { code: '430121', year: 2024, pri_enrol: 3540, pri_teachers: null, kg_enrol: 20000, jun_enrol: 2600 },
      { code: '430181', year: 2023, pri_enrol: 4510, pri_teachers: 249, kg_enrol: null, jun_enrol: 2510 },
      { code: '430181', year: 2024, pri_enrol: 4660, pri_teachers: 249, kg_enrol: null, jun_enrol: 2600 },
    ])
  })
})

describe('checking school rows', () => {
  const keys = (id: string, code = '430121', year = '2024', stage = '小学', ur = '城区', own = '公办') => [
    id,
    `学校${id}`,
    code,
    year,
    stage,
    ur,
    own,
  ]

  it('each problem with its row, column and a Chinese reason', async () => {
    const r = await validate(
      schoolCsv('问题.csv', [
        line(keys('1'), { '小学在校生数(人)': 300 }),
        line(keys(''), { '小学在校生数(人)': 300 }),
        line(keys('3', '43012'), { '小学在校生数(人)': 300 }),
        line(keys('4', '430121', '1999')),
        line(keys('5', '430121', '2024', '幼儿园')),
        line(keys('6', '430121', '2024', '小学', '')),
        line(keys('7', '430121', '2024', '小学', '城区', '私立')),
        line(keys('8', '999999')),
        line(keys('9'), { '小学在校生数(人)': '约300', '小学专任教师数(人)': -2, '小学教职工数(人)': 20.5 }),
        // A 小学 with 初中 pupils; 0 in the 初中 columns, as 基表 exports write, is no problem.
        line(keys('10'), { '小学在校生数(人)': 300, '初中在校生数(人)': 120, '初中教职工数(人)': 0 }),
        ['合计', '', '', '', '', '', '', '2100'].join(','),
        line(keys('11'), { '小学在校生数(人)': 'N/A' }),
      ]),
    )
    expect(r.files[0]).toMatchObject({ rowsRead: 12, accepted: 4, rejected: 8 })
    const [top, ...rest] = listed(r)
    expect(top![3]).toMatch(/^识别为学校数据（每行一所学校）：共4所学校、1个区县、2024年，已按学校汇总为区县数据；/)
    expect(rest).toEqual([
      [3, 'A列 学校标识码', '', '学校标识码为空', 'error', '整行未导入'],
      [4, 'C列 行政区划代码', '43012', '行政区划代码应为6位数字', 'error', '整行未导入'],
      [5, 'D列 年份', '1999', '年份超出范围（2000–2026）', 'error', '整行未导入'],
      [
        6,
        'E列 学段',
        '幼儿园',
        '学段应为小学、教学点、初中、九年一贯制学校、完全中学、高级中学之一，“幼儿园”不是',
        'error',
        '整行未导入',
      ],
      [7, 'F列 城乡', '', '城乡为空', 'error', '整行未导入'],
      [8, 'G列 办学性质', '私立', '办学性质应为公办、民办之一，“私立”不是', 'error', '整行未导入'],
      [
        9,
        'C列 行政区划代码',
        '999999',
        '未知的行政区划代码999999：不在看板的区县名单中，也不是2015年以来撤并、更名的旧代码；前两位99不是省份代码，请核对代码',
        'error',
        '整行未导入',
      ],
      [10, 'H列 小学在校生数(人)', '约300', '不是数字', 'error', '单元格未导入'],
      [10, 'M列 小学教职工数(人)', '20.5', '应为整数', 'error', '单元格未导入'],
      [10, 'N列 小学专任教师数(人)', '-2', '不能为负数', 'error', '单元格未导入'],
      [
        11,
        'S列 初中在校生数(人)',
        '120',
        '小学不设初中，本列应为空；请核对学段或本列，本单元格未导入',
        'error',
        '单元格未导入',
      ],
      [12, '', '合计 |  |  |  |  |  |  | 2100', '合计行：看板由各学校的数据自行汇总，此行不导入', 'info', '整行未导入'],
      [
        13,
        'H列 小学在校生数(人)',
        'N/A',
        '本列有1个单元格写作“N/A”（第13行），按无数据处理；如有数值，请填上后重新导入',
        'info',
        '单元格未导入',
      ],
    ])
    // The refused cells are left out of their schools' rows; the schools are kept.
    expect(r.schools!.text['school_id']).toEqual(['1', '9', '10', '11'])
    expect(r.schools!.fields['jun_enrol']).toEqual([NaN, NaN, NaN, NaN])
    expect(r.schools!.fields['pri_enrol']).toEqual([300, NaN, 300, NaN])
  })

  it('a school twice in a year, in one file or two: both rows listed, the first kept', async () => {
    const r = await validate(
      schoolCsv('甲.csv', [
        line(keys('1'), { '小学在校生数(人)': 300 }),
        line(keys('1'), { '小学在校生数(人)': 300 }),
        line(keys('2'), { '小学在校生数(人)': 500 }),
      ]),
      schoolCsv('乙.csv', [line(keys('2'), { '小学在校生数(人)': 520 })]),
    )
    expect(r.files.map((f) => [f.file, f.accepted, f.rejected])).toEqual([
      ['甲.csv', 2, 1],
      ['乙.csv', 0, 1],
    ])
    expect(
      r.issues.filter((i) => i.severity !== 'info' || i.row !== null).map((i) => [i.file, i.row, i.reason]),
    ).toEqual([
      ['甲.csv', 3, '学校1（学校1）2024年的数据重复：与第2行相同，只导入一次（保留第2行）；可删去本行'],
      ['甲.csv', 2, '学校1（学校1）2024年的数据在第3行又出现一次，数值相同；已导入本行'],
      [
        '乙.csv',
        2,
        '学校2（学校2）2024年的数据重复（学校标识码与年份相同），且与甲.csv第4行的数值不同：小学在校生数（甲.csv第4行为500，本行为520）。已保留甲.csv第4行，本行未导入；请核对哪一行正确，删去另一行后重新导入',
      ],
      ['甲.csv', 4, '学校2（学校2）2024年的数据在乙.csv第2行又出现一次，数值不同；已导入本行，请核实哪一行正确'],
    ])
  })

  it('an old county code is read through the crosswalk, said once per code; after its change it is refused; a merged unit’s parts sum into it', async () => {
    const r = await validate(
      schoolCsv('祁阳.csv', [
        line(keys('1', '431121', '2020'), { '小学在校生数(人)': 300 }),
        line(keys('2', '431121', '2020'), { '小学在校生数(人)': 200 }),
        line(keys('1', '431121', '2022'), { '小学在校生数(人)': 310 }),
        // 城区 and 郊区 of 长治 merged into 潞州区 in 2018: a part's schools count in the merged unit.
        line(keys('3', '140402', '2017'), { '小学在校生数(人)': 400 }),
        line(keys('4', '140411', '2017'), { '小学在校生数(人)': 100 }),
      ]),
    )
    expect(listed(r).slice(1)).toEqual([
      [
        4,
        'C列 行政区划代码',
        '431121',
        '代码431121（祁阳县）已于2021年撤县设市，改为431181 祁阳市，2022年的数据应使用新代码431181；本行未导入，请核对年份或改用新代码',
        'error',
        '整行未导入',
      ],
      [
        2,
        'C列 行政区划代码',
        '431121',
        '431121 祁阳县 → 431181 祁阳市（2021年撤县设市），已按新代码导入（本表2所学校，第2、3行）',
        'info',
        '已导入，请核实',
      ],
      [
        5,
        'C列 行政区划代码',
        '140402',
        '140402 城区 → 140403 潞州区（2018年合并），学校已按合并后的代码汇总（本表1所学校，第5行）',
        'info',
        '已导入，请核实',
      ],
      [
        6,
        'C列 行政区划代码',
        '140411',
        '140411 郊区 → 140403 潞州区（2018年合并），学校已按合并后的代码汇总（本表1所学校，第6行）',
        'info',
        '已导入，请核实',
      ],
    ])
    expect(r.schools!.text['code']).toEqual(['431181', '431181', '140403', '140403'])
    const db = await stagingEngine()
    await staged(r, db)
    expect(await rows(db, 'SELECT code, year, pri_enrol FROM import_stage ORDER BY code')).toEqual([
      { code: '140403', year: 2017, pri_enrol: 500 },
      { code: '431181', year: 2020, pri_enrol: 500 },
    ])
  })
})

describe('accepting school rows', () => {
  it('fill the schools table (SCHOOL_COLUMNS), are kept with the data and come back on reload; clearing empties it', async () => {
    const db = await engine()
    const memory: { saved: SavedData | null } = { saved: null }
    const store = {
      load: async () => memory.saved,
      save: async (s: SavedData) => void (memory.saved = s),
      clear: async () => void (memory.saved = null),
    }
    const r = await validate(fixture(FILE))
    const service = new DataService(db, fsFetchBytes(DATA_DIR), parquetToIPC, store)
    const checked = await service.checkImport(stageIpc(r.data), stageSchoolsIpc(r.schools!), [], r.files, false)
    await service.acceptImport(
      checked.meta,
      new Blob([stageIpc(r.data) as Uint8Array<ArrayBuffer>]),
      new Blob([stageSchoolsIpc(r.schools!) as Uint8Array<ArrayBuffer>]),
    )
    const describeSchools = async (d: Database) =>
      (await rows<{ column_name: string; column_type: string }>(d, 'DESCRIBE schools')).map(
        (c) => `${c.column_name} ${c.column_type}`,
      )
    expect(await describeSchools(db)).toEqual(SCHOOL_COLUMNS.map((c) => `${c.id} ${c.type}`))
    const panel =
      'SELECT code, year, pri_enrol, large_class FROM (SELECT *, pri_classes_56 + jun_classes_56 AS large_class FROM panel) ORDER BY code, year'
    const before = await rows(db, panel)
    expect(before).toHaveLength(4)
    expect((await rows<{ n: number }>(db, 'SELECT count(*) AS n FROM schools'))[0]!.n).toBe(32)
    expect(memory.saved!.schools).toBeInstanceOf(Blob)

    // A reload: a fresh engine and service, from what was kept.
    const fresh = await engine()
    const again = new DataService(fresh, fsFetchBytes(DATA_DIR), parquetToIPC, store)
    await again.ensureSummary()
    expect(await rows(fresh, panel)).toEqual(before)
    expect(await rows(fresh, 'SELECT * FROM schools ORDER BY code, year, school_id')).toEqual(
      await rows(db, 'SELECT * FROM schools ORDER BY code, year, school_id'),
    )

    await again.clearUserData()
    expect((await rows<{ n: number }>(fresh, 'SELECT count(*) AS n FROM schools'))[0]!.n).toBe(0)
    expect(memory.saved).toBeNull()
  })

  it('user data without school rows leaves the schools table empty', async () => {
    const db = await engine()
    await db.exec('CREATE TABLE schools AS SELECT 1 AS old')
    await stage(db, stageIpc((await validate(fixture('2023.csv'))).data))
    await replacePanelWithStage(db)
    expect(await rows(db, 'SELECT * FROM schools')).toEqual([])
    expect((await rows<{ column_name: string }>(db, 'DESCRIBE schools')).map((c) => c.column_name)).toEqual(
      SCHOOL_COLUMNS.map((c) => c.id),
    )
  })
})

// Users' files through the same inspect → validate → stage → cross-check path the browser
// runs (the worker calls the same functions; the SQL runs in the same engine).
import { beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseNumber, parseCode } from '../../src/import/cells.ts'
import { crossCheck, importMeta } from '../../src/service/importChecks.ts'
import { assignColumn, matchHeader } from '../../src/import/headers.ts'
import { inspectFile, validateFiles, type InputFile } from '../../src/import/pipeline.ts'
import { reportCsv } from '../../src/import/report.ts'
import { rateColumns, type ImportRules, type ValidationResult } from '../../src/import/imported.ts'
import { replacePanelWithStage, stage } from '../../src/service/userData.ts'
import { stageIpc } from '../../src/import/stage.ts'
import { indicatorsOf, statusChangesQuery, type StatusChangeRow } from '../../src/queries/rules.ts'
import type { PanelLoader } from '../../src/service/dataset.ts'
import { RULES } from '../../src/indicators/rules.ts'
import type { Database } from '../../src/db/types.ts'
import { DATA_DIR, bundledDatabase } from '../support/bundled.ts'
import { bundledRules, fixture } from '../support/importFixtures.ts'

let rules: ImportRules
beforeAll(async () => {
  rules = await bundledRules()
})

const validate = (...files: InputFile[]) =>
  validateFiles(
    files.map((file) => ({ file, choice: {} })),
    rules,
  )
/** Issues as [row, column, value, reason, severity, action] for exact comparison. */
const compact = (r: ValidationResult) => r.issues.map((i) => [i.row, i.column, i.value, i.reason, i.severity, i.action])
const column = (r: ValidationResult, id: string) => Array.from(r.data.fields[id]!)

describe('cells', () => {
  it('reads the numbers users write and refuses the rest with a reason', () => {
    expect(parseNumber('1,234')).toEqual({ kind: 'number', value: 1234, percent: false })
    expect(parseNumber('１２３')).toEqual({ kind: 'number', value: 123, percent: false })
    expect(parseNumber('12.5%')).toEqual({ kind: 'number', value: 12.5, percent: true })
    expect(parseNumber('－5')).toEqual({ kind: 'number', value: -5, percent: false })
    // Empty cells are silent; the words written for "no figure" are kept, to be listed.
    for (const missing of ['', ' ', null]) expect(parseNumber(missing)).toEqual({ kind: 'missing' })
    for (const written of ['—', '-', '／', 'N/A', '#N/A', '无'])
      expect(parseNumber(written)).toEqual({ kind: 'missing', written })
    expect(parseNumber('12,34')).toEqual({ kind: 'invalid', reason: '千分位逗号位置不对，无法确定数值' })
    expect(parseNumber('约300')).toEqual({ kind: 'invalid', reason: '不是数字' })
    expect(parseCode('430121000000')).toEqual({ ok: true, value: '430121' })
    expect(parseCode(430121)).toEqual({ ok: true, value: '430121' })
    expect(parseCode('43012')).toEqual({ ok: false, reason: '行政区划代码应为6位数字' })
  })

  it('understands units in headers and never guesses an unknown one', () => {
    expect(matchHeader('一般公共预算教育支出(亿元)', 0).target).toEqual({
      kind: 'field',
      id: 'edu_budget',
      factor: 1e4,
    })
    expect(matchHeader('义务教育教师年平均工资（万元）', 1)).toMatchObject({
      target: { kind: 'field', id: 'teacher_salary', factor: 1e4 },
      note: '按万元换算为元（×10000）',
    })
    expect(matchHeader('一般公共预算教育支出', 2)).toMatchObject({
      target: { kind: 'field', id: 'edu_budget', factor: 1 },
      note: '表头未注明单位，按万元读取',
    })
    expect(matchHeader('在园幼儿数(所)', 3)).toMatchObject({
      target: { kind: 'ignore' },
      problem: '单位“所”无法换算为“在园幼儿数”的单位人',
    })
    expect(matchHeader('备注', 27)).toMatchObject({
      letter: 'AB',
      target: { kind: 'ignore' },
      problem: '未识别的列，请指定对应字段或忽略',
    })
  })
})

describe('import fixtures', () => {
  it('UTF-8 with BOM and the template headers: everything accepted, thousands separators read', async () => {
    const r = await validate(fixture('bom.csv'))
    expect(r.files).toEqual([
      { file: 'bom.csv', encoding: 'utf-8', sheet: undefined, rowsRead: 2, accepted: 2, rejected: 0, blank: 0 },
    ])
    expect(r.issues).toEqual([])
    expect(column(r, 'kg_enrol')).toEqual([43664, 38033])
    expect(column(r, 'edu_budget')).toEqual([234276.9, 237433.9])
  })

  it('GBK: detected, header variants and 元 understood, full-width digits read, the name mismatch reported', async () => {
    const inspection = await inspectFile(fixture('gbk.csv'))
    expect(inspection.encoding).toBe('gb18030')
    expect(inspection.tables[0]!.mapping.map((m) => m.target.kind)).toEqual([
      'code',
      'year',
      'name',
      'field',
      'field',
      'field',
      'rate',
    ])
    const r = await validate(fixture('gbk.csv'))
    expect(r.files[0]).toMatchObject({ encoding: 'gb18030', rowsRead: 3, accepted: 3, rejected: 0 })
    expect(compact(r)).toEqual([
      [null, 'F列 一般公共预算教育经费（元）', '', '按元换算为万元（×0.0001）', 'info', '已导入，请核实'],
      [
        4,
        'C列 区县名称',
        '长沙县',
        '名称与代码430104对应的区县“岳麓区”不一致，已按代码导入',
        'warning',
        '已导入，请核实',
      ],
      [
        3,
        'D列 在园幼儿总数',
        '—',
        '本列有1个单元格写作“—”（第3行），按无数据处理；如有数值，请填上后重新导入',
        'info',
        '单元格未导入',
      ],
      [
        3,
        'E列 公办幼儿园在园幼儿数',
        '-',
        '本列有1个单元格写作“-”（第3行），按无数据处理；如有数值，请填上后重新导入',
        'info',
        '单元格未导入',
      ],
    ])
    expect(r.data.code).toEqual(['430181', '430104', '430104'])
    expect(Array.from(r.data.year)).toEqual([2024, 2024, 2023])
    expect(column(r, 'kg_enrol')).toEqual([36500, NaN, 30000])
    expect(column(r, 'edu_budget')).toEqual([125000, NaN, 98000])
    expect(Array.from(r.data.rates.kg_public_share!)).toEqual([54.8, NaN, 50])
  })

  it('the encoding override: GBK read as UTF-8 garbles the file, choosing GBK reads it right', async () => {
    // Chinese headers garbled: nothing is recognised; chosen as GBK, the file reads as detected.
    expect((await inspectFile(fixture('gbk.csv'), { encoding: 'utf-8' })).error).toBe(
      '找不到表头：前20行中没有可识别的列名（如“行政区划代码”“年份”），请对照模板检查',
    )
    const chosen = await inspectFile(fixture('gbk.csv'), { encoding: 'gb18030' })
    expect(chosen.error).toBeUndefined()
    expect(chosen.tables).toEqual((await inspectFile(fixture('gbk.csv'))).tables)

    // Headers in ASCII survive either reading; the Chinese in the cells does not.
    const check = (encoding: 'utf-8' | 'gb18030') =>
      validateFiles([{ file: fixture('gbk-ascii-header.csv'), choice: { encoding } }], rules)
    const wrong = await check('utf-8')
    expect(wrong.files[0]).toMatchObject({ encoding: 'utf-8', rowsRead: 2, accepted: 1, rejected: 1 })
    expect(compact(wrong)).toEqual([
      [2, 'B列 year', '2024\uFFFD\uFFFD', '年份应为4位数字，如2024', 'error', '整行未导入'],
      [3, 'C列 kg_enrol', '\uFFFD'.repeat(10), '不是数字', 'error', '单元格未导入'],
      [3, 'D列 kg_public_enrol', '\uFFFD\uFFFD', '不是数字', 'error', '单元格未导入'],
    ])
    const right = await check('gb18030')
    expect(right.files[0]).toMatchObject({ encoding: 'gb18030', rowsRead: 2, accepted: 2, rejected: 0 })
    expect(compact(right)).toEqual([
      [
        3,
        'D列 kg_public_enrol',
        '—',
        '本列有1个单元格写作“—”（第3行），按无数据处理；如有数值，请填上后重新导入',
        'info',
        '单元格未导入',
      ],
    ])
    expect(column(right, 'kg_enrol')).toEqual([38033, 36500])
    expect(column(right, 'kg_public_enrol')).toEqual([24791, NaN])
    // Detection picks GBK by itself, even where the first Chinese comes after megabytes of ASCII.
    expect((await validate(fixture('gbk-ascii-header.csv'))).issueCount).toEqual({ error: 0, warning: 0, info: 1 })
    const gbk = new Uint8Array(fixture('gbk-ascii-header.csv').bytes)
    const header = gbk.indexOf(0x0a) + 1
    const late = new Uint8Array([
      ...gbk.subarray(0, header),
      ...new TextEncoder().encode(',,,\r\n'.repeat(1 << 19)),
      ...gbk.subarray(header),
    ])
    expect((await inspectFile({ name: 'late.csv', bytes: late.buffer })).encoding).toBe('gb18030')
  })

  it('columns assigned by the user: read into the chosen field and said in the report; left out and listed', async () => {
    const file = {
      name: '雨花2024.csv',
      bytes: new TextEncoder().encode(
        '行政区划代码,年份,幼儿总人数,公办园在园幼儿数(人),教育经费(元),说明\n430111,2024,20000,16000,1250000000,已核对\n',
      ).buffer as ArrayBuffer,
    }
    const { mapping } = (await inspectFile(file)).tables[0]!
    expect(mapping.map((m) => m.problem ?? null)).toEqual([
      null,
      null,
      '未识别的列，请指定对应字段或忽略',
      null,
      '未识别的列，请指定对应字段或忽略',
      '未识别的列，请指定对应字段或忽略',
    ])
    const assigned = assignColumn(assignColumn(mapping, 2, 'field:kg_enrol'), 4, 'field:edu_budget')
    const r = await validateFiles([{ file, choice: { tables: [{ mapping: assigned }] } }], rules)
    expect(compact(r)).toEqual([
      [null, 'C列 幼儿总人数', '', '按指定对应“在园幼儿数（人）”', 'info', '已导入，请核实'],
      [
        null,
        'E列 教育经费(元)',
        '',
        '按指定对应“一般公共预算教育支出（万元）”；按元换算为万元（×0.0001）',
        'info',
        '已导入，请核实',
      ],
      [null, 'F列 说明', '', '未识别的列，请指定对应字段或忽略', 'warning', '整列未导入'],
    ])
    expect(column(r, 'kg_enrol')).toEqual([20000])
    expect(column(r, 'edu_budget')).toEqual([125000])

    // A recognised column left out, and a field moved to another column, are listed too.
    const moved = assignColumn(assignColumn(assigned, 4, 'ignore'), 2, 'field:kg_public_enrol')
    const again = await validateFiles([{ file, choice: { tables: [{ mapping: moved }] } }], rules)
    expect(compact(again)).toEqual([
      [null, 'C列 幼儿总人数', '', '按指定对应“公办园在园幼儿数（人）”', 'info', '已导入，请核实'],
      [null, 'D列 公办园在园幼儿数(人)', '', '对应字段已改由C列提供，本列未导入', 'warning', '整列未导入'],
      [null, 'E列 教育经费(元)', '', '按指定不导入', 'warning', '整列未导入'],
      [null, 'F列 说明', '', '未识别的列，请指定对应字段或忽略', 'warning', '整列未导入'],
    ])
    expect(column(again, 'kg_public_enrol')).toEqual([20000])
    expect(column(again, 'kg_enrol')).toEqual([NaN])
    expect(column(again, 'edu_budget')).toEqual([NaN])
  })

  it('a file with every kind of problem: each one listed with row, column, value and reason', async () => {
    const r = await validate(fixture('problems.csv'))
    // The blank row before the final newline is one; the newline ending the file is none.
    expect(r.files[0]).toMatchObject({ rowsRead: 9, accepted: 4, rejected: 5, blank: 1 })
    expect(r.issueCount).toEqual({ error: 8, warning: 1, info: 3 })
    expect(compact(r)).toEqual([
      [
        3,
        '',
        '430121 | 2024 | 200 | 105 | 38033 | 24791 | 2630 | 0 | 65.2',
        '长沙县2024年的数据重复：与第2行相同，只导入一次（保留第2行）；可删去本行',
        'info',
        '整行未导入',
      ],
      [2, '', '', '长沙县2024年的数据在第3行又出现一次，数值相同；已导入本行', 'info', '已导入，请核实'],
      [
        4,
        'A列 行政区划代码',
        '999999',
        '未知的行政区划代码999999：不在看板的区县名单中，也不是2015年以来撤并、更名的旧代码；前两位99不是省份代码，请核对代码',
        'error',
        '整行未导入',
      ],
      [5, 'B列 年份', '1999', '年份超出范围（2000–2026）', 'error', '整行未导入'],
      [6, 'C列 幼儿园数(所)', 'abc', '不是数字', 'error', '单元格未导入'],
      [6, 'D列 公办幼儿园数(所)', '-3', '不能为负数', 'error', '单元格未导入'],
      [6, 'E列 在园幼儿数(人)', '12.5%', '百分数不能填入人数、金额等数量字段', 'error', '单元格未导入'],
      [6, 'F列 公办园在园幼儿数(人)', '1.5', '应为整数', 'error', '单元格未导入'],
      [
        6,
        'H列 小学56人及以上班级数(个)',
        '120 / 100',
        '小学56人及以上班级数（120）大于小学班级数（100），两者均未导入',
        'error',
        '单元格未导入',
      ],
      [8, '', '', '本行只有6个单元格，少于表头的9列，缺少的按无数据处理', 'warning', '已导入，请核实'],
      [
        9,
        '',
        '430111 | 2024 | 50 | 30 | 1000 | 200 | 300 | 3 | 20 | extra',
        '本行有10个单元格，多于表头的9列（可能有未加引号的逗号），无法确定各值所属的列',
        'error',
        '整行未导入',
      ],
      [
        10,
        '',
        '合计 |  | 330 | 175 | 59033 | 33991 | 3530 | 12 | ',
        '合计行：看板由各区县的数据自行汇总，此行不导入',
        'info',
        '整行未导入',
      ],
    ])
    // The row with bad cells is kept without them; the short row keeps what it has.
    expect(r.data.code).toEqual(['430121', '430181', '430104', '430105'])
    expect(column(r, 'pri_classes')).toEqual([2630, NaN, 900, NaN])
    expect(column(r, 'kg_enrol')).toEqual([38033, NaN, 20000, 1000])
    // Every issue is in the downloadable report, with a BOM and one line each.
    const csv = reportCsv(r.reportLines)
    expect(csv.startsWith('\uFEFF文件,工作表,行,列,值,问题,类别,处理\r\n')).toBe(true)
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 12)
  })

  it('Excel with a title row, a merged two-row header and a rate by formula; every sheet read, or the one chosen', async () => {
    const inspection = await inspectFile(fixture('merged-header.xlsx'))
    expect(inspection.tables.map((t) => [t.sheet, t.headerRow, t.rows])).toEqual([
      ['2024年', 3, 2],
      ['2023年', 3, 1],
    ])
    expect(inspection.skipped).toEqual([])
    const mapping = inspection.tables[0]!.mapping
    expect(mapping.map((m) => [m.header, m.target.kind])).toEqual([
      ['行政区划代码', 'code'],
      ['年份', 'year'],
      ['幼儿园数（所）', 'field'],
      ['在园幼儿数（人）', 'field'],
      ['公办园在园幼儿数（人）', 'field'],
      ['公办园在园幼儿占比', 'rate'],
    ])
    const first = await validate(fixture('merged-header.xlsx'))
    expect(first.files).toEqual([
      {
        file: 'merged-header.xlsx',
        sheet: '2024年',
        encoding: undefined,
        rowsRead: 2,
        accepted: 2,
        rejected: 0,
        blank: 0,
      },
      {
        file: 'merged-header.xlsx',
        sheet: '2023年',
        encoding: undefined,
        rowsRead: 1,
        accepted: 1,
        rejected: 0,
        blank: 0,
      },
    ])
    // The merged cells above the header are neither rows nor columns of data: nothing to report.
    expect(first.issues).toEqual([])
    expect(column(first, 'kg_enrol')).toEqual([38033, 36500, 43664])
    // The formulas' results as Excel saved them (a fraction, shown as a percentage).
    expect(Array.from(first.data.rates.kg_public_share!).slice(0, 2)).toEqual([24791 / 38033, 20000 / 310])
    const second = await validateFiles(
      [{ file: fixture('merged-header.xlsx'), choice: { tables: [{ sheet: '2023年', mapping }] } }],
      rules,
    )
    // The sheet left out is said; the one chosen is read alone.
    expect(compact(second)).toEqual([[null, '', '', '按指定不导入此工作表', 'info', '整张工作表未导入']])
    expect(second.issues[0]!.sheet).toBe('2024年')
    expect(second.data.code).toEqual(['430121'])
    expect(Array.from(second.data.year)).toEqual([2023])
  })

  it('Parquet with problems: the same checks and reasons as a CSV, columns named as in the file', async () => {
    const r = await validate(fixture('problems.parquet'))
    expect(r.files).toEqual([
      {
        file: 'problems.parquet',
        sheet: undefined,
        encoding: undefined,
        rowsRead: 5,
        accepted: 3,
        rejected: 2,
        blank: 0,
      },
    ])
    expect(r.issueCount).toEqual({ error: 4, warning: 1, info: 0 })
    // A repeated row in one file that fills a cell the first left empty still differs from it.
    expect(compact(r)).toEqual([
      [
        4,
        '',
        '430103 | 2024 | 80 | 50 | 15000 | 9000 | 900 | 30',
        '天心区2024年的数据重复，且与第3行的数值不同：公办园在园幼儿数（第3行为空，本行为9000）。已保留第3行，本行未导入；请核对哪一行正确，删去另一行后重新导入',
        'error',
        '整行未导入',
      ],
      [
        3,
        '',
        '',
        '天心区2024年的数据在第4行又出现一次，数值不同（公办园在园幼儿数）；已导入本行，请核实哪一行正确',
        'warning',
        '已导入，请核实',
      ],
      [
        5,
        'A列 code',
        '999999',
        '未知的行政区划代码999999：不在看板的区县名单中，也不是2015年以来撤并、更名的旧代码；前两位99不是省份代码，请核对代码',
        'error',
        '整行未导入',
      ],
      [6, 'D列 kg_public_count', '-3', '不能为负数', 'error', '单元格未导入'],
      [
        6,
        'H列 pri_classes_56',
        '120 / 100',
        '小学56人及以上班级数（120）大于小学班级数（100），两者均未导入',
        'error',
        '单元格未导入',
      ],
    ])
    expect(r.data.code).toEqual(['430102', '430103', '430105'])
    expect(column(r, 'kg_public_count')).toEqual([40, 50, NaN])
    expect(column(r, 'kg_public_enrol')).toEqual([9000, NaN, 8000])
    expect(column(r, 'pri_classes')).toEqual([700, 900, NaN])
    expect(column(r, 'pri_classes_56')).toEqual([12, 30, NaN])
  })

  it('Excel and Parquet report progress row batch by row batch, as CSV does', async () => {
    const calls: [number, string][] = []
    await validateFiles(
      [fixture('merged-header.xlsx'), fixture('problems.parquet')].map((file) => ({ file, choice: {} })),
      rules,
      (f, file) => calls.push([f, file]),
    )
    // Two files, each half of the bar, the workbook's two sheets a quarter each; every row is
    // a batch in files this small.
    expect(calls).toEqual([
      ...[1, 2, 3, 4, 5].map((i): [number, string] => [i / 5 / 4, 'merged-header.xlsx']),
      ...[1, 2, 3, 4].map((i): [number, string] => [(1 + i / 4) / 4, 'merged-header.xlsx']),
      ...[1, 2, 3, 4, 5, 6].map((i): [number, string] => [(1 + i / 6) / 2, 'problems.parquet']),
    ])
    // A province's file: about a hundred steps, not one per row, ending at 1.
    const panel: number[] = []
    await validateFiles([{ file: fixture('panel/430000.parquet', DATA_DIR), choice: {} }], rules, (f) => panel.push(f))
    expect(panel.length).toBeGreaterThan(90)
    expect(panel.length).toBeLessThanOrEqual(101)
    expect(panel.every((f, i) => i === 0 || f > panel[i - 1]!)).toBe(true)
    expect(panel.at(-1)).toBe(1)
  })

  it('a file that is not what its name says is reported, not thrown', async () => {
    const r = await validate(
      { name: 'broken.xlsx', bytes: new TextEncoder().encode('not a zip').buffer as ArrayBuffer },
      { name: '说明.docx', bytes: new ArrayBuffer(0) },
    )
    expect(r.issues.map((i) => [i.file, i.action])).toEqual([
      ['broken.xlsx', '整个文件未导入'],
      ['说明.docx', '整个文件未导入'],
    ])
    expect(r.issues[0]!.reason).toMatch(/^无法读取：不是有效的Excel（\.xlsx）工作簿/)
    expect(r.issues[1]!.reason).toBe(
      '无法识别的文件类型：请使用 .csv、.xlsx 或 .parquet 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）',
    )
  })

  it('the bundled Parquet and template import with no error', async () => {
    const bytes = (path: string) => {
      const b = readFileSync(join(DATA_DIR, path))
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
    }
    for (const [name, path, rows] of [
      ['430000.parquet', 'panel/430000.parquet', 1220],
      ['template.csv', 'template.csv', 2],
    ] as const) {
      const r = await validate({ name, bytes: bytes(path) })
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([])
      expect(r.files[0]).toMatchObject({ accepted: rows, rejected: 0 })
    }
  })
})

describe('checks in SQL on the staged import', () => {
  let db: Database
  let loader: PanelLoader
  beforeAll(async () => {
    const bundled = await bundledDatabase([])
    await bundled.loader.init()
    ;({ db, loader } = bundled)
  })

  it('rates computed by Excel formulas: the saved results are checked against their parts', async () => {
    const excel = await validate(fixture('merged-header.xlsx'))
    await stage(db, stageIpc(excel.data))
    // F4 =E4/D4 saved 0.6518…, read as 65.2%: agrees. F5 =E5/C5 divides by the kindergartens.
    expect(await crossCheck(db, rateColumns(excel.data), excel.files)).toEqual([
      {
        file: 'merged-header.xlsx',
        sheet: '2024年',
        row: 5,
        column: '公办园在园幼儿占比',
        value: String(20000 / 310),
        reason: '与本行分子分母算出的54.8%不一致；看板按分子分母计算',
        severity: 'warning',
        action: '已导入，请核实',
      },
    ])
  })

  it('a rate that disagrees with its parts, a tenfold jump across files, a duplicate across files; coverage and the release diff', async () => {
    const problems = await validate(fixture('problems.csv'))
    await stage(db, stageIpc(problems.data))
    expect(await crossCheck(db, rateColumns(problems.data), problems.files)).toEqual([
      {
        file: 'problems.csv',
        sheet: undefined,
        row: 7,
        column: '公办园在园幼儿占比',
        value: '54',
        reason: '与本行分子分母算出的45.0%不一致；看板按分子分母计算',
        severity: 'warning',
        action: '已导入，请核实',
      },
    ])

    const years = await validate(fixture('2023.csv'), fixture('2024.csv'))
    // The duplicate across files names both places.
    expect(years.issues.map((i) => [i.file, i.row, i.reason, i.severity, i.action])).toEqual([
      [
        '2024.csv',
        3,
        '长沙县2023年的数据重复：与2023.csv第2行相同，只导入一次（保留2023.csv第2行）；可删去本行',
        'info',
        '整行未导入',
      ],
      ['2023.csv', 2, '长沙县2023年的数据在2024.csv第3行又出现一次，数值相同；已导入本行', 'info', '已导入，请核实'],
    ])
    await stage(db, stageIpc(years.data))
    expect(await crossCheck(db, rateColumns(years.data), years.files)).toEqual([
      {
        file: '2024.csv',
        sheet: undefined,
        row: 2,
        column: '在园幼儿数(人)',
        value: '4366',
        reason: '比上年（43664）变化超过3倍，请核实',
        severity: 'warning',
        action: '已导入，请核实',
      },
      {
        file: '2024.csv',
        sheet: undefined,
        row: 2,
        column: '公办园在园幼儿数(人)',
        value: '2701',
        reason: '比上年（27018）变化超过3倍，请核实',
        severity: 'warning',
        action: '已导入，请核实',
      },
    ])
    const meta = await importMeta(
      db,
      [
        { name: '2023.csv', rows: 2 },
        { name: '2024.csv', rows: 2 },
      ],
      new Date('2026-11-25T08:00:00Z'),
    )
    expect(meta).toEqual({
      label: '2023.csv、2024.csv',
      files: [
        { name: '2023.csv', rows: 2 },
        { name: '2024.csv', rows: 2 },
      ],
      importedAt: '2026-11-25T08:00:00.000Z',
      years: [2023, 2024],
      provinces: { '430000': { counties: 2, rows: 4 } },
    })

    // The release diff: 2024.csv replaced by a corrected file where 长沙县's share falls below 50%.
    await replacePanelWithStage(db)
    // As the service does before the release diff: the user's province ranked for the rules.
    loader.forgetLoaded(['430000'])
    await loader.ensureEvery(indicatorsOf(RULES))
    const corrected = await validate(fixture('2023.csv'), {
      name: '2024更正.csv',
      bytes: new TextEncoder().encode(
        '行政区划代码,年份,在园幼儿数,公办园在园幼儿数\n430121,2024,43660,21000\n430181,2024,36500,20000\n',
      ).buffer as ArrayBuffer,
    })
    await stage(db, stageIpc(corrected.data))
    const changes = await db.query<StatusChangeRow>(statusChangesQuery(RULES, 'import_stage'))
    expect(changes).toEqual([
      { rule: 'kg_public_share', code: '430121', county: '长沙县', year: 2024, before: '达标', after: '未达标' },
      { rule: 'preschool_three_rates', code: '430121', county: '长沙县', year: 2024, before: '达标', after: '未达标' },
    ])
  })
})

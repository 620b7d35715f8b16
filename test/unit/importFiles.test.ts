// The files offices really have, through the same inspect → validate → stage → cross-check
// path the browser runs: rows ending in empty cells, workbooks of several sheets (a notes
// sheet first), one file per year or per topic, and what the report says of each.
import { describe, expect, it } from 'vitest'
import { crossCheck } from '../../src/service/importChecks.ts'
import { inspectFile } from '../../src/import/pipeline.ts'
import { nameMatches } from '../../src/import/validate.ts'
import { rateColumns, type ValidationResult } from '../../src/import/imported.ts'
import { stage } from '../../src/service/userData.ts'
import { stageIpc } from '../../src/import/stage.ts'
import { bundledDatabase } from '../support/bundled.ts'
import { inputFile, validateAsFound as validate, workbook } from '../support/importFixtures.ts'

/** Issues as [file, sheet, row, column, value, reason, severity, action]. */
const listed = (r: ValidationResult) =>
  r.issues.map((i) => [i.file, i.sheet ?? null, i.row, i.column, i.value, i.reason, i.severity, i.action])
const HEADER = ['行政区划代码', '年份', '在园幼儿数(人)', '公办园在园幼儿数(人)']
const csv = (name: string, lines: readonly string[], end = '\r\n') => inputFile(name, lines.join('\r\n') + end)

describe('rows of different lengths', () => {
  it('empty cells beyond the header are passed over; a row with a value there stays an error', async () => {
    // Excel and WPS end every data row with a comma the header does not have.
    const r = await validate(
      csv('末尾逗号.csv', [
        HEADER.join(','),
        '430121,2024,40000,24000,',
        '430181,2024,36000,18000,,',
        '430102,2024,1,1,9',
      ]),
    )
    expect(r.files[0]).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1, blank: 0 })
    expect(listed(r)).toEqual([
      [
        '末尾逗号.csv',
        null,
        4,
        '',
        '430102 | 2024 | 1 | 1 | 9',
        '本行有5个单元格，多于表头的4列（可能有未加引号的逗号），无法确定各值所属的列',
        'error',
        '整行未导入',
      ],
    ])
  })

  it('the newline ending a file is not a blank row; a blank line is', async () => {
    expect((await validate(csv('a.csv', [HEADER.join(','), '430121,2024,40000,24000']))).files[0]!.blank).toBe(0)
    expect((await validate(csv('b.csv', [HEADER.join(','), '430121,2024,40000,24000'], '\n'))).files[0]!.blank).toBe(0)
    expect((await validate(csv('c.csv', [HEADER.join(','), '430121,2024,40000,24000', '']))).files[0]!.blank).toBe(1)
  })
})

describe('workbooks', () => {
  const years = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => ['430121', from + i, 40000 + i, 24000])

  it('every sheet with a header is offered with its rows and read into one report', async () => {
    const book = inputFile(
      '长沙县2015-2024.xlsx',
      await workbook([
        { name: '2015-2019', rows: [HEADER, ...years(2015, 2019)] },
        { name: '2020-2024', rows: [HEADER, ...years(2020, 2024)] },
      ]),
    )
    const inspection = await inspectFile(book)
    expect(inspection.tables.map((t) => [t.sheet, t.headerRow, t.rows])).toEqual([
      ['2015-2019', 1, 5],
      ['2020-2024', 1, 5],
    ])
    const r = await validate(book)
    expect(r.files.map((f) => [f.sheet, f.accepted])).toEqual([
      ['2015-2019', 5],
      ['2020-2024', 5],
    ])
    expect(Array.from(r.data.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024])
    expect(r.issues).toEqual([])
  })

  it('a notes sheet first is passed over by name, with the reason; the data sheet behind it is read', async () => {
    const book = inputFile(
      '填报.xlsx',
      await workbook([
        { name: '说明', rows: [['填报说明：金额单位为万元'], ['请勿修改表头']] },
        { name: '数据', rows: [['2024年学前教育统计表'], HEADER, ['430121', 2024, 40000, 24000]] },
        { name: '空表', rows: [] },
        { name: '模板', rows: [HEADER] },
      ]),
    )
    const inspection = await inspectFile(book)
    expect(inspection.error).toBeUndefined()
    expect(inspection.tables.map((t) => [t.sheet, t.headerRow, t.rows])).toEqual([['数据', 2, 1]])
    const notes = '没有可识别的表头：前20行中没有“行政区划代码”“年份”等列名；如果这张表有数据，请对照模板修改表头'
    expect(inspection.skipped).toEqual([
      { sheet: '说明', reason: notes },
      { sheet: '空表', reason: '工作表是空的' },
      { sheet: '模板', reason: '只有表头，没有数据行' },
    ])
    const r = await validate(book)
    expect(r.data.code).toEqual(['430121'])
    expect(listed(r)).toEqual([
      ['填报.xlsx', '说明', null, '', '', notes, 'info', '整张工作表未导入'],
      ['填报.xlsx', '空表', null, '', '', '工作表是空的', 'info', '整张工作表未导入'],
      ['填报.xlsx', '模板', null, '', '', '只有表头，没有数据行', 'info', '整张工作表未导入'],
    ])

    // A workbook with nothing to read names every sheet and why.
    const none = await inspectFile(
      inputFile(
        '说明.xlsx',
        await workbook([
          { name: '说明', rows: [['填报说明']] },
          { name: 'Sheet2', rows: [HEADER] },
        ]),
      ),
    )
    expect(none.error).toBe(`工作簿中没有可导入的工作表：“说明”${notes}；“Sheet2”只有表头，没有数据行`)
  })

  it('an .xlsx saved under a .csv name is read as the workbook it is', async () => {
    const bytes = await workbook([{ name: 'Sheet1', rows: [HEADER, ['430121', 2024, 40000, 24000]] }])
    const r = await validate(inputFile('导出.csv', bytes))
    expect(r.files).toMatchObject([{ file: '导出.csv', sheet: 'Sheet1', accepted: 1 }])
  })
})

describe('several files at once', () => {
  it('a county-year in two files with other figures: both rows listed, the columns that differ, the first kept', async () => {
    const r = await validate(
      csv('2023.csv', [HEADER.join(','), '430121,2023,43664,27018', '430181,2023,36000,19000']),
      csv('2023补报.csv', [HEADER.join(','), '430181,2023,36500,19000']),
    )
    expect(r.files.map((f) => [f.file, f.accepted, f.rejected])).toEqual([
      ['2023.csv', 2, 0],
      ['2023补报.csv', 0, 1],
    ])
    expect(listed(r)).toEqual([
      [
        '2023补报.csv',
        null,
        2,
        '',
        '430181 | 2023 | 36500 | 19000',
        '浏阳市2023年的数据重复，且与2023.csv第3行的数值不同：在园幼儿数（2023.csv第3行为36000，本行为36500）。已保留2023.csv第3行，本行未导入；请核对哪一行正确，删去另一行后重新导入',
        'error',
        '整行未导入',
      ],
      [
        '2023.csv',
        null,
        3,
        '',
        '',
        '浏阳市2023年的数据在2023补报.csv第2行又出现一次，数值不同（在园幼儿数）；已导入本行，请核实哪一行正确',
        'warning',
        '已导入，请核实',
      ],
    ])
    expect(Array.from(r.data.fields.kg_enrol!)).toEqual([43664, 36000])
  })

  it('one file per topic: the same county-years with other columns are joined into one row each', async () => {
    const r = await validate(
      csv('学前.csv', ['行政区划代码,年份,在园幼儿数(人)', '430121,2024,40000']),
      csv('经费.csv', ['行政区划代码,年份,一般公共预算教育支出(万元)', '430121,2024,234276.9']),
    )
    expect(r.data.length).toBe(1)
    expect(r.data.fields.kg_enrol![0]).toBe(40000)
    expect(r.data.fields.edu_budget![0]).toBe(234276.9)
    expect(listed(r)).toEqual([
      [
        '经费.csv',
        null,
        2,
        '',
        '',
        '长沙县2024年的数据已在学前.csv第2行：本行的一般公共预算教育支出并入那一行（两行都填了的数值相同）',
        'info',
        '已导入，请核实',
      ],
    ])
  })
})

describe('messages', () => {
  it('an empty file, a header without rows, binary data and an old .xls each say what they are and what to do', async () => {
    const r = await validate(
      inputFile('空.csv', ''),
      csv('只有表头.csv', [HEADER.join(',')]),
      inputFile('图片.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
      inputFile('旧版.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
    )
    expect(r.issues.map((i) => [i.file, i.reason, i.action])).toEqual([
      ['空.csv', '文件是空的：没有任何内容。请确认选对了文件，或重新导出后再导入', '整个文件未导入'],
      ['只有表头.csv', '文件没有数据行：表头下面没有任何数据，请确认导出或另存时包含了数据行', '整个文件未导入'],
      [
        '图片.csv',
        '不是CSV或Excel文件：文件内容不是文字（可能是图片、PDF、Word 文档或压缩包）。请在 Excel 或 WPS 中打开数据，另存为 .xlsx 或 CSV 后重新导入',
        '整个文件未导入',
      ],
      ['旧版.xlsx', '这是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新导入', '整个文件未导入'],
    ])
    expect((await inspectFile(inputFile('空.csv', '\uFEFF'))).error).toBe(
      '文件是空的：没有任何内容。请确认选对了文件，或重新导出后再导入',
    )
  })

  it('what the reading libraries say in English is said in Chinese', async () => {
    const r = await validate(
      inputFile('坏.xlsx', 'not a zip'),
      inputFile('坏2.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
      inputFile('坏.parquet', 'PAR1xxxxxxxxxxPAR1'),
    )
    expect(r.issues.map((i) => i.reason)).toEqual([
      '无法读取：不是有效的Excel（.xlsx）工作簿，文件可能已损坏，或是改了扩展名的其他文件。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新导入',
      '无法读取：不是有效的Excel（.xlsx）工作簿，文件可能已损坏，或是改了扩展名的其他文件。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新导入',
      '无法读取：不是有效的 Parquet 文件，文件可能不完整或已损坏，请重新导出',
    ])
  })

  it('N/A and the like are listed once per column with their rows; empty cells are not', async () => {
    const r = await validate(
      csv('缺项.csv', [
        HEADER.join(','),
        '430121,2024,N/A,24000',
        '430181,2024,#N/A,',
        '430102,2024,N/A,无',
        '430103,2024,,—',
      ]),
    )
    expect(listed(r)).toEqual([
      [
        '缺项.csv',
        null,
        2,
        'C列 在园幼儿数(人)',
        'N/A',
        '本列有2个单元格写作“N/A”（第2、4行），按无数据处理；如有数值，请填上后重新导入',
        'info',
        '单元格未导入',
      ],
      [
        '缺项.csv',
        null,
        3,
        'C列 在园幼儿数(人)',
        '#N/A',
        '本列有1个单元格写作“#N/A”（第3行），按无数据处理；如有数值，请填上后重新导入',
        'info',
        '单元格未导入',
      ],
      [
        '缺项.csv',
        null,
        4,
        'D列 公办园在园幼儿数(人)',
        '无',
        '本列有1个单元格写作“无”（第4行），按无数据处理；如有数值，请填上后重新导入',
        'info',
        '单元格未导入',
      ],
      [
        '缺项.csv',
        null,
        5,
        'D列 公办园在园幼儿数(人)',
        '—',
        '本列有1个单元格写作“—”（第5行），按无数据处理；如有数值，请填上后重新导入',
        'info',
        '单元格未导入',
      ],
    ])
    expect(r.files[0]).toMatchObject({ accepted: 4, rejected: 0 })
  })

  it('a name matches its code only as written in full, without its suffix, or after its province and prefecture', async () => {
    for (const name of ['芙蓉区', ' 芙蓉区 ', '芙蓉', '长沙市芙蓉区', '湖南省长沙市芙蓉区'])
      expect(nameMatches(name, '芙蓉区')).toBe(true)
    expect(nameMatches('城步', '城步苗族自治县')).toBe(true)
    for (const name of ['芙蓉区"><svg onload=alert(1)>', '<b>芙蓉区', '芙', '天心区', '芙蓉区（含高新区）'])
      expect(nameMatches(name, '芙蓉区')).toBe(false)
    const r = await validate(
      csv('名称.csv', [
        '行政区划代码,年份,区县名称,在园幼儿数(人)',
        '430102,2024,"芙蓉区""><svg onload=alert(1)>",1000',
        '430103,2024,长沙市天心区,1000',
      ]),
    )
    expect(listed(r)).toEqual([
      [
        '名称.csv',
        null,
        2,
        'C列 区县名称',
        '芙蓉区"><svg onload=alert(1)>',
        '名称与代码430102对应的区县“芙蓉区”不一致，已按代码导入',
        'warning',
        '已导入，请核实',
      ],
    ])
  })

  it('a year far from both its neighbours is named on its own row, once', async () => {
    const { db, loader } = await bundledDatabase([])
    await loader.init()
    const r = await validate(
      csv('长沙县.csv', [
        '行政区划代码,年份,在园幼儿数(人)',
        '430121,2021,40000',
        '430121,2022,41000',
        '430121,2023,4100',
        '430121,2024,42000',
      ]),
    )
    await stage(db, stageIpc(r.data))
    expect(await crossCheck(db, rateColumns(r.data), r.files)).toEqual([
      {
        file: '长沙县.csv',
        sheet: undefined,
        row: 4,
        column: '在园幼儿数(人)',
        value: '4100',
        reason: '与上年（41000）、下年（42000）相比都变化超过3倍，可能是这一年录入有误（如单位或位数），请核实',
        severity: 'warning',
        action: '已导入，请核实',
      },
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { getIndicator, thresholdFor } from '../../src/indicators/catalog.ts'
import { countyProblems } from '../../src/indicators/problems.ts'
import { provinceRollup } from '../../src/indicators/rollup.ts'
import { reportDocx } from '../../src/export/reportDocument.ts'
import {
  problemsContent,
  reportDate,
  reportFileName,
  reportLines,
  reportText,
  rollupContent,
  type ReportSection,
} from '../../src/export/reportSection.ts'
import type { RuleStatusRow } from '../../src/queries/rules.ts'
import { readDocx } from '../support/docx.ts'

/** kg_public_share (line 50%) in two counties of a made-up prefecture. */
const share = (code: string, year: number, value: number, streak = 1): RuleStatusRow => {
  const threshold = thresholdFor(getIndicator('kg_public_share'), year)!.value
  return {
    rule: 'kg_public_share',
    code,
    year,
    value,
    threshold,
    status: value >= threshold ? '达标' : '未达标',
    gap: Math.max(threshold - value, 0),
    failing: null,
    streak,
  }
}
const rows = [
  share('990101', 2023, 45),
  share('990101', 2024, 42.3, 2),
  share('990102', 2023, 48),
  share('990102', 2024, 55),
  share('990103', 2023, 60),
  share('990103', 2024, 49),
]
const names = new Map([
  ['990101', '甲区'],
  ['990102', '乙县'],
  ['990103', '丙县'],
])
const meta = { date: '2025年3月6日', source: '模拟数据' }

describe('problem lists as report sections', () => {
  it('writes a county’s problems as numbered text under title, source and date', () => {
    const section: ReportSection = {
      ...problemsContent(
        '甲区2024年存在问题',
        countyProblems(
          rows.filter((r) => r.code === '990101'),
          2024,
        ),
      ),
      ...meta,
    }
    expect(reportText(section)).toBe(
      [
        '甲区2024年存在问题',
        '数据来源：模拟数据',
        '导出日期：2025年3月6日',
        '',
        '1. 2024年公办园在园幼儿占比为42.3%，低于50%的要求，差距7.70个百分点，已连续2年未达标。',
      ].join('\n'),
    )
    expect(reportText({ ...problemsContent('乙县2024年存在问题', []), ...meta })).toBe(
      '乙县2024年存在问题\n数据来源：模拟数据\n导出日期：2025年3月6日\n\n未发现未达标事项。',
    )
  })

  it('writes the roll-up with last year’s change and the failing counties under each item', () => {
    const items = provinceRollup(rows, 2024, names, '全市').filter((i) => i.rule.id === 'kg_public_share')
    expect(reportText({ ...rollupContent('某市2024年存在问题汇总', items), ...meta })).toBe(
      [
        '某市2024年存在问题汇总',
        '数据来源：模拟数据',
        '导出日期：2025年3月6日',
        '',
        '1. 全市有2个区县（占66.7%）公办园在园幼儿占比未达到50%，未达标区县数与上年持平（新增1个，转为达标1个）。',
        '   未达标区县：甲区（42.3%，差7.70个百分点，连续2年）；丙县（49.0%，差1.00个百分点）。',
      ].join('\n'),
    )
  })

  it('dates as the reports do and names files without characters Windows refuses', () => {
    expect(reportDate(new Date(2025, 0, 9))).toBe('2025年1月9日')
    expect(reportFileName({ title: '甲/乙:2024', items: [], empty: '', ...meta }, 'docx')).toBe('甲_乙_2024.docx')
  })

  it('packs a Word document whose paragraphs are the title, source, date and every item in order', async () => {
    const items = provinceRollup(rows, 2024, names, '全市')
    const section: ReportSection = { ...rollupContent('某市2024年存在问题汇总', items), ...meta }
    const docx = readDocx(await reportDocx(section))
    expect(docx.parts).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']))
    expect(docx.paragraphs).toEqual(reportLines(section).map((l) => l.text))
    expect(docx.paragraphs.slice(0, 3)).toEqual([
      '某市2024年存在问题汇总',
      '数据来源：模拟数据',
      '导出日期：2025年3月6日',
    ])
    expect(docx.documentXml).toContain('w:eastAsia="仿宋"')
  })
})

// The words a leader takes into a meeting: every roll-up sentence names its rule, a change
// of nothing reads 与上年持平, a line in force one year reads as that year, a line of 0 reads
// 全面消除. Made-up rows for every rule (each branch of the sentence), then the bundled data.
import { beforeAll, describe, expect, it } from 'vitest'
import { getIndicator, thresholdFor } from '../../src/indicators/catalog.ts'
import { formatLine, formatThreshold } from '../../src/indicators/format.ts'
import { countyProblems } from '../../src/indicators/problems.ts'
import { provinceRollup, type RollupItem } from '../../src/indicators/rollup.ts'
import { partsOf, RULES, type Rule } from '../../src/indicators/rules.ts'
import { ruleLines } from '../../src/export/columns.ts'
import { reportLines, rollupContent } from '../../src/export/reportSection.ts'
import { countiesQuery, ruleStatusQuery, type CountyRow, type RuleStatusRow } from '../../src/queries/index.ts'
import type { ThresholdStatus } from '../../src/queries/ranking.ts'
import { bundledDatabase } from '../support/bundled.ts'

/** How a sentence names a rule: its title, or the words the documents use for it. */
function subject(rule: Rule): string {
  if (rule.id === 'salary_gap') return '义务教育教师平均工资'
  if (rule.id === 'two_no_decrease') return '两个只增不减'
  return rule.title.replace(/增长率$/, '')
}

/** One county-year of a rule with a value on the right side of its line for the status. */
function row(rule: Rule, code: string, year: number, status: ThresholdStatus): RuleStatusRow {
  const ind = partsOf(rule)[0]!
  const t = thresholdFor(ind, year)
  const line = t?.value ?? 0
  const step = status === '达标' ? 0 : status === '基本达标' ? 0.05 : 0.2
  const value =
    status === '无数据'
      ? null
      : ind.good === 'up'
        ? line - step * Math.max(Math.abs(line), 1)
        : line + step * Math.max(Math.abs(line), 1)
  return {
    rule: rule.id,
    code,
    year,
    value: rule.kind === 'all' ? null : value,
    threshold: rule.kind === 'all' ? null : line,
    status,
    gap: status === '未达标' || status === '基本达标' ? Math.abs((value ?? 0) - line) : null,
    failing: rule.kind === 'all' && status === '未达标' ? ind.id : null,
    streak: 1,
  }
}

const NAMES = new Map([
  ['990101', '甲区'],
  ['990102', '乙县'],
  ['990103', '丙县'],
])
const CODES = [...NAMES.keys()]

/** Last year's and this year's statuses of the three counties, one case per branch of the sentence. */
const CASES: Record<string, [ThresholdStatus[], ThresholdStatus[]]> = {
  'all met, none failed last year': [
    ['达标', '达标', '达标'],
    ['达标', '达标', '达标'],
  ],
  'all met, one failed last year': [
    ['未达标', '达标', '达标'],
    ['达标', '达标', '达标'],
  ],
  'one fails, as last year': [
    ['未达标', '达标', '达标'],
    ['未达标', '达标', '达标'],
  ],
  'one fails, another did last year': [
    ['未达标', '达标', '达标'],
    ['达标', '未达标', '达标'],
  ],
  'two fail, none did last year': [
    ['达标', '达标', '达标'],
    ['未达标', '未达标', '达标'],
  ],
  'one within the band, none failed': [
    ['达标', '达标', '达标'],
    ['基本达标', '达标', '达标'],
  ],
}

function rollupOf(
  rule: Rule,
  before: readonly ThresholdStatus[],
  now: readonly ThresholdStatus[],
  year: number,
): RollupItem {
  const hasBand = partsOf(rule).some((i) => thresholdFor(i, year)?.basic)
  const band = (s: ThresholdStatus): ThresholdStatus => (s === '基本达标' && !hasBand ? '达标' : s)
  const rows = CODES.flatMap((code, i) => [
    row(rule, code, year - 1, band(before[i]!)),
    row(rule, code, year, band(now[i]!)),
  ])
  return provinceRollup(rows, year, NAMES, '全省').find((item) => item.rule.id === rule.id)!
}

/** Every sentence of an item as the Word and text exports write it. */
function exportedSentences(items: readonly RollupItem[]): string[] {
  return reportLines({ ...rollupContent('某省存在问题汇总', items), date: '', source: '模拟数据' })
    .filter((l) => l.kind === 'item')
    .flatMap((l) =>
      l.text
        .replace(/^\d+\. /, '')
        .split('。')
        .filter(Boolean),
    )
}

describe('the roll-up names its rule in every sentence', () => {
  for (const [name, [before, now]] of Object.entries(CASES)) {
    it(name, () => {
      for (const rule of RULES) {
        const item = rollupOf(rule, before, now, 2024)
        const sentences = exportedSentences([item])
        expect(sentences.length, rule.id).toBeGreaterThan(0)
        for (const s of sentences) expect(s, rule.id).toContain(subject(rule))
        expect(item.sentence, rule.id).not.toMatch(/(增加|减少)0个/)
      }
    })
  }

  it('says the line and 上年 as the reports do', () => {
    const enrol = RULES.find((r) => r.id === 'kg_gross_enrol_rate')!
    const large = RULES.find((r) => r.id === 'large_class_share')!
    const share = RULES.find((r) => r.id === 'kg_public_share')!
    const [all, met, same, moved, more] = Object.values(CASES)
    expect(rollupOf(enrol, ...all!, 2020).sentence).toBe(
      '全省各区县学前三年毛入园率均达到要求（≥85%），上年也无未达标区县',
    )
    expect(rollupOf(enrol, ...met!, 2024).sentence).toBe(
      '全省各区县学前三年毛入园率均达到要求（≥90%），未达标区县比上年减少1个',
    )
    expect(rollupOf(large, ...all!, 2024).sentence).toBe(
      '全省各区县义务教育大班额比例均达到要求（全面消除），上年也无未达标区县',
    )
    expect(rollupOf(share, ...same!, 2024).sentence).toBe(
      '全省有1个区县（占33.3%）公办园在园幼儿占比未达到50%，未达标区县数与上年持平',
    )
    expect(rollupOf(share, ...moved!, 2024).sentence).toBe(
      '全省有1个区县（占33.3%）公办园在园幼儿占比未达到50%，未达标区县数与上年持平（新增1个，转为达标1个）',
    )
    expect(rollupOf(share, ...more!, 2024).sentence).toBe(
      '全省有2个区县（占66.7%）公办园在园幼儿占比未达到50%，未达标区县比上年增加2个',
    )
  })

  describe('on the bundled data, every year and prefecture', () => {
    let statuses: RuleStatusRow[] = []
    let counties: CountyRow[] = []
    beforeAll(async () => {
      const { db } = await bundledDatabase(['430000'])
      statuses = await db.query<RuleStatusRow>(ruleStatusQuery(RULES, { province: '430000' }))
      counties = await db.query<CountyRow>(countiesQuery('430000'))
    })

    it('names the rule in every exported sentence and never says 增加0个', () => {
      const scopes = [
        ['全省', counties],
        ...[...new Set(counties.map((c) => c.prefecture))].map(
          (p) => [p, counties.filter((c) => c.prefecture === p)] as const,
        ),
      ] as const
      const years = [...new Set(statuses.map((s) => s.year))].sort()
      let checked = 0
      for (const [scope, list] of scopes) {
        const names = new Map(list.map((c) => [c.code, c.name]))
        for (const year of years) {
          for (const item of provinceRollup(statuses, year, names, scope)) {
            for (const s of exportedSentences([item]))
              expect(s, `${scope} ${year} ${item.rule.id}`).toContain(subject(item.rule))
            expect(item.sentence).not.toMatch(/(增加|减少)0个|下降0\.00%|差0\.00|差距0\.00/)
            checked++
          }
        }
      }
      expect(checked).toBeGreaterThan(1000)
    }, 60_000)
  })
})

describe('a county’s problem sentences never say a change of nothing', () => {
  it('writes a fall too small for two decimals as 不足0.01%', () => {
    const leg: RuleStatusRow = {
      rule: 'edu_budget_growth',
      code: '990101',
      year: 2024,
      value: -0.003,
      threshold: 0,
      status: '未达标',
      gap: 0.003,
      failing: null,
      streak: 1,
    }
    const two: RuleStatusRow = {
      ...leg,
      rule: 'two_no_decrease',
      value: null,
      threshold: null,
      gap: null,
      failing: 'edu_budget_growth',
    }
    const [problem] = countyProblems([leg, two], 2024)
    expect(problem!.sentence).toBe('2024年一般公共预算教育支出比上年下降不足0.01%，未实现“两个只增不减”')
  })

  it('lists a county whose spending fell by less than 0.01% in the roll-up as 比上年下降不足0.01%', () => {
    const fell: RuleStatusRow = {
      rule: 'edu_budget_growth',
      code: '990101',
      year: 2024,
      value: -0.003,
      threshold: 0,
      status: '未达标',
      gap: 0.003,
      failing: null,
      streak: 2,
    }
    const item = provinceRollup([fell], 2024, NAMES, '全省')[0]!
    expect(item.counties.map((c) => c.detail)).toEqual(['比上年下降不足0.01%'])
  })

  it('writes a shortfall too small for two decimals as 不足0.01个百分点', () => {
    const r: RuleStatusRow = {
      rule: 'kg_public_share',
      code: '990101',
      year: 2024,
      value: 49.996,
      threshold: 50,
      status: '未达标',
      gap: 0.004,
      failing: null,
      streak: 1,
    }
    const sentence = countyProblems([r], 2024)[0]!.sentence
    expect(sentence).toContain('低于50%的要求，差距不足0.01个百分点')
    expect(sentence).not.toContain('0.00')
  })
})

describe('policy lines as the rules page, the indicator notes and the rules table write them', () => {
  const large = getIndicator('large_class_share')

  it('reads a line of 0 on an indicator that should fall as 全面消除', () => {
    expect(formatThreshold(large, 0)).toBe('全面消除')
    expect(formatLine(large, large.thresholds[1]!)).toBe('全面消除')
    expect(formatThreshold(large, 5)).toBe('≤5%')
    expect(formatThreshold(getIndicator('edu_budget_growth'), 0)).toBe('≥0%')
  })

  it('writes a line in force for one year as that year, never 2020年—2020年', () => {
    const lines = ruleLines(RULES)
    expect(lines.filter((l) => /(\d{4})年—\1年/.test(l.years))).toEqual([])
    expect(
      lines.filter(
        (l) =>
          /[≤≥]0(个|%|$)/.test(l.standard) &&
          l.rule.kind === 'threshold' &&
          getIndicator(l.rule.indicator).good === 'down',
      ),
    ).toEqual([])
    const large2020 = lines.find((l) => l.rule.id === 'large_class_share' && l.years.startsWith('2020'))!
    expect([large2020.years, large2020.standard]).toEqual(['2020年', '≤5%'])
    expect(lines.filter((l) => l.rule.id === 'large_class_share').map((l) => `${l.years}：${l.standard}`)).toEqual([
      '2020年：≤5%',
      '2021年起：全面消除',
    ])
    expect(lines.filter((l) => l.rule.id === 'kg_gross_enrol_rate').map((l) => l.years)).toEqual([
      '2017年—2020年',
      '2021年起',
    ])
  })
})

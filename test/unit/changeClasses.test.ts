// The province map coloured by change: centred on 0, improvement cool and decline warm
// whichever way the indicator counts as better, every change in exactly the class that says so.
import { describe, expect, it } from 'vitest'
import { changeClasses, changeNote, changeOf, STEADY_COLOR } from '../../src/charts/changeClasses.ts'
import { regionColors } from '../../src/charts/choropleth.ts'
import { classOf } from '../../src/charts/mapClasses.ts'
import { FAIL_COLORS, NO_DATA_COLOR, PASS_COLORS } from '../../src/charts/palette.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { rankingRow } from '../support/rankingRow.ts'

const largeClass = getIndicator('large_class_share') // lower is better, 个百分点
const budget = getIndicator('edu_budget') // higher is better, %

describe('changeClasses', () => {
  it('centres on 0 with round steps; a fall is 改善 where lower is better', () => {
    const classes = changeClasses([-8.67, -5.87, 0, 0.4, 2.1, null], largeClass)
    expect(classes.map((c) => c.label)).toEqual([
      '改善 −10.0个百分点～−5.0个百分点',
      '改善 −5.0个百分点～−0.5个百分点',
      '基本持平（±0.5个百分点以内）',
      '退步 +0.5个百分点～+5.0个百分点',
      '退步 +5.0个百分点～+10.0个百分点',
      '无数据',
    ])
    const colour = (v: number | null) => classOf({ value: v, status: null }, classes).color
    expect([colour(-8.67), colour(-2), colour(0), colour(0.4), colour(2.1), colour(null)]).toEqual([
      PASS_COLORS[1],
      PASS_COLORS[0],
      STEADY_COLOR,
      STEADY_COLOR,
      FAIL_COLORS[1],
      NO_DATA_COLOR,
    ])
    expect(changeNote(largeClass, 2024, 2020)).toBe(
      '按2020年至2024年的变化着色；下降为改善（紫色），上升为退步（橙色）。',
    )
  })

  it('turns round where higher is better, and colours amounts by their change in %', () => {
    const row = rankingRow({ code: '990101', name: '甲县', change: 1200, change_pct: 12.5 })
    expect(changeOf(row, budget)).toBe(12.5)
    expect(changeOf(row, largeClass)).toBe(1200)
    const classes = changeClasses([12.5, -3], budget)
    expect(classes.map((c) => c.label)[0]).toBe('退步 −12.5%～−5.0%')
    expect(classes.map((c) => c.label)[4]).toBe('改善 +5.0%～+12.5%')
    const colours = regionColors([row], classes, (r) => changeOf(r, budget))
    expect(colours.get('990101')).toBe(PASS_COLORS[1])
  })

  it('has one class when nothing moved', () => {
    expect(changeClasses([0, 0, null], largeClass).map((c) => c.label)).toEqual(['无变化', '无数据'])
  })
})

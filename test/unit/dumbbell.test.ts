// The dumbbell chart's model: dots where the values fall on one axis from 0, the dot now in the
// passing colour where the county improved (a fall, where lower is better), and words that
// say both values.
import { describe, expect, it } from 'vitest'
import { dumbbellModel, STEADY_DOT } from '../../src/charts/dumbbell.ts'
import { FAIL_COLORS, PASS_COLORS } from '../../src/charts/palette.ts'
import { getIndicator } from '../../src/indicators/catalog.ts'
import { rankingRow } from '../support/rankingRow.ts'

const largeClass = getIndicator('large_class_share')
const rows = [
  rankingRow({ code: '990101', name: '甲县', prev_value: 57.08, value: 21.61 }),
  rankingRow({ code: '990102', name: '乙县', prev_value: 2, value: 4.5 }),
  rankingRow({ code: '990103', name: '丙县', prev_value: 3, value: 3 }),
  rankingRow({ code: '990104', name: '丁县', prev_value: null, value: 1 }),
]

describe('dumbbellModel', () => {
  const model = dumbbellModel(rows, largeClass, { then: 2020, now: 2024 }, 480)

  it('places both years on one axis from 0, within the plot', () => {
    const [a, b] = model.rows
    expect(a!.then!).toBeGreaterThan(a!.now!)
    expect(b!.now!).toBeGreaterThan(b!.then!)
    for (const r of model.rows)
      for (const x of [r.then, r.now].filter((v) => v !== null)) {
        expect(x).toBeGreaterThanOrEqual(model.left)
        expect(x).toBeLessThanOrEqual(model.right)
      }
    expect(model.ticks[0]!.label).toBe('0.00%')
    expect(model.ticks[0]!.x).toBe(model.left)
    expect(model.rows[3]!.then).toBeNull()
  })

  it('colours the dot now by the direction that is better for the indicator', () => {
    expect(model.rows.map((r) => r.color).slice(0, 3)).toEqual([PASS_COLORS[1], FAIL_COLORS[0], STEADY_DOT])
    const up = dumbbellModel(rows, getIndicator('kg_public_share'), { then: 2020, now: 2024 }, 480)
    expect(up.rows[0]!.color).toBe(FAIL_COLORS[0])
  })

  it('says both values in words', () => {
    expect(model.rows[0]!.text).toBe('甲县：2020年 57.08% → 2024年 21.61%')
    expect(model.height).toBe(4 * model.rowHeight + 20)
  })
})

// The province page's 前三 / 后三 and 达标区县 change: ranks of the scope shown, ties told.
import { describe, expect, it } from 'vitest'
import { bestAndWorst, passChangeText, rankScopeOf } from '../../src/components/ranking/summary.ts'
import type { AggregateRow } from '../../src/queries/aggregates.ts'
import type { RankingRow } from '../../src/queries/ranking.ts'

const row = (
  code: string,
  value: number | null,
  rank: number | null,
  rankPrefecture: number | null,
  prefecture = '431200',
): RankingRow =>
  ({
    code,
    name: `县${code}`,
    prefecture_code: prefecture,
    prefecture: '某市',
    value,
    rank,
    rank_prefecture: rankPrefecture,
    prev_value: null,
    prev_rank: null,
    prev_rank_prefecture: null,
    county_type: '县',
    initials: null,
    change: null,
    change_pct: null,
    threshold: null,
    status: null,
    gap: null,
    doubt: null,
  }) as RankingRow

describe('前三 / 后三', () => {
  it('numbers both lists with the prefecture’s ranks when one prefecture is shown', () => {
    const rows = [
      row('1', 90, 3, 1),
      row('2', 80, 10, 2),
      row('3', 70, 30, 3),
      row('4', 60, 115, 4),
      row('5', 50, 119, 5),
      row('6', 40, 120, 6),
    ]
    expect(rankScopeOf(rows)).toBe('prefecture')
    const { best, worst } = bestAndWorst(rows, 'prefecture')
    expect(best.map((e) => [e.code, e.rankText])).toEqual([
      ['1', '第1'],
      ['2', '第2'],
      ['3', '第3'],
    ])
    expect(worst.map((e) => [e.code, e.rankText])).toEqual([
      ['6', '第6'],
      ['5', '第5'],
      ['4', '第4'],
    ])
  })

  it('numbers them with the province’s ranks for the whole province', () => {
    const rows = [
      row('1', 90, 1, 1, 'a'),
      row('2', 80, 2, 1, 'b'),
      row('3', 70, 3, 2, 'a'),
      row('4', 60, 4, 2, 'b'),
      row('5', 50, 5, 3, 'a'),
      row('6', 40, 6, 3, 'b'),
      row('7', null, null, null, 'a'),
    ]
    expect(rankScopeOf(rows)).toBe('province')
    const { best, worst } = bestAndWorst(rows, 'province')
    expect(best.map((e) => e.rankText)).toEqual(['第1', '第2', '第3'])
    expect(worst.map((e) => [e.code, e.rankText])).toEqual([
      ['6', '第6'],
      ['5', '第5'],
      ['4', '第4'],
    ])
  })

  it('tells counties tied on a rank as 并列, at their real rank', () => {
    const rows = [
      row('1', 0, 1, 1),
      row('2', 0, 1, 1),
      row('3', 0, 1, 1),
      row('4', 0, 1, 1),
      row('5', 2, 5, 5),
      row('6', 3, 6, 6),
      row('7', 3, 6, 6),
    ]
    const { best, worst } = bestAndWorst(rows, 'prefecture')
    expect(best.map((e) => e.rankText)).toEqual(['并列第1', '并列第1', '并列第1'])
    expect(worst.map((e) => [e.code, e.rankText])).toEqual([
      ['7', '并列第6'],
      ['6', '并列第6'],
      ['5', '第5'],
    ])
  })

  it('does not list a county in both when the scope has fewer than six', () => {
    const rows = [row('1', 9, 1, 1), row('2', 8, 2, 2), row('3', 7, 3, 3), row('4', 6, 4, 4)]
    const { best, worst } = bestAndWorst(rows, 'prefecture')
    expect(best.map((e) => e.code)).toEqual(['1', '2', '3'])
    expect(worst.map((e) => e.code)).toEqual(['4'])
  })
})

describe('达标区县 against last year', () => {
  const agg = (pass: number, basic = 0, fail = 0) => ({ pass, basic, fail }) as AggregateRow
  it('says 与上年持平 for no change, never 增加0个', () => {
    expect(passChangeText(agg(5, 0, 3), agg(5, 0, 3))).toBe('达标区县数与上年持平')
    expect(passChangeText(agg(7, 0, 1), agg(5, 0, 3))).toBe('达标区县比上年增加2个')
    expect(passChangeText(agg(4, 0, 4), agg(5, 0, 3))).toBe('达标区县比上年减少1个')
    expect(passChangeText(agg(4, 0, 4), agg(0, 0, 0))).toBe('')
    expect(passChangeText(agg(4, 0, 4), null)).toBe('')
  })
})

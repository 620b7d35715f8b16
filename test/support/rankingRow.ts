// One county's ranking row for tests of what is built from rows (tables, maps, charts):
// a county of 甲市 in 测试省 with nothing but what the test says.
import type { RankingRow } from '../../src/queries/ranking.ts'

export function rankingRow(row: Pick<RankingRow, 'code' | 'name'> & Partial<RankingRow>): RankingRow {
  return {
    prefecture_code: '990100',
    prefecture: '甲市',
    county_type: '县',
    value: null,
    rank: null,
    rank_prefecture: null,
    prev_value: null,
    prev_rank: null,
    prev_rank_prefecture: null,
    prev_status: null,
    initials: null,
    change: null,
    change_pct: null,
    threshold: 50,
    status: null,
    gap: null,
    doubt: null,
    ...row,
  }
}

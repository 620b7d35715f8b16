// The province page's summary strip in words: 前三 / 后三 numbered with the ranks of the scope
// shown (a prefecture's own when one is chosen), ties told as 并列; 达标区县 against last year.
import { formatCountChange } from '../../indicators/format.ts'
import type { AggregateRow } from '../../queries/aggregates.ts'
import type { RankingRow, ThresholdStatus } from '../../queries/ranking.ts'
import { compareCodes } from '../../util/divisions.ts'

export type RankScope = 'province' | 'prefecture'

export interface RankedEntry {
  code: string
  name: string
  value: number | null
  rank: number
  /** 第3, or 并列第1 when another county of the scope has the same rank. */
  rankText: string
  /** Its verdict against the line, where the rows carry one. */
  status: ThresholdStatus | null
}

/**
 * The scope the rows are ranked in: one prefecture's rows are read with its ranks. A
 * province that is one prefecture (a 直辖市's 市辖区) has the same ranks either way.
 */
export function rankScopeOf(rows: readonly RankingRow[]): RankScope {
  const first = rows[0]?.prefecture_code
  return first !== undefined && rows.every((r) => r.prefecture_code === first) ? 'prefecture' : 'province'
}

/** A ranked county, or a province of the national view (ranked in the country, no prefecture rank). */
export type RankedRow = Pick<RankingRow, 'code' | 'name' | 'value' | 'rank'> &
  Partial<Pick<RankingRow, 'rank_prefecture' | 'status'>>

/** The first and last `n` ranked counties (the last worst first); a county is in one list only. */
export function bestAndWorst(
  rows: readonly RankedRow[],
  scope: RankScope,
  n = 3,
): { best: RankedEntry[]; worst: RankedEntry[] } {
  const rankOf = (r: RankedRow) => (scope === 'prefecture' ? (r.rank_prefecture ?? null) : r.rank)
  const ranked = rows
    .filter((r) => rankOf(r) !== null)
    .map((r) => ({ code: r.code, name: r.name, value: r.value, rank: rankOf(r)!, status: r.status ?? null }))
    .sort((a, b) => a.rank - b.rank || compareCodes(a.code, b.code))
  const sharing = new Map<number, number>()
  for (const r of ranked) sharing.set(r.rank, (sharing.get(r.rank) ?? 0) + 1)
  const entries = ranked.map((r) => ({ ...r, rankText: `${sharing.get(r.rank)! > 1 ? '并列' : ''}第${r.rank}` }))
  return { best: entries.slice(0, n), worst: entries.slice(Math.max(n, entries.length - n)).reverse() }
}

/** 达标区县比上年增加2个 / 达标区县数与上年持平, or '' when last year was not judged. */
export function passChangeText(current: AggregateRow | null, previous: AggregateRow | null): string {
  if (!current || !previous || previous.pass + previous.basic + previous.fail === 0) return ''
  return formatCountChange('达标区县', current.pass - previous.pass)
}

import type { RankingRow } from '../queries/ranking.ts'
import type { RankScope, SortKey } from '../stores/selection.ts'
import { compareCodes } from '../util/divisions.ts'

export interface TableRow extends RankingRow {
  /** Rank in the chosen scope (province or prefecture), and its change since last year. */
  shownRank: number | null
  shownPrevRank: number | null
}

export interface TableFilters {
  prefecture: string
  countyType: string
  search: string
  /** Only rows whose value is doubtful (数据存疑). */
  doubtful?: boolean
  sort: SortKey
  descending: boolean
  rankScope: RankScope
}

const STATUS_ORDER: Record<string, number> = { 未达标: 0, 基本达标: 1, 达标: 2, 无数据: 3 }

function sortValue(r: TableRow, key: SortKey): number | string | null {
  switch (key) {
    case 'rank':
      return r.shownRank
    case 'name':
      return r.name
    case 'prefecture':
      return r.prefecture
    case 'value':
      return r.value
    case 'change':
      return r.change
    case 'rank_change':
      return r.shownRank !== null && r.shownPrevRank !== null ? r.shownPrevRank - r.shownRank : null
    case 'status':
      return r.status === null ? null : (STATUS_ORDER[r.status] ?? null)
  }
}

// Made when names are first sorted: building a zh-CN collator loads ICU's collation data,
// which a ranking by rank (the first view) does not need.
let collator: Intl.Collator | undefined

/** Missing values sort last whichever the direction; names compare in Chinese collation. */
export function compareRows(key: SortKey, descending: boolean): (a: TableRow, b: TableRow) => number {
  return (a, b) => {
    const va = sortValue(a, key)
    const vb = sortValue(b, key)
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1
    const c =
      typeof va === 'string' ? (collator ??= new Intl.Collator('zh-CN')).compare(va, String(vb)) : va - (vb as number)
    return (descending ? -c : c) || compareCodes(a.code, b.code)
  }
}

/** Matches a county by name or by pinyin initials (e.g. “csx” for 长沙县). */
export function matchesSearch(row: Pick<RankingRow, 'name' | 'initials'>, search: string): boolean {
  const q = search.trim().toLowerCase()
  if (!q) return true
  return row.name.includes(search.trim()) || (row.initials ?? '').startsWith(q)
}

export function tableRows(rows: readonly RankingRow[], f: TableFilters): TableRow[] {
  return rows
    .filter(
      (r) =>
        (!f.prefecture || r.prefecture_code === f.prefecture) &&
        (!f.countyType || r.county_type === f.countyType) &&
        (!f.doubtful || r.doubt) &&
        matchesSearch(r, f.search),
    )
    .map((r) => ({
      ...r,
      shownRank: f.rankScope === 'prefecture' ? r.rank_prefecture : r.rank,
      shownPrevRank: f.rankScope === 'prefecture' ? r.prev_rank_prefecture : r.prev_rank,
    }))
    .sort(compareRows(f.sort, f.descending))
}

// A problem list as a report section (title, date, data source, numbered items), the one
// model behind the copied text, the .txt file and the Word document, so all three agree.
import type { Problem } from '../indicators/problems.ts'
import { countyDetail, type RollupItem } from '../indicators/rollup.ts'

export interface ReportItem {
  text: string
  /** A line under the item, e.g. the counties that fall short. */
  detail?: string
}

/** What a page knows; the date and source are added when the user exports. */
export interface ReportContent {
  title: string
  items: ReportItem[]
  /** Said in place of the items when there are none. */
  empty: string
}

export interface ReportSection extends ReportContent {
  /** As the reports write it: 2025年3月6日. */
  date: string
  /** 模拟数据 for the bundled data, else the loaded file's name. */
  source: string
}

export type LineKind = 'title' | 'meta' | 'item' | 'detail'

export interface ReportLine {
  kind: LineKind
  text: string
}

export function reportDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** The section line by line: the text file writes them, the Word document styles them. */
export function reportLines(s: ReportSection): ReportLine[] {
  const head: ReportLine[] = [
    { kind: 'title', text: s.title },
    { kind: 'meta', text: `数据来源：${s.source}` },
    { kind: 'meta', text: `导出日期：${s.date}` },
  ]
  if (s.items.length === 0) return [...head, { kind: 'item', text: s.empty }]
  return [
    ...head,
    ...s.items.flatMap((item, i): ReportLine[] => [
      { kind: 'item', text: `${i + 1}. ${item.text}` },
      ...(item.detail ? [{ kind: 'detail' as const, text: item.detail }] : []),
    ]),
  ]
}

const INDENT: Record<LineKind, string> = { title: '', meta: '', item: '', detail: '   ' }

/** Plain text: a blank line after the heading, details indented under their item. */
export function reportText(s: ReportSection): string {
  return reportLines(s)
    .map((l, i, all) => `${l.kind === 'item' && all[i - 1]?.kind === 'meta' ? '\n' : ''}${INDENT[l.kind]}${l.text}`)
    .join('\n')
}

/** A file name from the title, without the characters Windows refuses. */
export function reportFileName(s: ReportSection, extension: 'docx' | 'txt'): string {
  return `${s.title.replace(/[\\/:*?"<>|]/g, '_')}.${extension}`
}

export function problemsContent(title: string, problems: readonly Problem[]): ReportContent {
  return { title, items: problems.map((p) => ({ text: `${p.sentence}。` })), empty: '未发现未达标事项。' }
}

export function rollupContent(title: string, items: readonly RollupItem[]): ReportContent {
  return {
    title,
    items: items.map((item) => ({
      text: `${item.sentence}。`,
      ...(item.counties.length
        ? { detail: `未达标区县：${item.counties.map((c) => `${c.name}（${countyDetail(c)}）`).join('；')}。` }
        : {}),
    })),
    empty: '本年度没有可判断的规则。',
  }
}

// What a downloaded table says about itself, so that its numbers cannot travel without it:
// what it is, where the data come from (模拟数据 in the words every export uses), when it
// was exported, and for each indicator in it the definition, the calculation and the
// standards. The CSV writes these as `# key,value` lines before the table; the .xlsx as a
// second sheet, 说明.
import type { Indicator } from '../indicators/catalog.ts'
import { formatLine, formatLineYears, lineDocs } from '../indicators/format.ts'
import { aggregateText, formulaText } from '../indicators/formula.ts'
import { sourceName, type SourceMeta } from './source.ts'

export interface TableAbout extends SourceMeta {
  /** What the table is, e.g. 湖南省 公办园在园幼儿占比 2024年 排名. */
  title: string
  /** Date of the export, YYYY-MM-DD. */
  date: string
}

/** The sheet the .xlsx keeps the note on, after the data. */
export const NOTE_SHEET = '说明'

/** The title from a download's name parts (numbers are years) and the rows it holds. */
export function tableTitle(parts: readonly (string | number)[], scope: string): string {
  const title = parts
    .filter((p) => p !== '')
    .map((p) => (typeof p === 'number' ? `${p}年` : p))
    .join(' ')
  return scope ? `${title} · ${scope}` : title
}

function standards(ind: Indicator): string {
  if (ind.thresholds.length === 0) return '无统一政策标准，仅作比较。'
  return ind.thresholds.map((t) => `${formatLineYears(t)}：${formatLine(ind, t)}（${lineDocs(t)}）`).join('；')
}

/** Each indicator's lines; with several indicators each line names its own. */
function indicatorNotes(ind: Indicator, named: boolean): [string, string][] {
  const label = ind.unit ? `${ind.label}（${ind.unit}）` : ind.label
  const own = (text: string) => (named ? `${ind.label}：${text}` : text)
  return [
    ['指标定义', `${label}：${ind.definition}`],
    ['计算口径', own(`${formulaText(ind)}。${aggregateText(ind)}`)],
    ['标准', own(standards(ind))],
  ]
}

/** The note as key and value pairs, in reading order. */
export function tableNotes(about: TableAbout, indicators: readonly Indicator[]): [string, string][] {
  const head: [string, string][] = [
    ['表格', about.title],
    ['数据来源', sourceName(about)],
    ['导出日期', about.date],
  ]
  if (indicators.length === 0) return [...head, ['口径', '各指标的定义、计算方法、标准及文件见看板“规则说明”页。']]
  return [...head, ...indicators.flatMap((ind) => indicatorNotes(ind, indicators.length > 1))]
}

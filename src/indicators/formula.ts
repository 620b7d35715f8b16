// An indicator's formula in the words of the CSV template (公办园在园幼儿数 ÷ 在园幼儿数 × 100):
// the catalog's SQL over raw columns, each column replaced by its Chinese label.
import type { Indicator } from './catalog.ts'
import { RAW_FIELDS } from './fields.ts'

const LABELS: ReadonlyMap<string, string> = new Map(RAW_FIELDS.map((f) => [f.id, f.label]))

const OPERATORS: Record<string, string> = { '+': ' + ', '-': ' − ', '*': ' × ', '/': ' ÷ ' }

/** The catalog's expressions are columns, numbers, + − × ÷ and brackets; anything else is refused. */
const TOKEN = /\s*(?:([a-z_][a-z0-9_]*)|(\d+(?:\.\d+)?)|([-+*/()]))\s*/y

function tokens(sql: string): string[] {
  const out: string[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < sql.length) {
    const at = TOKEN.lastIndex
    const m = TOKEN.exec(sql)
    if (!m) throw new Error(`无法读取公式：${sql.slice(at)}`)
    out.push(m[1] ?? m[2] ?? m[3]!)
  }
  return out
}

/** Whether the expression adds or subtracts outside brackets, so a ÷ beside it needs brackets. */
function sumAtTop(parts: readonly string[]): boolean {
  let depth = 0
  for (const t of parts) {
    if (t === '(') depth++
    else if (t === ')') depth--
    else if (depth === 0 && (t === '+' || t === '-')) return true
  }
  return false
}

function words(parts: readonly string[]): string {
  return parts
    .map((t) => {
      if (t === '(') return '（'
      if (t === ')') return '）'
      if (OPERATORS[t]) return OPERATORS[t]
      if (/^\d/.test(t)) return t
      const label = LABELS.get(t)
      if (!label) throw new Error(`公式中的字段没有中文名称：${t}`)
      return label
    })
    .join('')
    .replace(/ ?([（）]) ?/g, '$1')
}

/** One side of a ratio, bracketed when it is a sum. */
function operand(sql: string): string {
  const parts = tokens(sql)
  const text = words(parts)
  return sumAtTop(parts) ? `（${text}）` : text
}

const SCALE_NOTE: Record<number, string> = { 10000: '（万元换算为元）' }

/** 公办园在园幼儿数 ÷ 在园幼儿数 × 100; a level is its sum of fields; a growth says so. */
export function formulaText(ind: Indicator): string {
  const ratio = ind.den ? `${operand(ind.num)} ÷ ${operand(ind.den)}` : words(tokens(ind.num))
  const scale = ind.scale === 1 ? '' : ` × ${ind.scale}${SCALE_NOTE[ind.scale] ?? ''}`
  const growth = ind.growth ? '，再计算比上年增长率' : ''
  return `${ratio}${scale}${growth}`.replace(/ ?([（）]) ?/g, '$1')
}

/** How a province or prefecture figure is made: the ratio of the counties' totals (按合计数计算), or their sum. */
export function aggregateText(ind: Indicator): string {
  if (!ind.den) return ind.growth ? '省、市数值为各区县合计的增长率。' : '省、市数值为各区县合计。'
  return `省、市数值按合计数计算：分子、分母分别取各区县合计后相除${ind.growth ? '，再计算增长率' : ''}，不是各区县数值的平均数。`
}

/** The legend of the province figure's line wherever it is drawn beside counties. */
export const PROVINCE_FIGURE_LABEL = '全省（按合计数计算）'

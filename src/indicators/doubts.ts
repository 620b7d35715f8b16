// The words for a doubtful value (数据存疑): queries/plausibility.ts marks a value whose raw
// figures jump beyond 3× from one year to the next as `field:year:kind:ratio` items.
import { RAW_FIELDS } from './fields.ts'
import { formatNumber } from './format.ts'

const LABELS = new Map(RAW_FIELDS.map((f) => [f.id, f.label]))

/** One reason per item, e.g. '在园幼儿数2018年骤增，是上年的3.8倍'. */
export function doubtReasons(doubt: string | null | undefined): string[] {
  if (!doubt) return []
  return doubt.split(',').map((item) => {
    const [field = '', year = '', kind = '', ratio = ''] = item.split(':')
    const label = LABELS.get(field) ?? field
    const times = ratio ? `${formatNumber(Number(ratio), 1)}倍` : '多倍'
    if (kind === 'spike') return `${label}${year}年与上年、下年都相差${ratio ? times : '3倍'}以上`
    return kind === 'up' ? `${label}${year}年骤增，是上年的${times}` : `${label}${year}年骤降，上年是本年的${times}`
  })
}

/** The reasons as one sentence for a tooltip or a title: '数据存疑：…，请核实'. */
export function doubtText(doubt: string | null | undefined): string {
  const reasons = doubtReasons(doubt)
  return reasons.length ? `数据存疑：${reasons.join('；')}，请核实` : ''
}

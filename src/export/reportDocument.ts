// A report section as a Word document, laid out like the reports (GB/T 9704 page and type
// sizes: 宋体 title, 楷体 source and date, 仿宋 body). Loaded only when a user exports.
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  type IParagraphOptions,
} from 'docx'
import { reportLines, type LineKind, type ReportSection } from './reportSection.ts'

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

// The hint keeps “”、… in the Chinese font: Word would otherwise set them in Times New Roman.
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, hint: 'eastAsia' })
/** 三号 (16 pt) body on fixed 28 pt lines; sizes in half-points, spacing and indents in twips. */
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT }
const TWO_CHARACTERS = 640

const STYLE: Record<LineKind, { run: { font: ReturnType<typeof font>; size: number }; paragraph: IParagraphOptions }> =
  {
    title: {
      run: { font: font('宋体'), size: 44 },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
    },
    meta: { run: { font: font('楷体'), size: 32 }, paragraph: { alignment: AlignmentType.CENTER, spacing: BODY_LINE } },
    item: {
      run: { font: font('仿宋'), size: 32 },
      paragraph: { indent: { firstLine: TWO_CHARACTERS }, spacing: BODY_LINE, alignment: AlignmentType.JUSTIFIED },
    },
    detail: {
      run: { font: font('仿宋'), size: 28 },
      paragraph: { indent: { left: TWO_CHARACTERS }, spacing: { line: 480, lineRule: LineRuleType.EXACT } },
    },
  }

/** The .docx bytes of a section: one paragraph per line of `reportLines`, numbers written out. */
export function reportDocx(s: ReportSection): Promise<ArrayBuffer> {
  const lines = reportLines(s)
  const doc = new Document({
    title: s.title,
    creator: '县域教育督导看板',
    description: `数据来源：${s.source}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        children: lines.map((l, i) => {
          const style = STYLE[l.kind]
          // The heading's last line keeps a gap before the first item, as in the text file.
          const gap =
            l.kind === 'meta' && lines[i + 1]?.kind !== 'meta' ? { spacing: { ...BODY_LINE, after: 280 } } : {}
          return new Paragraph({ ...style.paragraph, ...gap, children: [new TextRun({ text: l.text, ...style.run })] })
        }),
      },
    ],
  })
  return Packer.toArrayBuffer(doc)
}

// A printed PDF read back with poppler-utils (pdfinfo, pdftotext, pdftohtml, pdfimages,
// pdftoppm): its pages, their text and where it is set, its images, and its first pages
// rendered to PNG for a person to look at.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { screenshotPath } from './browser.ts'

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`找不到 ${tool}。请安装：apt-get install -y poppler-utils`, { cause: e })
    throw e
  }
}

/** A run of text on a page, in points from the page's top left corner; `size` is its font size. */
export interface TextBox {
  text: string
  x: number
  y: number
  width: number
  height: number
  size: number
}

export interface PrintedPdf {
  path: string
  /** Page sizes in points, rounded. */
  pages: Array<[number, number]>
  /** The text of a page (1-based). */
  text(page: number): string
  /** Every run of text of a page (1-based) with its box and font size. */
  boxes(page: number): TextBox[]
  /** The page of each image drawn, in order, with its pixels per inch as printed; an image cut across pages is listed once per page. */
  images: Array<{ page: number; object: number; ppi: number }>
}

/** pdftohtml's largest zoom: its boxes and font sizes are whole numbers at this scale. */
const ZOOM = 3
const unescape = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

/**
 * Text runs with their font sizes from `pdftohtml -xml`: unlike `pdftotext -bbox`, whose word
 * boxes are as tall as the font's whole bounding box (about 2.6 em for Chromium's embedded
 * CJK fonts), it gives each run's size and a box about one line high.
 */
function readBoxes(path: string, page: number): TextBox[] {
  const xml = poppler('pdftohtml', [
    '-xml',
    '-i',
    '-q',
    '-stdout',
    '-zoom',
    String(ZOOM),
    '-f',
    String(page),
    '-l',
    String(page),
    path,
  ])
  const sizes = new Map(
    [...xml.matchAll(/<fontspec id="(\d+)" size="(-?\d+)"/g)].map((m) => [m[1]!, Number(m[2]) / ZOOM]),
  )
  return [
    ...xml.matchAll(/<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" height="(\d+)" font="(\d+)">(.*?)<\/text>/g),
  ]
    .map((m) => ({
      text: unescape(m[6]!).trim(),
      y: Number(m[1]) / ZOOM,
      x: Number(m[2]) / ZOOM,
      width: Number(m[3]) / ZOOM,
      height: Number(m[4]) / ZOOM,
      size: sizes.get(m[5]!) ?? 0,
    }))
    .filter((b) => b.text !== '')
}

/** Saves the PDF beside the screenshots as `name.pdf` and renders its first pages to `name-page1.png`, … */
export function printedPdf(name: string, bytes: Buffer, rendered = 2): PrintedPdf {
  const path = screenshotPath(name).replace(/png$/, 'pdf')
  writeFileSync(path, bytes)
  const count = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [path]))![1])
  const pages = [
    ...poppler('pdfinfo', ['-f', '1', '-l', String(count), path]).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm),
  ].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))] as [number, number])
  for (let page = 1; page <= Math.min(rendered, count); page++) {
    poppler('pdftoppm', [
      '-r',
      '96',
      '-png',
      '-singlefile',
      '-f',
      String(page),
      '-l',
      String(page),
      path,
      screenshotPath(`${name}-page${page}`).replace(/\.png$/, ''),
    ])
  }
  const images = poppler('pdfimages', ['-list', path])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/))
    .map((cols) => ({ page: Number(cols[0]), object: Number(cols[10]), ppi: Number(cols[12]) }))
  return {
    path,
    pages,
    images,
    text: (page) => poppler('pdftotext', ['-f', String(page), '-l', String(page), path, '-']),
    boxes: (page) => readBoxes(path, page),
  }
}

export interface TypesetRules {
  /** The smallest font size allowed (pt). */
  minSize: number
  /** The area text must stay in (pt): the page less its margins. */
  area: { left: number; top: number; right: number; bottom: number }
  /** How far two boxes may overlap (pt) before they count as overlapping: boxes are a little taller than the glyphs. */
  tolerance: number
  /** Text allowed outside the area (the page numbers in the margin). */
  margin?: RegExp
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0)
const where = (b: TextBox) => `“${b.text}”（${b.x.toFixed(1)}, ${b.y.toFixed(1)}）`

/** What is wrong with a page's text as printed: text too small, cut short (…), beyond the page's area or over other text; empty when nothing is. */
export function typesetProblems(boxes: readonly TextBox[], rules: TypesetRules): string[] {
  const problems: string[] = []
  const { area, tolerance } = rules
  for (const b of boxes) {
    if (b.size < rules.minSize) problems.push(`${where(b)} 字号 ${b.size.toFixed(1)} pt，小于 ${rules.minSize} pt`)
    const outside =
      b.x < area.left - tolerance ||
      b.x + b.width > area.right + tolerance ||
      b.y < area.top - tolerance ||
      b.y + b.height > area.bottom + tolerance
    if (outside && !rules.margin?.test(b.text)) problems.push(`${where(b)} 超出版心`)
    if (b.text.includes('…')) problems.push(`${where(b)} 被截断`)
  }
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      if (
        overlap(a.x, a.x + a.width, b.x, b.x + b.width) > tolerance &&
        overlap(a.y, a.y + a.height, b.y, b.y + b.height) > tolerance
      )
        problems.push(`${where(a)} 与 ${where(b)} 重叠`)
    }
  })
  return problems
}

const MM = 72 / 25.4
/** A chart image drawn at 2 px per CSS px and printed at its CSS size: 2 × 96 px per inch. */
const DRAWN_PPI = 192

/**
 * What a leader could not read in a printout on A4 with the margins of styles.css's @page
 * (12 mm, 14 mm at the foot; the page numbers in the margin): text under 7 pt, cut short,
 * over other text or beyond the margins, on any page; and any of `charts` printed smaller
 * than it was drawn, which shrinks its labels (10 px and up, test/unit/printCharts.test.ts:
 * 7.5 pt and up at their size). Empty when there is nothing.
 */
export function printProblems(pdf: PrintedPdf, charts: PrintedPdf['images'] = pdf.images): string[] {
  const pages = pdf.pages.flatMap(([width, height], i) => {
    const area = { left: 12 * MM, top: 12 * MM, right: width - 12 * MM, bottom: height - 14 * MM }
    return typesetProblems(pdf.boxes(i + 1), { minSize: 7, tolerance: 1, area, margin: /^\d+ \/ \d+$/ }).map(
      (p) => `第${i + 1}页：${p}`,
    )
  })
  const shrunk = charts
    .filter((c) => c.ppi > DRAWN_PPI * 1.02)
    .map((c) => `第${c.page}页的图 ${c.object} 缩小打印（${c.ppi} ppi）`)
  return [...pages, ...shrunk]
}

// A printed PDF read back with poppler-utils (pdfinfo, pdftotext, pdfimages, pdftoppm): its
// pages, their text and images, and its first pages rendered to PNG for a person to look at.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { screenshotPath } from './browser.ts'

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`找不到 ${tool}。请安装：apt-get install -y poppler-utils`, { cause: e })
    throw e
  }
}

export interface PrintedPdf {
  path: string
  /** Page sizes in points, rounded. */
  pages: Array<[number, number]>
  /** The text of a page (1-based). */
  text(page: number): string
  /** The page of each image drawn, in order; an image cut across pages is listed once per page. */
  images: Array<{ page: number; object: number }>
}

/** Saves the PDF beside the screenshots as `name.pdf` and renders its first pages to `name-page1.png`, … */
export function printedPdf(name: string, bytes: Buffer, rendered = 2): PrintedPdf {
  const path = screenshotPath(name).replace(/png$/, 'pdf')
  writeFileSync(path, bytes)
  const count = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [path]))![1])
  const pages = [...poppler('pdfinfo', ['-f', '1', '-l', String(count), path]).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map(
    (m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))] as [number, number],
  )
  for (let page = 1; page <= Math.min(rendered, count); page++) {
    poppler('pdftoppm', ['-r', '96', '-png', '-singlefile', '-f', String(page), '-l', String(page), path, screenshotPath(`${name}-page${page}`).replace(/\.png$/, '')])
  }
  const images = poppler('pdfimages', ['-list', path])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/))
    .map((cols) => ({ page: Number(cols[0]), object: Number(cols[10]) }))
  return { path, pages, images, text: (page) => poppler('pdftotext', ['-f', String(page), '-l', String(page), path, '-']) }
}

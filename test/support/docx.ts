// Reads a .docx as Word would start to: the zip's parts, then the paragraphs of
// word/document.xml as plain text. fflate is already here (via read-excel-file).
import { strFromU8, unzipSync } from 'fflate'

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" }
const unescapeXml = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (e) => ENTITIES[e]!)

export interface DocxContents {
  parts: string[]
  documentXml: string
  /** The text of each w:p in document order. */
  paragraphs: string[]
}

export function readDocx(bytes: ArrayBuffer | Uint8Array): DocxContents {
  const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
  const xml = files['word/document.xml']
  if (!xml) throw new Error('word/document.xml missing from the .docx')
  const documentXml = strFromU8(xml)
  const paragraphs = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
  )
  return { parts: Object.keys(files), documentXml, paragraphs }
}

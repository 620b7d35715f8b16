// Copies of pages as they were first painted, kept in localStorage for the next visit of the
// same link (pageCopy.ts). Plain data over a Storage: no DOM here.

/** What a copy was painted for, and what it shows. */
export interface PageCopy {
  /** The build (its entry script's URL, which changes with any of its code or styles). */
  build: string
  /** The data's fingerprint (the bundled manifest's). */
  data: string
  /** The window's inner size, in CSS pixels. */
  width: number
  height: number
  /** The rules of every style sheet the page had. */
  css: string
  /** The app root's inner HTML, form controls' state written as attributes. */
  html: string
}

const PREFIX = 'county-edu-dashboard:page-copy:'
const INDEX = 'county-edu-dashboard:page-copies'
/** Links kept: the most recently painted. A province page's copy is ~250,000 characters. */
export const COPIES_KEPT = 6

function isCopy(value: unknown): value is PageCopy {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.build === 'string' &&
    typeof v.data === 'string' &&
    typeof v.width === 'number' &&
    typeof v.height === 'number' &&
    typeof v.css === 'string' &&
    typeof v.html === 'string'
  )
}

function parse(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function links(storage: Storage): string[] {
  const index = parse(storage.getItem(INDEX))
  return Array.isArray(index) ? index.filter((h): h is string => typeof h === 'string') : []
}

/** The copy kept for a link (its hash), or null: none, unreadable, or storage refused. */
export function readPageCopy(storage: Storage, hash: string): PageCopy | null {
  try {
    const copy = parse(storage.getItem(PREFIX + hash))
    return isCopy(copy) ? copy : null
  } catch {
    return null
  }
}

/**
 * Keeps a link's copy, dropping the least recently painted beyond COPIES_KEPT, and more while
 * the storage is full. false when it could not be kept even alone.
 */
export function writePageCopy(storage: Storage, hash: string, copy: PageCopy): boolean {
  try {
    const kept = links(storage).filter((h) => h !== hash)
    while (kept.length >= COPIES_KEPT) storage.removeItem(PREFIX + kept.shift()!)
    for (;;) {
      try {
        storage.setItem(PREFIX + hash, JSON.stringify(copy))
        storage.setItem(INDEX, JSON.stringify([...kept, hash]))
        return true
      } catch {
        const oldest = kept.shift()
        if (oldest === undefined) {
          storage.removeItem(PREFIX + hash)
          storage.setItem(INDEX, JSON.stringify([]))
          return false
        }
        storage.removeItem(PREFIX + oldest)
      }
    }
  } catch {
    return false
  }
}

/** Whether a copy was painted for this build, data and window. */
export function fits(copy: PageCopy, want: Omit<PageCopy, 'css' | 'html'>): boolean {
  return (
    copy.build === want.build && copy.data === want.data && copy.width === want.width && copy.height === want.height
  )
}

/** A short fingerprint of a text (FNV-1a, 32 bits, with the length), to tell data apart. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return `${text.length.toString(36)}-${(h >>> 0).toString(36)}`
}

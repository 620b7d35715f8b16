import { describe, expect, it } from 'vitest'
import { COPIES_KEPT, fingerprint, fits, readPageCopy, writePageCopy, type PageCopy } from '../../src/pageCopy/store.ts'

/** localStorage as browsers keep it: strings, with a quota in characters that throws when full. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((s, [k, v]) => s + (k === key ? 0 : k.length + v.length), 0)
    if (used + key.length + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError')
    this.items.set(key, value)
  }
}

const copy = (html: string, over: Partial<PageCopy> = {}): PageCopy => ({
  build: '/assets/index-abc.js',
  data: 'd1',
  width: 1366,
  height: 768,
  css: 'p{margin:0}',
  html,
  ...over,
})

describe('page copies in localStorage', () => {
  it('reads back what was written, for that link only', () => {
    const storage = new MemoryStorage()
    expect(writePageCopy(storage, '#/province/430000', copy('<main>湖南</main>'))).toBe(true)
    expect(readPageCopy(storage, '#/province/430000')).toEqual(copy('<main>湖南</main>'))
    expect(readPageCopy(storage, '#/province/410000')).toBeNull()
    writePageCopy(storage, '#/province/430000', copy('<main>湖南省</main>'))
    expect(readPageCopy(storage, '#/province/430000')?.html).toBe('<main>湖南省</main>')
  })

  it('keeps the most recently painted links, and drops the oldest', () => {
    const storage = new MemoryStorage()
    const links = Array.from({ length: COPIES_KEPT + 2 }, (_, i) => `#/county/43012${i}`)
    for (const link of links) writePageCopy(storage, link, copy(link))
    // Painting the second again makes it the most recent: the first and third go.
    writePageCopy(storage, links[1]!, copy(links[1]!))
    writePageCopy(storage, '#/rules', copy('#/rules'))
    const kept = [...links, '#/rules'].filter((l) => readPageCopy(storage, l) !== null)
    expect(kept).toHaveLength(COPIES_KEPT)
    expect(kept).toContain(links[1])
    expect(kept).toContain('#/rules')
    expect(kept).not.toContain(links[0])
    expect(kept).not.toContain(links[2])
    expect(storage.length).toBe(COPIES_KEPT + 1)
  })

  it('makes room in a full storage by dropping the oldest, and gives up on a copy too large alone', () => {
    const big = 'x'.repeat(3_000)
    const storage = new MemoryStorage(8_000)
    expect(writePageCopy(storage, '#/a', copy(big))).toBe(true)
    expect(writePageCopy(storage, '#/b', copy(big))).toBe(true)
    expect(writePageCopy(storage, '#/c', copy(big))).toBe(true)
    expect(readPageCopy(storage, '#/a')).toBeNull()
    expect(readPageCopy(storage, '#/b')?.html).toBe(big)
    expect(readPageCopy(storage, '#/c')?.html).toBe(big)
    expect(writePageCopy(storage, '#/d', copy('x'.repeat(20_000)))).toBe(false)
    expect(readPageCopy(storage, '#/d')).toBeNull()
    // Something else of the site's keeps its place: only copies were dropped.
    const shared = new MemoryStorage(10_000)
    shared.setItem('county-edu-dashboard:user-data', '1')
    expect(writePageCopy(shared, '#/d', copy('x'.repeat(20_000)))).toBe(false)
    expect(shared.getItem('county-edu-dashboard:user-data')).toBe('1')
  })

  it('reads nothing from damaged or foreign entries, and survives a storage that throws', () => {
    const storage = new MemoryStorage()
    storage.setItem('county-edu-dashboard:page-copy:#/', '{not json')
    storage.setItem('county-edu-dashboard:page-copy:#/rules', JSON.stringify({ html: '<p>' }))
    storage.setItem('county-edu-dashboard:page-copies', '"#/"')
    expect(readPageCopy(storage, '#/')).toBeNull()
    expect(readPageCopy(storage, '#/rules')).toBeNull()
    expect(writePageCopy(storage, '#/', copy('<p>全国</p>'))).toBe(true)
    expect(readPageCopy(storage, '#/')?.html).toBe('<p>全国</p>')
    const refusing = new MemoryStorage()
    refusing.getItem = () => {
      throw new DOMException('denied', 'SecurityError')
    }
    expect(readPageCopy(refusing, '#/')).toBeNull()
    expect(writePageCopy(refusing, '#/', copy('<p>全国</p>'))).toBe(false)
  })

  it('fits only the build, data and window it was painted for', () => {
    const c = copy('<p>')
    const want = { build: c.build, data: c.data, width: c.width, height: c.height }
    expect(fits(c, want)).toBe(true)
    expect(fits(c, { ...want, build: '/assets/index-def.js' })).toBe(false)
    expect(fits(c, { ...want, data: 'd2' })).toBe(false)
    expect(fits(c, { ...want, width: 1920 })).toBe(false)
    expect(fits(c, { ...want, height: 1080 })).toBe(false)
  })

  it('fingerprints tell texts apart', () => {
    const manifest = JSON.stringify({ simulated: true, generatedAt: '2026-11-25', seed: 20250601 })
    expect(fingerprint(manifest)).toBe(fingerprint(manifest))
    expect(fingerprint(manifest)).not.toBe(fingerprint(manifest.replace('11-25', '11-26')))
    expect(fingerprint('')).not.toBe(fingerprint(' '))
  })
})

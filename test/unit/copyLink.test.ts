import { describe, expect, it } from 'vitest'
import { writeClipboard } from '../../src/composables/useCopyLink.ts'

const withClipboard = (writeText: (text: string) => Promise<void>) =>
  ({ clipboard: { writeText } }) as unknown as Navigator

describe('copying the link', () => {
  it('says it copied only when the clipboard took the text', async () => {
    const written: string[] = []
    const nav = withClipboard(async (t) => void written.push(t))
    expect(await writeClipboard('http://10.1.2.3/edu/#/province/430000?year=2020', nav)).toBe(true)
    expect(written).toEqual(['http://10.1.2.3/edu/#/province/430000?year=2020'])
  })

  it('reports a page without a clipboard (plain http on an intranet address) and a refusal, so the link is offered by hand', async () => {
    expect(await writeClipboard('x', {} as Navigator)).toBe(false)
    expect(await writeClipboard('x', undefined)).toBe(false)
    const refused = withClipboard(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')))
    expect(await writeClipboard('x', refused)).toBe(false)
  })
})

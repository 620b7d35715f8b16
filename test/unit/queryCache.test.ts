import { describe, expect, it } from 'vitest'
import { QueryCache } from '../../src/service/cache.ts'

const q = (year: number) => ({ sql: 'SELECT ? AS year', params: [year] })

describe('QueryCache', () => {
  it('answers a statement with the same parameters once, and again after clear()', async () => {
    const cache = new QueryCache()
    let runs = 0
    const run = async () => [{ run: ++runs }]
    expect(await cache.get(q(2024), run)).toEqual([{ run: 1 }])
    expect(await cache.get(q(2024), run)).toEqual([{ run: 1 }])
    expect(await cache.get(q(2023), run)).toEqual([{ run: 2 }])
    cache.clear()
    expect(await cache.get(q(2024), run)).toEqual([{ run: 3 }])
  })

  it('forgets failures and drops the least recently used past its limit', async () => {
    const cache = new QueryCache(2)
    await expect(cache.get(q(1), () => Promise.reject(new Error('x')))).rejects.toThrow('x')
    expect(await cache.get(q(1), async () => ['retried'])).toEqual(['retried'])
    await cache.get(q(2), async () => ['two'])
    await cache.get(q(1), async () => ['not run'])
    await cache.get(q(3), async () => ['three'])
    expect(await cache.get(q(1), async () => ['not run'])).toEqual(['retried'])
    expect(await cache.get(q(2), async () => ['two again'])).toEqual(['two again'])
  })
})

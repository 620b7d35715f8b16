// Presentation mode's playlist and clock (src/present/playlist.ts): what auto-play steps to,
// what the URL may say, and when the next step is due across pauses.
import { describe, expect, it } from 'vitest'
import { findIndicator } from '../../src/indicators/catalog.ts'
import {
  DEFAULT_PLAYLIST,
  elapsed,
  parseEvery,
  parseList,
  pauseClock,
  remaining,
  resumeClock,
  startClock,
  stepIn,
} from '../../src/present/playlist.ts'

const known = (id: string) => findIndicator(id) !== undefined

describe('presentation playlist', () => {
  it('steps forward and back round the list', () => {
    const list = ['a', 'b', 'c']
    expect(stepIn(list, 'a', 1)).toBe('b')
    expect(stepIn(list, 'c', 1)).toBe('a')
    expect(stepIn(list, 'a', -1)).toBe('c')
    expect(stepIn(list, 'b', -1)).toBe('a')
  })

  it('steps from an item outside the list to its first (forward) or last (back), and from an empty list nowhere', () => {
    expect(stepIn(['a', 'b'], 'x', 1)).toBe('a')
    expect(stepIn(['a', 'b'], 'x', -1)).toBe('b')
    expect(stepIn([], 'a', 1)).toBeUndefined()
    expect(stepIn(['a'], 'a', 1)).toBe('a')
  })

  it('reads list= as the known indicators in the order given, each once; none known leaves the default', () => {
    expect(parseList('kg_inclusive_rate,nope,kg_public_share,kg_inclusive_rate', known)).toEqual([
      'kg_inclusive_rate',
      'kg_public_share',
    ])
    expect(parseList('nope,,x', known)).toBeUndefined()
  })

  it('plays the headline figures by default, all of them in the catalog', () => {
    expect(DEFAULT_PLAYLIST.length).toBeGreaterThanOrEqual(3)
    expect(DEFAULT_PLAYLIST.every(known)).toBe(true)
  })

  it('reads every= as whole seconds from 3 to 600', () => {
    expect(parseEvery('15')).toBe(15)
    expect(parseEvery('3')).toBe(3)
    expect(parseEvery('600')).toBe(600)
    for (const bad of ['2', '601', '7.5', 'abc', '', '-5']) expect(parseEvery(bad)).toBeUndefined()
  })
})

describe('presentation clock', () => {
  it('counts down from the start of an item', () => {
    const clock = startClock(15_000, 1_000)
    expect(remaining(clock, 1_000)).toBe(15_000)
    expect(remaining(clock, 6_000)).toBe(10_000)
    expect(remaining(clock, 20_000)).toBe(0)
    expect(elapsed(clock, 500)).toBe(0)
  })

  it('stops counting while paused and resumes where it stopped', () => {
    let clock = startClock(10_000, 0)
    clock = pauseClock(clock, 4_000)
    expect(remaining(clock, 9_000)).toBe(6_000)
    // Pausing twice keeps the first pause.
    expect(pauseClock(clock, 8_000)).toEqual(clock)
    clock = resumeClock(clock, 9_000)
    expect(remaining(clock, 9_000)).toBe(6_000)
    expect(remaining(clock, 12_000)).toBe(3_000)
    expect(resumeClock(clock, 13_000)).toEqual(clock)
  })

  it('starts paused when auto-play is off', () => {
    const clock = startClock(5_000, 0, true)
    expect(remaining(clock, 60_000)).toBe(5_000)
    expect(remaining(resumeClock(clock, 60_000), 61_000)).toBe(4_000)
  })
})

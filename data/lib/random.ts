// A tiny seeded PRNG. Every county draws from its own streams, seeded from the global
// seed, its code and a stream name, so adding or removing a county (or a new draw in one
// stream) leaves every other county's numbers unchanged.

/** 32-bit FNV-1a over the UTF-16 code units, then a murmur3 finaliser for avalanche. */
export function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  private spare: number | null = null

  /** sfc32 seeded from four independent hashes of the key. */
  constructor(key: string) {
    this.a = hash32(key + '#a')
    this.b = hash32(key + '#b')
    this.c = hash32(key + '#c')
    this.d = hash32(key + '#d')
    // The first outputs of sfc32 are poorly mixed.
    for (let i = 0; i < 15; i++) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next()
  }

  /** Standard normal (Box–Muller, caching the second variate). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare
      this.spare = null
      return s
    }
    let u = this.next()
    while (u <= 1e-12) u = this.next()
    const v = this.next()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /**
   * A stationary AR(1) path of `n` values with marginal standard deviation `sd`: county
   * deviations persist from year to year instead of jumping about like white noise.
   */
  ar1(n: number, sd: number, rho: number): number[] {
    const out: number[] = []
    let x = this.normal() * sd
    const innovation = sd * Math.sqrt(1 - rho * rho)
    for (let i = 0; i < n; i++) {
      out.push(x)
      x = rho * x + this.normal() * innovation
    }
    return out
  }
}

/** One stream of a county: `stream('430121', 'kg')`. */
export function countyRng(seed: number, code: string, stream: string): Rng {
  return new Rng(`${seed}:${code}:${stream}`)
}

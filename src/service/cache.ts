import type { Query } from '../util/query.ts'

const cacheKey = (q: Query) => `${q.sql}\u0000${JSON.stringify(q.params)}`

/**
 * Answers by statement and parameters (so per province, indicator and year), the oldest
 * dropped past `limit`. A pending answer is shared; a failed one is forgotten. Whoever
 * replaces the data calls clear().
 */
export class QueryCache {
  private readonly answers = new Map<string, Promise<unknown[]>>()

  constructor(private readonly limit = 200) {}

  get<T>(q: Query, run: () => Promise<T[]>): Promise<T[]> {
    const key = cacheKey(q)
    let answer = this.answers.get(key)
    if (answer) {
      // Most recently used last, so the oldest is first in line to go.
      this.answers.delete(key)
    } else {
      answer = run()
      answer.catch(() => this.answers.delete(key))
      if (this.answers.size >= this.limit) this.answers.delete(this.answers.keys().next().value!)
    }
    this.answers.set(key, answer)
    return answer as Promise<T[]>
  }

  /** Whether this statement is answered or being answered. */
  has(q: Query): boolean {
    return this.answers.has(cacheKey(q))
  }

  clear(): void {
    this.answers.clear()
  }
}

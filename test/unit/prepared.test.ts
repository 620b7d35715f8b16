import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm'
import { describe, expect, it } from 'vitest'
import { PreparedStatements } from '../../src/db/prepared.ts'
import { arrowToRows } from '../../src/db/types.ts'
import { nodeConnection } from '../support/nodeDb.ts'

/** The Node engine's connection with the browser connection's async prepare, counting what it does. */
async function connection() {
  const conn = await nodeConnection()
  const counts = { prepared: 0, closed: 0, failNext: false }
  const asyncConn = {
    prepare: async (sql: string) => {
      counts.prepared += 1
      const statement = conn.prepare(sql)
      return {
        query: async (...params: unknown[]) => {
          if (counts.failNext) {
            counts.failNext = false
            throw new Error('statement is no longer valid')
          }
          return statement.query(...params)
        },
        close: async () => {
          counts.closed += 1
          statement.close()
        },
      }
    },
  } as unknown as AsyncDuckDBConnection
  return { conn: asyncConn, counts }
}

const q = (sql: string, ...params: number[]) => ({ sql, params })

describe('PreparedStatements', () => {
  it('prepares a statement once and runs it with each set of parameters', async () => {
    const { conn, counts } = await connection()
    const statements = new PreparedStatements()
    const rows = async (year: number) =>
      arrowToRows<{ y: number }>(await statements.run(conn, q('SELECT ?::INTEGER + 1 AS y', year)))
    expect(await Promise.all([rows(2020), rows(2023)])).toEqual([[{ y: 2021 }], [{ y: 2024 }]])
    expect(await rows(2024)).toEqual([{ y: 2025 }])
    expect(counts.prepared).toBe(1)
  })

  it('prepares afresh once when a kept statement fails, and closes the oldest past its limit', async () => {
    const { conn, counts } = await connection()
    const statements = new PreparedStatements(2)
    counts.failNext = true
    expect(arrowToRows(await statements.run(conn, q('SELECT ?::INTEGER AS a', 1)))).toEqual([{ a: 1 }])
    expect(counts).toMatchObject({ prepared: 2, closed: 1 })
    await statements.run(conn, q('SELECT ?::INTEGER AS b', 2))
    await statements.run(conn, q('SELECT ?::INTEGER AS c', 3))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(counts).toMatchObject({ prepared: 4, closed: 2 })
    // 'a' was closed to make room; 'c' is still kept.
    await statements.run(conn, q('SELECT ?::INTEGER AS c', 4))
    expect(counts.prepared).toBe(4)
  })
})

import type { AsyncDuckDBConnection, AsyncPreparedStatement } from '@duckdb/duckdb-wasm'
import type { Table } from 'apache-arrow'
import type { Query } from '../util/query.ts'

/**
 * Statements prepared once and kept, by their SQL: a year switch or a timeline step runs
 * the same statement with another year, so it is planned once, and each run is one round
 * trip to the engine's worker instead of three (prepare, run, close). The oldest is closed
 * past `limit`; one that fails (say, after the data was replaced) is prepared afresh once.
 */
export class PreparedStatements {
  private readonly kept = new Map<string, Promise<AsyncPreparedStatement>>()

  constructor(private readonly limit = 64) {}

  async run(conn: AsyncDuckDBConnection, q: Query): Promise<Table> {
    try {
      return await (await this.get(conn, q.sql)).query(...q.params)
    } catch {
      this.forget(q.sql)
      return (await this.get(conn, q.sql)).query(...q.params)
    }
  }

  private get(conn: AsyncDuckDBConnection, sql: string): Promise<AsyncPreparedStatement> {
    let statement = this.kept.get(sql)
    if (statement) {
      // Most recently used last, so the oldest is first in line to go.
      this.kept.delete(sql)
    } else {
      statement = conn.prepare(sql)
      statement.catch(() => this.kept.delete(sql))
      if (this.kept.size >= this.limit) this.forget(this.kept.keys().next().value!)
    }
    this.kept.set(sql, statement)
    return statement
  }

  private forget(sql: string): void {
    const statement = this.kept.get(sql)
    this.kept.delete(sql)
    void statement?.then((s) => s.close()).catch(() => undefined)
  }
}

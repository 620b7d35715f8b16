// A statement as the query builders make it and the engine gateway runs it: shared by
// queries/ and db/, which do not import each other.

export type SqlParam = string | number | boolean | null

/** A statement with its bound parameters; identifiers come only from the catalog. */
export interface Query {
  sql: string
  params: readonly SqlParam[]
}

export type Row = Record<string, unknown>

/**
 * A statement that stands for several (answered ahead in one round): its rows `R`, split
 * into each of `queries`' answers, in order.
 */
export interface StandsFor<R> {
  query: Query
  answers: { queries: readonly Query[]; split: (rows: R[]) => unknown[][] }
}

/** `rows` in one group per key, in the order of `keys`, each keeping the rows' order; rows of other keys are left out. */
export function groupByKey<T, K>(rows: readonly T[], keys: readonly K[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]))
  for (const row of rows) groups.get(keyOf(row))?.push(row)
  return keys.map((k) => groups.get(k)!)
}

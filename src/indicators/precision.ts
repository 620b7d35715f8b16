/**
 * Every value, figure, quartile and change is stored at this many decimals: SQL rounds it
 * once where it is computed (queries/indicatorSql.ts storedSql), so ranks and verdicts are
 * taken on decimal values — equal reported values (a 差异系数 of 0.354 that cv × 在校生 ÷
 * 在校生 turns into 0.35400000000000004) tie, and a value on the line is on it. Three
 * digits finer than any indicator shows.
 */
export const STORED_DECIMALS = 6

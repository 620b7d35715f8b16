/** The province of a county (or prefecture) code: its first two digits and 0000. */
export const provinceOf = (code: string): string => `${code.slice(0, 2)}0000`

/**
 * Division codes (six digits) in their numeric order. Not localeCompare: its first use builds
 * ICU's collator, a cost the first paint need not pay for digits.
 */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The province of a county (or prefecture) code: its first two digits and 0000. */
export const provinceOf = (code: string): string => `${code.slice(0, 2)}0000`

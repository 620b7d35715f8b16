// CSV lines that Excel opens in Chinese and never runs as formulas.

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const BOM = '\uFEFF'

// A text cell a spreadsheet would read as a formula (=, +, -, @, or a leading tab/CR) is
// prefixed with a quote so that it stays text (OWASP “CSV injection”).
function csvField(value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',')
}

/** Lines into a file's text: BOM first, CRLF line ends. */
export function csvDocument(lines: readonly string[]): string {
  return `${BOM}${lines.join('\r\n')}\r\n`
}

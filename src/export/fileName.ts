// File names read like the reports: 湖南省_公办园在园幼儿占比_2024_排名.csv.

/** Characters Windows refuses in a file name, and runs of spaces, become one underscore. */
export function exportFileName(parts: readonly (string | number | null | undefined)[], extension: string): string {
  const stem = parts
    .filter((p): p is string | number => p !== null && p !== undefined && p !== '')
    .map((p) => String(p).replace(/[\\/:*?"<>|\s]+/g, '_'))
    .join('_')
  return `${stem}.${extension}`
}

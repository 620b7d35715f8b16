// The text encodings a CSV can be read with; a module of its own so the page can list them
// without loading the readers, which run in the worker.

/** Encodings offered for CSV files; GB18030 reads everything GBK and GB2312 wrote. */
export const ENCODINGS = [
  { id: 'utf-8', short: 'UTF-8', label: 'UTF-8' },
  { id: 'gb18030', short: 'GBK', label: 'GBK / GB18030（Excel、WPS 在中文 Windows 上的默认）' },
  { id: 'utf-16le', short: 'UTF-16', label: 'UTF-16（Excel “Unicode 文本”）' },
] as const
export type Encoding = (typeof ENCODINGS)[number]['id']

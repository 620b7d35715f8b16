// Hands bytes to the browser as a download; no server round trip, nothing leaves the page.
export function downloadFile(parts: BlobPart[], name: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  // The click starts the download synchronously; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** UTF-8 with a byte-order mark and CRLF lines, so Notepad on older Windows reads the Chinese. */
export function downloadText(text: string, name: string): void {
  downloadFile(['\uFEFF', text.replace(/\n/g, '\r\n')], name, 'text/plain;charset=utf-8')
}

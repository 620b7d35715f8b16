// The one place a file leaves the page: a Blob handed to the browser as a download; no
// server round trip, nothing leaves the machine.

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // The download has started by the next task; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export function downloadFile(parts: BlobPart[], name: string, type: string): void {
  saveBlob(new Blob(parts, { type }), name)
}

/** UTF-8 with a byte-order mark and CRLF lines, so Notepad on older Windows reads the Chinese. */
export function downloadText(text: string, name: string): void {
  downloadFile(['\uFEFF', text.replace(/\n/g, '\r\n')], name, 'text/plain;charset=utf-8')
}

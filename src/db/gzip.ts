/**
 * Undoes a gzip in the browser (DecompressionStream, no library). A server that sent the file
 * with Content-Encoding has already undone it: bytes without the gzip signature come back as they are.
 */
export async function gunzip(blob: Blob): Promise<Blob> {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer())
  if (head[0] !== 0x1f || head[1] !== 0x8b) return blob
  return new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob()
}

const isGzip = (head: Uint8Array) => head[0] === 0x1f && head[1] === 0x8b

/**
 * Undoes a gzip in the browser (DecompressionStream, no library). A server that sent the file
 * with Content-Encoding has already undone it: bytes without the gzip signature come back as they are.
 */
export async function gunzip(blob: Blob): Promise<Blob> {
  if (!isGzip(new Uint8Array(await blob.slice(0, 2).arrayBuffer()))) return blob
  return new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob()
}

/**
 * The text of bytes in memory, gunzipped as `gunzip` does. Streamed from the bytes themselves:
 * through a Blob, each step is a round trip to the browser's blob storage (200 ms for a 12 KB
 * snapshot on a first view whose page thread is busy).
 */
export function gunzipText(buffer: ArrayBuffer): Promise<string> {
  const bytes = new Uint8Array(buffer)
  if (!isGzip(bytes)) return Promise.resolve(new TextDecoder().decode(bytes))
  return new Response(new Response(bytes).body!.pipeThrough(new DecompressionStream('gzip'))).text()
}

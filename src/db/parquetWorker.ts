// Parquet files of the bundled panel decoded off the page's thread, so that reading them
// while the engine starts does not delay the first view's paint.
import { parquetToIPC } from './parquet.ts'
import type { Column } from './schema.ts'

export interface DecodeRequest {
  id: number
  bytes: ArrayBuffer
  columns: readonly Column[]
}

export type DecodeReply = { id: number; ipc: Uint8Array } | { id: number; error: string }

self.onmessage = async ({ data }: MessageEvent<DecodeRequest>) => {
  try {
    const ipc = await parquetToIPC(data.bytes, data.columns)
    postMessage({ id: data.id, ipc } satisfies DecodeReply, { transfer: [ipc.buffer] })
  } catch (e) {
    postMessage({ id: data.id, error: e instanceof Error ? e.message : String(e) } satisfies DecodeReply)
  }
}

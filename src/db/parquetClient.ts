import type { DecodeParquet } from './types.ts'
import type { DecodeReply, DecodeRequest } from './parquetWorker.ts'

/** The page's side of the Parquet worker, started with the first file. */
export function parquetInWorker(): DecodeParquet {
  let worker: Worker | undefined
  let next = 0
  const waiting = new Map<number, { resolve: (ipc: Uint8Array) => void; reject: (e: Error) => void }>()
  const start = (): Worker => {
    const w = new Worker(new URL('./parquetWorker.ts', import.meta.url), { type: 'module', name: 'parquet' })
    w.onmessage = ({ data }: MessageEvent<DecodeReply>) => {
      const request = waiting.get(data.id)
      waiting.delete(data.id)
      if ('ipc' in data) request?.resolve(data.ipc)
      else request?.reject(new Error(data.error))
    }
    w.onerror = (event) => {
      for (const request of waiting.values()) request.reject(new Error(`读取数据文件的后台线程出错：${event.message}`))
      waiting.clear()
    }
    return w
  }
  return (bytes, columns) =>
    new Promise((resolve, reject) => {
      const id = ++next
      waiting.set(id, { resolve, reject })
      worker ??= start()
      worker.postMessage({ id, bytes, columns } satisfies DecodeRequest, [bytes])
    })
}

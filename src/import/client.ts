// The page's side of the import worker: one request at a time, progress reported, and
// cancel by terminating the worker (a fresh one is started for the next request).
import type { FileChoice, FileInspection } from './pipeline.ts'
import type { ImportRules } from './imported.ts'
import type { CheckedImport, WorkerRequest } from './worker.ts'

type Reply =
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'progress'; fraction: number; file: string }
  | { id: number; type: 'error'; message: string }

export class ImportCancelled extends Error {
  constructor() {
    super('已取消')
  }
}

/** A request without its id, for each kind of request. */
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never

type Pending = {
  resolve: (v: unknown) => void
  reject: (e: Error) => void
  progress?: (fraction: number, file: string) => void
}

export class ImportClient {
  private worker: Worker | null = null
  private next = 0
  private readonly pending = new Map<number, Pending>()

  private start(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'import' })
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data
      const p = this.pending.get(reply.id)
      if (!p) return
      if (reply.type === 'progress') return p.progress?.(reply.fraction, reply.file)
      this.pending.delete(reply.id)
      if (reply.type === 'done') p.resolve(reply.value)
      else p.reject(new Error(reply.message))
    }
    worker.onerror = (event) =>
      this.fail(new Error(`读取文件的后台线程出错，没有导入任何数据；请刷新页面后重试（技术信息：${event.message}）`))
    this.worker = worker
    return worker
  }

  private request<T>(body: RequestBody, progress?: Pending['progress']): Promise<T> {
    const id = ++this.next
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress })
      this.start().postMessage({ ...body, id })
    })
  }

  inspect(file: File, choice: FileChoice = {}): Promise<FileInspection> {
    return this.request({ type: 'inspect', file, choice })
  }

  validate(
    files: { file: File; choice: FileChoice }[],
    rules: ImportRules,
    progress?: Pending['progress'],
  ): Promise<CheckedImport> {
    return this.request(
      { type: 'validate', files, counties: [...rules.counties], history: rules.history.data, years: rules.years },
      progress,
    )
  }

  /** Stops whatever the worker is doing; pending requests fail with ImportCancelled. */
  cancel(): void {
    this.fail(new ImportCancelled())
  }

  private fail(error: Error): void {
    this.worker?.terminate()
    this.worker = null
    for (const p of this.pending.values()) p.reject(error)
    this.pending.clear()
  }
}

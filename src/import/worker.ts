// The import's worker: files are read, decoded and checked here so that a 100 MB CSV does
// not freeze the page; the page cancels by terminating it.
import { inspectFile, validateFiles, type FileChoice } from './pipeline.ts'
import type { ImportRules } from './validate.ts'

export type WorkerRequest =
  | { id: number; type: 'inspect'; file: File; choice: FileChoice }
  | { id: number; type: 'validate'; files: { file: File; choice: FileChoice }[]; counties: [string, string][]; years: ImportRules['years'] }

const input = async (file: File) => ({ name: file.name, bytes: await file.arrayBuffer() })

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const req = event.data
  try {
    if (req.type === 'inspect') {
      postMessage({ id: req.id, type: 'done', value: await inspectFile(await input(req.file), req.choice) })
      return
    }
    const files = await Promise.all(req.files.map(async (f) => ({ file: await input(f.file), choice: f.choice })))
    const result = await validateFiles(files, { counties: new Map(req.counties), years: req.years }, (fraction, file) =>
      postMessage({ id: req.id, type: 'progress', fraction, file }),
    )
    const d = result.data
    const buffers = [d.year, d.fileIndex, d.rowNumber, ...Object.values(d.fields), ...Object.values(d.rates)].map((a) => a.buffer as ArrayBuffer)
    postMessage({ id: req.id, type: 'done', value: result }, { transfer: buffers })
  } catch (e) {
    postMessage({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) })
  }
}

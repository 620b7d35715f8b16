// The import's worker: files are read, decoded and checked here, and the accepted rows laid
// out as an Arrow IPC stream, so that a 100 MB CSV costs the page no long task; the page
// cancels by terminating it.
import { stageIpc, stageSchoolsIpc } from './stage.ts'
import { CodeHistory, type CodeHistoryData } from './codeHistory.ts'
import { inspectFile, validateFiles, type FileChoice } from './pipeline.ts'
import { rateColumns, type ImportRules, type RateColumn, type ValidationResult } from './imported.ts'

export type WorkerRequest =
  | { id: number; type: 'inspect'; file: File; choice: FileChoice }
  | {
      id: number
      type: 'validate'
      files: { file: File; choice: FileChoice }[]
      counties: [string, string][]
      history: CodeHistoryData
      years: ImportRules['years']
    }

/** What the page gets back from a check: the report, and the accepted rows ready to stage. */
export interface CheckedImport extends Omit<ValidationResult, 'data' | 'schools'> {
  rowCount: number
  /** Accepted school rows, summed by county once staged. */
  schoolCount: number
  rates: RateColumn[]
  /** The accepted rows to stage (handed to the engine, which takes the buffer over)… */
  ipc: Uint8Array
  /** …and the same bytes as a Blob, to keep in the browser if the user accepts. */
  rows: Blob
  /** The accepted school rows likewise, when any table was school-level. */
  schoolIpc: Uint8Array | null
  schools: Blob | null
}

const input = async (file: File) => ({ name: file.name, bytes: await file.arrayBuffer() })

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const req = event.data
  try {
    if (req.type === 'inspect') {
      postMessage({ id: req.id, type: 'done', value: await inspectFile(await input(req.file), req.choice) })
      return
    }
    const files = await Promise.all(req.files.map(async (f) => ({ file: await input(f.file), choice: f.choice })))
    const { data, schools, ...report } = await validateFiles(
      files,
      { counties: new Map(req.counties), history: new CodeHistory(req.history), years: req.years },
      (fraction, file) => postMessage({ id: req.id, type: 'progress', fraction, file }),
    )
    const ipc = stageIpc(data)
    const schoolIpc = schools && stageSchoolsIpc(schools)
    const value: CheckedImport = {
      ...report,
      rowCount: data.length,
      rates: rateColumns(data),
      ipc,
      rows: new Blob([ipc as Uint8Array<ArrayBuffer>]),
      schoolCount: schools?.length ?? 0,
      schoolIpc,
      schools: schoolIpc && new Blob([schoolIpc as Uint8Array<ArrayBuffer>]),
    }
    const transfer = [ipc, ...(schoolIpc ? [schoolIpc] : [])].map((b) => b.buffer as ArrayBuffer)
    postMessage({ id: req.id, type: 'done', value }, { transfer })
  } catch (e) {
    // Not a file's problem (those are in the report) but the reader's: said in Chinese, the
    // library's own words kept as the technical detail.
    const detail = e instanceof Error ? e.message : String(e)
    const message = `读取文件时出错，没有导入任何数据。请重试；如仍出错，请在 Excel 或 WPS 中把文件另存为 .xlsx 或 CSV 后再导入（技术信息：${detail}）`
    postMessage({ id: req.id, type: 'error', message })
  }
}

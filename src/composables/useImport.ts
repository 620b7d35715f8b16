// The import page's flow: files inspected in the worker, the mapping confirmed, every row
// checked (worker) and cross-checked (SQL on the staged rows), then accepted or dropped.
import { onScopeDispose, ref, shallowRef, toRaw } from 'vue'
import { ImportCancelled, ImportClient } from '../import/client.ts'
import { CodeHistory } from '../import/codeHistory.ts'
import { assignColumn } from '../import/headers.ts'
import type { Encoding } from '../import/encodings.ts'
import type { FileChoice, FileInspection, TableInspection } from '../import/pipeline.ts'
import { issueCsvLine, reportCsv } from '../import/report.ts'
import type { StagedCheck } from '../service/importChecks.ts'
import type { CheckedImport } from '../import/worker.ts'
import { countyNamesQuery } from '../queries/lists.ts'
import { useDatasetStore } from '../stores/dataset.ts'
import { useDataService } from './useData.ts'

/** A table of a file as the page holds it: to be read or not, and its columns as confirmed. */
export interface EntryTable extends TableInspection {
  checked: boolean
}

export interface ImportEntry {
  file: File
  inspection: FileInspection
  tables: EntryTable[]
}

const entryOf = (file: File, inspection: FileInspection): ImportEntry => ({
  file,
  inspection,
  tables: inspection.tables.map((t) => ({ ...t, checked: true })),
})

/** What the worker is sent: plain copies, as it cannot be sent Vue's reactive proxies. */
const choiceOf = (e: ImportEntry): FileChoice =>
  JSON.parse(
    JSON.stringify({
      encoding: e.inspection.encoding,
      tables: e.tables.filter((t) => t.checked).map((t) => ({ sheet: t.sheet, mapping: t.mapping })),
    }),
  ) as FileChoice

export interface ImportReport extends StagedCheck {
  result: CheckedImport
  csv: string
}

/** County rows staged (a school file's sums included); the worker's count when there are no schools. */
export const countyRows = (r: ImportReport): number =>
  r.result.schoolCount === 0 ? r.result.rowCount : Object.values(r.meta.provinces).reduce((n, p) => n + p.rows, 0)

/** What an accept takes, as the notice says it. */
const importedRows = (r: ImportReport) =>
  r.result.schoolCount === 0
    ? `${r.result.rowCount} 行数据`
    : `${countyRows(r)} 行区县数据（含 ${r.result.schoolCount} 行学校数据按区县汇总）`

export type ImportPhase = 'choose' | 'reading' | 'checking' | 'report' | 'accepting'

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

const CANCELLED: Partial<Record<ImportPhase, string>> = {
  reading: '已取消读取文件。',
  checking: '已取消检查：没有导入任何数据，看板仍显示原来的数据。',
}

export function useImport() {
  const service = useDataService()
  const dataset = useDatasetStore()
  const client = new ImportClient()
  onScopeDispose(() => client.cancel())

  const entries = ref<ImportEntry[]>([])
  const phase = ref<ImportPhase>('choose')
  const progress = ref({ fraction: 0, file: '' })
  const report = shallowRef<ImportReport | null>(null)
  const error = ref<string | null>(null)
  const notice = ref<string | null>(null)

  // Bumped by cancel: a check stops at its next step even where the worker is not involved
  // (the county list, staging, the SQL cross-checks).
  let ticket = 0

  async function run<T>(next: ImportPhase, task: () => Promise<T>, back: ImportPhase): Promise<T | undefined> {
    phase.value = next
    error.value = null
    notice.value = null
    try {
      return await task()
    } catch (e) {
      phase.value = back
      if (e instanceof ImportCancelled) notice.value = CANCELLED[next] ?? null
      else error.value = errorText(e)
      return undefined
    }
  }

  async function add(files: readonly File[]): Promise<void> {
    report.value = null
    await run(
      'reading',
      async () => {
        // Asked all at once: the worker reads the next file while the page takes the last answer.
        const inspections = await Promise.all(files.map((file) => client.inspect(file)))
        entries.value.push(...inspections.map((inspection, i) => entryOf(files[i]!, inspection)))
        phase.value = 'choose'
      },
      'choose',
    )
  }

  /** Reads a CSV again with another encoding; the mapping is found anew. */
  async function reread(index: number, encoding: Encoding): Promise<void> {
    const entry = entries.value[index]
    if (!entry) return
    await run(
      'reading',
      async () => {
        entries.value[index] = entryOf(entry.file, await client.inspect(entry.file, { encoding }))
        report.value = null
        phase.value = 'choose'
      },
      'choose',
    )
  }

  /** A change to what is read: a check under way or a report made before no longer holds. */
  function changed(): void {
    if (phase.value === 'checking') cancel()
    report.value = null
  }

  /** A column of a file's table assigned anew. */
  function assign(index: number, table: number, column: number, key: string): void {
    const t = entries.value[index]?.tables[table]
    if (!t) return
    t.mapping = assignColumn(t.mapping, column, key)
    changed()
  }

  /** A worksheet checked or unchecked. */
  function toggle(index: number, table: number, checked: boolean): void {
    const t = entries.value[index]?.tables[table]
    if (!t) return
    t.checked = checked
    changed()
  }

  function remove(index: number): void {
    entries.value.splice(index, 1)
    report.value = null
  }

  async function check(): Promise<void> {
    const mine = ++ticket
    const live = () => {
      if (mine !== ticket) throw new ImportCancelled()
    }
    const done = await run(
      'checking',
      async (): Promise<ImportReport> => {
        await service.init()
        const [names, history] = await Promise.all([
          service.query<{ code: string; name: string }>(countyNamesQuery()),
          service.codeHistory(),
        ])
        live()
        const rules = {
          counties: new Map(names.map((c) => [c.code, c.name])),
          history: new CodeHistory(history),
          years: { min: 2000, max: new Date().getFullYear() },
        }
        progress.value = { fraction: 0, file: '' }
        const result = await client.validate(
          entries.value.map((e) => ({ file: toRaw(e.file), choice: choiceOf(e) })),
          rules,
          (fraction, file) => (progress.value = { fraction, file }),
        )
        live()
        // The release diff compares with data the user loaded before, not with simulated data.
        const { crossIssues, changes, meta } = await service.checkImport(
          result.ipc,
          result.schoolIpc,
          result.rates,
          result.files,
          !dataset.simulated,
        )
        const csv = reportCsv([...result.reportLines, ...crossIssues.map(issueCsvLine)])
        live()
        return { result, crossIssues, changes, meta, csv }
      },
      'choose',
    )
    if (done) {
      report.value = done
      phase.value = 'report'
    }
  }

  function cancel(): void {
    ticket++
    client.cancel()
  }

  async function accept(): Promise<void> {
    const r = report.value
    if (!r) return
    await run(
      'accepting',
      async () => {
        const { manifest, kept } = await service.acceptImport(r.meta, r.result.rows, r.result.schools)
        dataset.replaceData(manifest)
        const rows = importedRows(r)
        notice.value = kept
          ? `已导入 ${rows}（${r.meta.label}），看板现在显示这些数据；数据保存在本浏览器中，刷新后仍在，可随时清除。`
          : `已导入 ${rows}，但浏览器未允许保存（可能是隐私模式或存储已满），关闭页面后需重新导入。`
        entries.value = []
        report.value = null
        phase.value = 'choose'
      },
      'report',
    )
  }

  async function discard(): Promise<void> {
    report.value = null
    phase.value = 'choose'
    await service.dropImport()
  }

  async function clearUserData(): Promise<void> {
    await run(
      'accepting',
      async () => {
        dataset.replaceData(await service.clearUserData())
        notice.value = '已清除导入的数据，恢复为内置的模拟数据。'
        phase.value = 'choose'
      },
      'choose',
    )
  }

  return {
    entries,
    phase,
    progress,
    report,
    error,
    notice,
    add,
    reread,
    assign,
    toggle,
    remove,
    check,
    cancel,
    accept,
    discard,
    clearUserData,
  }
}

// The checks that run in SQL once an import is staged beside the panel, turned into report
// lines; the release diff; and what the staged import covers (years, provinces), for its manifest.
import type { Database } from '../db/types.ts'
import type { UserDataMeta } from './userData.ts'
import { getIndicator } from '../indicators/catalog.ts'
import { formatValue } from '../indicators/format.ts'
import { RAW_FIELDS } from '../indicators/fields.ts'
import { JUMP_FACTOR } from '../queries/plausibility.ts'
import {
  coverageQuery,
  jumpQuery,
  rateMismatchQuery,
  stagedYearsQuery,
  type CoverageRow,
  type JumpRow,
  type RateMismatchRow,
} from '../queries/importChecks.ts'
import { acceptedPerFile, type FileSummary, type ImportIssue } from '../import/report.ts'
import type { RateColumn } from '../import/imported.ts'
import { RULES } from '../indicators/rules.ts'
import { STAGE_TABLE } from '../queries/importChecks.ts'
import { statusChangesQuery, type StatusChangeRow } from '../queries/rules.ts'
import type { SchoolConflictRow } from '../queries/importSchools.ts'

const FIELD_LABEL = new Map(RAW_FIELDS.map((f) => [f.id, `${f.label}${f.unit ? `(${f.unit})` : ''}`]))

const jumpReason = (j: JumpRow) =>
  j.kind === 'spike'
    ? `与上年（${j.previous}）、下年（${j.next}）相比都变化超过${JUMP_FACTOR}倍，可能是这一年录入有误（如单位或位数），请核实`
    : `比上年（${j.previous}）变化超过${JUMP_FACTOR}倍，请核实`

/**
 * Rates that disagree with their parts, and year-on-year jumps, as report issues; `tables`:
 * the files and worksheets read, as the staged rows' `_file` numbers them.
 */
export async function crossCheck(
  db: Database,
  rateCols: readonly RateColumn[],
  tables: readonly Pick<FileSummary, 'file' | 'sheet'>[],
): Promise<ImportIssue[]> {
  const rates = rateMismatchQuery(rateCols)
  const mismatches = rates ? await db.query<RateMismatchRow>(rates) : []
  const jumps = await db.query<JumpRow>(jumpQuery())
  const place = (i: number) => ({ file: tables[i]?.file ?? '', sheet: tables[i]?.sheet })
  return [
    ...mismatches.map((m): ImportIssue => {
      const ind = getIndicator(m.indicator)
      return {
        ...place(m.file_index),
        row: m.row,
        column: ind.label,
        value: String(m.reported),
        reason: `与本行分子分母算出的${formatValue(m.computed, ind)}不一致；看板按分子分母计算`,
        severity: 'warning',
        action: '已导入，请核实',
      }
    }),
    ...jumps.map((j): ImportIssue => ({
      ...place(j.file_index),
      row: j.row,
      column: FIELD_LABEL.get(j.field) ?? j.field,
      value: String(j.value),
      reason: jumpReason(j),
      severity: 'warning',
      action: '已导入，请核实',
    })),
  ]
}

const tableName = (t: Pick<FileSummary, 'file' | 'sheet'> | undefined) =>
  t ? `${t.file}${t.sheet ? `（工作表“${t.sheet}”）` : ''}` : ''

/**
 * County-years where a county file and the schools' sums give a field different figures:
 * said on the county file's row, naming both files and both figures; neither is imported.
 */
export function schoolConflictIssues(
  rows: readonly SchoolConflictRow[],
  tables: readonly Pick<FileSummary, 'file' | 'sheet'>[],
): ImportIssue[] {
  return rows.map((c) => ({
    file: tables[c.county_file]?.file ?? '',
    sheet: tables[c.county_file]?.sheet,
    row: c.county_row,
    column: FIELD_LABEL.get(c.field) ?? c.field,
    value: String(c.county_value),
    reason: `${c.name ?? c.code}${c.year}年的${FIELD_LABEL.get(c.field) ?? c.field}：本行为${c.county_value}，由${tableName(tables[c.school_file])}的学校数据汇总为${c.school_value}，两者不一致；两个数都未导入（本项留空），请核对后重新导入`,
    severity: 'error',
    action: '单元格未导入',
  }))
}

/** What the staged import covers, for its manifest and the source label. */
export async function importMeta(
  db: Database,
  files: readonly { name: string; rows: number }[],
  importedAt: Date,
): Promise<UserDataMeta> {
  const coverage = await db.query<CoverageRow>(coverageQuery())
  const years = await db.query<{ year: number }>(stagedYearsQuery())
  return {
    label: files.map((f) => f.name).join('、'),
    files: [...files],
    importedAt: importedAt.toISOString(),
    years: years.map((y) => y.year),
    provinces: Object.fromEntries(coverage.map((c) => [c.province_code, { counties: c.counties, rows: c.rows }])),
  }
}

/** What the SQL checks of a staged import found, and what it covers. */
export interface StagedCheck {
  /** Issues found in SQL (rates against parts, jumps). */
  crossIssues: ImportIssue[]
  /** Counties whose status on a rule differs from the data loaded now (user data only). */
  changes: StatusChangeRow[]
  meta: UserDataMeta
}

/**
 * The checks of the import staged beside the panel; `tables`: the files and worksheets read;
 * `conflicts`: where its county rows and its schools' sums disagree (stageSchools).
 * `compare`: the release diff against the data loaded now, which is only told when that is
 * the user's own (not simulated) data.
 */
export async function checkStaged(
  db: Database,
  rates: readonly RateColumn[],
  tables: readonly FileSummary[],
  compare: boolean,
  at: Date,
  conflicts: readonly SchoolConflictRow[] = [],
): Promise<StagedCheck> {
  const crossIssues = [...schoolConflictIssues(conflicts, tables), ...(await crossCheck(db, rates, tables))]
  const changes = compare ? await db.query<StatusChangeRow>(statusChangesQuery(RULES, STAGE_TABLE)) : []
  return { crossIssues, changes, meta: await importMeta(db, acceptedPerFile(tables), at) }
}

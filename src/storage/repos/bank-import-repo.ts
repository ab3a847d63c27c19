import type { Selectable } from 'kysely'
import type { BankImport, BankImportProblem, BankImportStatus } from '../../core/bank-import.js'
import type { Executor } from '../database.js'
import type { BankImportTable } from '../schema/bank-import.js'

type BankImportRow = Omit<Selectable<BankImportTable>, 'file'>

/** Every column but the file, which only the job reads. */
const COLUMNS = [
  'id',
  'bank_id',
  'format',
  'status',
  'file_bytes',
  'lines_total',
  'lines_checked',
  'entries_total',
  'entries_written',
  'entries_skipped',
  'other_signal_type',
  'problems',
  'problem_count',
  'error',
  'started_by',
  'created_at',
  'started_at',
  'finished_at',
] as const

export function rowToBankImport(row: BankImportRow): BankImport {
  return {
    id: row.id,
    bankId: row.bank_id,
    format: row.format,
    status: row.status as BankImportStatus,
    fileBytes: row.file_bytes,
    linesTotal: row.lines_total,
    linesChecked: row.lines_checked,
    entriesTotal: row.entries_total,
    entriesWritten: row.entries_written,
    entriesSkipped: row.entries_skipped,
    otherSignalType: row.other_signal_type,
    problems: row.problems,
    problemCount: row.problem_count,
    error: row.error,
    startedBy: row.started_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }
}

export async function insertBankImport(
  db: Executor,
  job: BankImport,
  file: Uint8Array,
): Promise<void> {
  await db
    .insertInto('bank_import')
    .values({
      id: job.id,
      bank_id: job.bankId,
      format: job.format,
      status: job.status,
      file,
      file_bytes: job.fileBytes,
      lines_total: job.linesTotal,
      lines_checked: job.linesChecked,
      entries_total: job.entriesTotal,
      entries_written: job.entriesWritten,
      entries_skipped: job.entriesSkipped,
      other_signal_type: job.otherSignalType,
      problems: JSON.stringify(job.problems),
      problem_count: job.problemCount,
      error: job.error,
      started_by: job.startedBy,
      created_at: job.createdAt,
      started_at: job.startedAt,
      finished_at: job.finishedAt,
    })
    .execute()
}

export async function findBankImport(
  db: Executor,
  bankId: string,
  id: string,
): Promise<BankImport | undefined> {
  const row = await db
    .selectFrom('bank_import')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('bank_id', '=', bankId)
    .executeTakeFirst()
  return row ? rowToBankImport(row) : undefined
}

/** The import with its file, for the job; the file is null once the import has finished. */
export async function findBankImportWithFile(
  db: Executor,
  id: string,
): Promise<{ job: BankImport; file: Uint8Array | null } | undefined> {
  const row = await db
    .selectFrom('bank_import')
    .select([...COLUMNS, 'file'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? { job: rowToBankImport(row), file: row.file } : undefined
}

/** The newest imports into a bank first. */
export async function listBankImports(
  db: Executor,
  bankId: string,
  limit: number,
): Promise<BankImport[]> {
  const rows = await db
    .selectFrom('bank_import')
    .select(COLUMNS)
    .where('bank_id', '=', bankId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(rowToBankImport)
}

export interface BankImportProgress {
  status?: 'checking' | 'writing'
  linesChecked?: number
  entriesTotal?: number
  otherSignalType?: number
  startedAt?: Date
}

/** Records progress of an unfinished import; false when it has finished meanwhile. */
export async function updateBankImportProgress(
  db: Executor,
  id: string,
  progress: BankImportProgress,
): Promise<boolean> {
  const result = await db
    .updateTable('bank_import')
    .set({
      ...(progress.status ? { status: progress.status } : {}),
      ...(progress.linesChecked !== undefined ? { lines_checked: progress.linesChecked } : {}),
      ...(progress.entriesTotal !== undefined ? { entries_total: progress.entriesTotal } : {}),
      ...(progress.otherSignalType !== undefined
        ? { other_signal_type: progress.otherSignalType }
        : {}),
      ...(progress.startedAt ? { started_at: progress.startedAt } : {}),
    })
    .where('id', '=', id)
    .where('status', 'not in', ['done', 'failed'])
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * Adds a written batch to the counts, in the batch's transaction, only if the counts still stand
 * at `before` entries handled: false means another run got there first.
 */
export async function addWrittenBatch(
  db: Executor,
  id: string,
  before: number,
  batch: { added: number; submitted: number },
): Promise<boolean> {
  const result = await db
    .updateTable('bank_import')
    .set((eb) => ({
      entries_written: eb('entries_written', '+', batch.added),
      entries_skipped: eb('entries_skipped', '+', batch.submitted - batch.added),
    }))
    .where('id', '=', id)
    .where('status', '=', 'writing')
    .where((eb) => eb(eb('entries_written', '+', eb.ref('entries_skipped')), '=', before))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export interface BankImportEnd {
  status: 'done' | 'failed'
  at: Date
  linesChecked?: number
  problems?: BankImportProblem[]
  problemCount?: number
  error?: string
}

/** Finishes an unfinished import and lets go of its file; undefined when it had finished already. */
export async function finishBankImport(
  db: Executor,
  id: string,
  end: BankImportEnd,
): Promise<BankImport | undefined> {
  const row = await db
    .updateTable('bank_import')
    .set({
      status: end.status,
      finished_at: end.at,
      file: null,
      ...(end.linesChecked !== undefined ? { lines_checked: end.linesChecked } : {}),
      ...(end.problems ? { problems: JSON.stringify(end.problems) } : {}),
      ...(end.problemCount !== undefined ? { problem_count: end.problemCount } : {}),
      ...(end.error !== undefined ? { error: end.error } : {}),
    })
    .where('id', '=', id)
    .where('status', 'not in', ['done', 'failed'])
    .returning(COLUMNS)
    .executeTakeFirst()
  return row ? rowToBankImport(row) : undefined
}

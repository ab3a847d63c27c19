import { Readable } from 'node:stream'
import { type BankImport, isImportFinished } from '../../core/bank-import.js'
import { ConflictError } from '../../core/errors.js'
import type { Actor } from '../../core/roles.js'
import {
  addWrittenBatch,
  type BankImportEnd,
  type BankImportProgress,
  findBankImportWithFile,
  finishBankImport,
  updateBankImportProgress,
} from '../../storage/repos/bank-import-repo.js'
import { recordAudit } from '../audit-log.js'
import { syncBankMatchers } from '../banks.js'
import type { ServiceContext } from '../service-context.js'
import type { BankFileFormat } from './formats.js'
import { BankFileRefusedError, type ImportSteps, importBankFile } from './import-bank-file.js'

export interface BankImportRun {
  importId: string
  /** The job's last attempt: an unexpected failure then marks the import failed for good. */
  final?: boolean
  batchSize?: number
  /** Called after each checking step is committed (tests watch the import through it). */
  onSaved?: (progress: BankImportProgress) => Promise<void> | void
}

/**
 * Runs an uploaded import: the checking pass, then the writing pass, recording the counts as
 * it goes (each batch's counts in the batch's own transaction). Safe to run again: a finished
 * import is left alone, and an interrupted one checks the file again and resumes writing after
 * the entries its counts say were handled.
 */
export async function runBankImport(ctx: ServiceContext, run: BankImportRun): Promise<void> {
  const found = await findBankImportWithFile(ctx.db, run.importId)
  if (!found?.file || isImportFinished(found.job.status)) return
  const { job } = found
  const file = Buffer.from(found.file.buffer, found.file.byteOffset, found.file.byteLength)
  const actor = importActor(job.startedBy)
  const save = async (progress: BankImportProgress) => {
    await updateBankImportProgress(ctx.db, job.id, progress)
    await run.onSaved?.(progress)
  }
  try {
    await save({
      status: 'checking',
      linesChecked: 0,
      ...(job.startedAt ? {} : { startedAt: now(ctx) }),
    })
    await importBankFile(ctx, actor, job.bankId, {
      format: job.format as BankFileFormat,
      open: () => Readable.from([file]),
      ...(run.batchSize ? { batchSize: run.batchSize } : {}),
      steps: progressSteps(job, save),
    })
  } catch (error) {
    await endAfterError(ctx, job, actor, error, run.final ?? false)
    return
  }
  await endImport(ctx, job, actor, { status: 'done', at: now(ctx) })
  await syncBankMatchers(ctx)
}

function progressSteps(
  job: BankImport,
  save: (progress: BankImportProgress) => Promise<void>,
): ImportSteps {
  let handled = job.entriesWritten + job.entriesSkipped
  return {
    resumeAfter: handled,
    checking: (line) => save({ linesChecked: line }),
    checked: (summary) =>
      save({
        status: 'writing',
        linesChecked: job.linesTotal,
        entriesTotal: summary.rows,
        otherSignalType: summary.otherSignalType,
      }),
    wrote: async (tx, batch) => {
      if (!(await addWrittenBatch(tx, job.id, handled, batch))) {
        throw new ConflictError(`bank import ${job.id} was moved on by another run`)
      }
      handled += batch.submitted
    },
  }
}

/** A refused file fails the import at once; anything else is retried until the last attempt. */
async function endAfterError(
  ctx: ServiceContext,
  job: BankImport,
  actor: Actor,
  error: unknown,
  final: boolean,
): Promise<void> {
  if (error instanceof BankFileRefusedError) {
    await endImport(ctx, job, actor, {
      status: 'failed',
      at: now(ctx),
      linesChecked: job.linesTotal,
      problems: error.lines,
      problemCount: error.count,
      error: error.message,
    })
    return
  }
  if (!final) throw error
  const message = error instanceof Error ? error.message : String(error)
  await endImport(ctx, job, actor, {
    status: 'failed',
    at: now(ctx),
    error: `the import stopped after its last attempt: ${message}`,
  })
  throw error
}

async function endImport(
  ctx: ServiceContext,
  job: BankImport,
  actor: Actor,
  end: BankImportEnd,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const ended = await finishBankImport(tx, job.id, end)
    if (!ended) return
    await recordAudit(tx, actor, end.at, [
      {
        action: end.status === 'done' ? 'bank.import_finished' : 'bank.import_failed',
        entityType: 'bank',
        entityId: job.bankId,
        data: {
          importId: job.id,
          written: ended.entriesWritten,
          skipped: ended.entriesSkipped,
          ...(end.status === 'failed' ? { problems: ended.problemCount, error: ended.error } : {}),
        },
      },
    ])
  })
}

/**
 * @NOTE The job acts for whoever uploaded the file: its entries and audit entries name them.
 * Only admins may start an import, so the role is admin.
 */
function importActor(actorId: string): Actor {
  return { id: actorId, role: 'admin', name: actorId }
}

function now(ctx: ServiceContext): Date {
  return ctx.clock.now()
}

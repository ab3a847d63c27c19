import type { BankImport } from '../../core/bank-import.js'
import { NotFoundError } from '../../core/errors.js'
import type { Actor } from '../../core/roles.js'
import {
  findBankImport,
  insertBankImport,
  listBankImports as listImportRows,
} from '../../storage/repos/bank-import-repo.js'
import { recordAudit } from '../audit-log.js'
import { getBankOrThrow } from '../banks.js'
import type { ServiceContext } from '../service-context.js'
import type { BankFileFormat } from './formats.js'

/** The job that checks and writes an uploaded bank file. */
export const BANK_IMPORT_JOB = 'bank.import'

export interface BankImportUpload {
  format: BankFileFormat
  content: string
}

/**
 * Stores an uploaded bank file and queues the job that imports it, in one transaction: an
 * acknowledged upload is always imported (or refused), even if the process stops right after.
 */
export async function startBankImport(
  ctx: ServiceContext,
  actor: Actor,
  bankId: string,
  upload: BankImportUpload,
): Promise<BankImport> {
  const bank = await getBankOrThrow(ctx, bankId)
  const file = Buffer.from(upload.content, 'utf8')
  const started: BankImport = {
    id: crypto.randomUUID(),
    bankId: bank.id,
    format: upload.format,
    status: 'queued',
    fileBytes: file.length,
    linesTotal: countLines(file),
    linesChecked: 0,
    entriesTotal: null,
    entriesWritten: 0,
    entriesSkipped: 0,
    otherSignalType: 0,
    problems: [],
    problemCount: 0,
    error: null,
    startedBy: actor.id,
    createdAt: ctx.clock.now(),
    startedAt: null,
    finishedAt: null,
  }
  await ctx.db.transaction().execute(async (tx) => {
    await insertBankImport(tx, started, file)
    await recordAudit(tx, actor, started.createdAt, [
      {
        action: 'bank.import_started',
        entityType: 'bank',
        entityId: bank.id,
        data: {
          importId: started.id,
          format: started.format,
          bytes: started.fileBytes,
          lines: started.linesTotal,
        },
      },
    ])
    await ctx.jobs.send(tx, BANK_IMPORT_JOB, { importId: started.id })
  })
  return started
}

export async function getBankImportOrThrow(
  ctx: ServiceContext,
  bankId: string,
  importId: string,
): Promise<BankImport> {
  await getBankOrThrow(ctx, bankId)
  const found = await findBankImport(ctx.db, bankId, importId)
  if (!found) throw new NotFoundError('bank import', importId)
  return found
}

/** The bank's newest imports first. */
export async function listBankImports(
  ctx: ServiceContext,
  bankId: string,
  limit: number,
): Promise<BankImport[]> {
  await getBankOrThrow(ctx, bankId)
  return listImportRows(ctx.db, bankId, limit)
}

/** Lines as an editor counts them: a last line without a newline counts too. */
export function countLines(file: Uint8Array): number {
  let lines = 0
  for (let at = file.indexOf(0x0a); at !== -1; at = file.indexOf(0x0a, at + 1)) lines += 1
  return file.length > 0 && file[file.length - 1] !== 0x0a ? lines + 1 : lines
}

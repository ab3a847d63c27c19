import type { Readable } from 'node:stream'
import type { Bank, BankEntry } from '../../core/bank.js'
import { type BankImportProblem, MAX_IMPORT_PROBLEMS_KEPT } from '../../core/bank-import.js'
import { InvalidInputError } from '../../core/errors.js'
import type { Actor } from '../../core/roles.js'
import type { Executor } from '../../storage/database.js'
import { analyzeBankEntries, insertBankEntries } from '../../storage/repos/bank-entry-repo.js'
import { nextBankRevision } from '../../storage/repos/bank-repo.js'
import { recordAudit } from '../audit-log.js'
import { entryFromInput, getBankOrThrow } from '../banks.js'
import type { ServiceContext } from '../service-context.js'
import type { BankFileFormat, JsonlEntry } from './formats.js'
import { type BankFileRow, readBankRows } from './read-rows.js'

export interface ImportOptions {
  format: BankFileFormat
  /** Opens the file from its start; called twice (a checking pass, then the writing pass). */
  open: () => Readable
  batchSize?: number
  onProgress?: (phase: 'check' | 'write', bytesRead: number) => void
  /** Told of each step, and awaited, so a step may record the import's progress. */
  steps?: ImportSteps
}

export interface ImportSteps {
  /** After every `batchSize` lines of the checking pass: the line reached. */
  checking?: (line: number) => Promise<void>
  /** After the checking pass found nothing wrong, before anything is written. */
  checked?: (summary: ImportSummary) => Promise<void>
  /** Inside each batch's transaction, after its entries were inserted. */
  wrote?: (tx: Executor, batch: { added: number; submitted: number }) => Promise<void>
  /** Entries an earlier, interrupted run has already handled: the writing pass starts after them. */
  resumeAfter?: number
}

export interface ImportSummary {
  rows: number
  added: number
  /** Values the bank already held. */
  duplicates: number
  /** HMA CSV rows of another signal type than the bank's kind. */
  otherSignalType: number
}

const MAX_PROBLEMS_SHOWN = 20

/** A file refused by the checking pass; `lines` keeps the first problems, line by line. */
export class BankFileRefusedError extends InvalidInputError {
  override name = 'BankFileRefusedError'
  constructor(
    bank: Bank,
    readonly lines: BankImportProblem[],
    readonly count: number,
  ) {
    super(`${count} line(s) cannot be imported into bank "${bank.name}"; nothing was written`, {
      problems: lines.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `line ${p.line}: ${p.problem}`),
      count,
    })
  }
}

/**
 * Imports a bank file in two passes. The first reads every row and refuses the whole file, with
 * the line of each problem, if any row is bad: nothing is written. The second writes batches of
 * entries, each in its own transaction with its bank revision and audit entry; values already in
 * the bank are skipped, so an interrupted import can simply be run again.
 */
export async function importBankFile(
  ctx: ServiceContext,
  actor: Actor,
  bankId: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const bank = await getBankOrThrow(ctx, bankId)
  const at = ctx.clock.now()
  const summary = await checkFile(ctx, bank, actor, at, options)
  await options.steps?.checked?.(summary)
  const batchSize = options.batchSize ?? 5_000
  let skip = options.steps?.resumeAfter ?? 0
  let batch: BankEntry[] = []
  for await (const row of rowsOf(bank, options, 'write')) {
    if (row.kind !== 'entry') continue
    if (skip > 0) {
      skip -= 1
      continue
    }
    batch.push(importedEntry(ctx, bank, row, actor, at))
    if (batch.length >= batchSize) {
      summary.added += await writeBatch(ctx, { actor, bank, at, options }, batch)
      batch = []
    }
  }
  summary.added += await writeBatch(ctx, { actor, bank, at, options }, batch)
  summary.duplicates = summary.rows - summary.added
  if (summary.added >= batchSize) await analyzeBankEntries(ctx.db)
  return summary
}

async function checkFile(
  ctx: ServiceContext,
  bank: Bank,
  actor: Actor,
  at: Date,
  options: ImportOptions,
): Promise<ImportSummary> {
  const summary: ImportSummary = { rows: 0, added: 0, duplicates: 0, otherSignalType: 0 }
  const problems: BankImportProblem[] = []
  let count = 0
  const every = options.batchSize ?? 5_000
  let report = every
  for await (const row of rowsOf(bank, options, 'check')) {
    const problem = problemOf(ctx, bank, row, actor, at)
    if (problem) {
      count += 1
      if (problems.length < MAX_IMPORT_PROBLEMS_KEPT) problems.push({ line: row.line, problem })
    } else if (row.kind === 'entry') summary.rows += 1
    else if (row.kind === 'other_signal_type') summary.otherSignalType += 1
    if (row.line >= report && options.steps?.checking) {
      report = row.line + every
      await options.steps.checking(row.line)
    }
  }
  if (count > 0) throw new BankFileRefusedError(bank, problems, count)
  return summary
}

function problemOf(
  ctx: ServiceContext,
  bank: Bank,
  row: BankFileRow,
  actor: Actor,
  at: Date,
): string | undefined {
  if (row.kind === 'problem') return row.problem
  if (row.kind === 'header' && row.header.bank.kind !== bank.kind) {
    return `the file holds ${row.header.bank.kind} entries; bank "${bank.name}" holds ${bank.kind}`
  }
  if (row.kind !== 'entry') return undefined
  try {
    importedEntry(ctx, bank, row, actor, at)
    return undefined
  } catch (error) {
    if (error instanceof InvalidInputError) return error.message.replace(/^entries\[\d+\]\./, '')
    throw error
  }
}

async function* rowsOf(bank: Bank, options: ImportOptions, phase: 'check' | 'write') {
  const stream = options.open()
  let bytes = 0
  stream.on('data', (chunk: Buffer | string) => {
    bytes += chunk.length
    options.onProgress?.(phase, bytes)
  })
  yield* readBankRows(stream, options.format, bank.kind)
}

function importedEntry(
  ctx: ServiceContext,
  bank: Bank,
  row: Extract<BankFileRow, { kind: 'entry' }>,
  actor: Actor,
  at: Date,
): BankEntry {
  const e: JsonlEntry = row.entry
  const base = entryFromInput(
    ctx,
    bank,
    { value: e.value, ...(e.harm ? { harm: e.harm } : {}) },
    0,
    actor,
    at,
  )
  const date = (value: string | null | undefined) => (value ? new Date(value) : null)
  return {
    ...base,
    note: e.note ?? null,
    addedBy: e.addedBy ?? actor.id,
    createdAt: date(e.createdAt) ?? at,
    expiresAt: date(e.expiresAt),
    disabledAt: date(e.disabledAt),
    source: e.source ?? 'imported',
    externalRef: e.externalRef ?? null,
    quality: e.quality ?? null,
    retractedAt: date(e.retractedAt),
    retractionReason: e.retractionReason ?? null,
  }
}

interface BatchOf {
  actor: Actor
  bank: Bank
  at: Date
  options: ImportOptions
}

async function writeBatch(
  ctx: ServiceContext,
  { actor, bank, at, options }: BatchOf,
  entries: BankEntry[],
): Promise<number> {
  if (entries.length === 0) return 0
  return ctx.db.transaction().execute(async (tx) => {
    const revision = await nextBankRevision(tx)
    const added = await insertBankEntries(tx, bank.id, entries, revision)
    await options.steps?.wrote?.(tx, { added, submitted: entries.length })
    await recordAudit(tx, actor, at, [
      {
        action: 'bank.entries_imported',
        entityType: 'bank',
        entityId: bank.id,
        data: { added, submitted: entries.length },
      },
    ])
    return added
  })
}

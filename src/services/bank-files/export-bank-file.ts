import { stringify } from 'csv-stringify/sync'
import { isEntryActive } from '../../core/bank.js'
import { listBankEntries } from '../../storage/repos/bank-entry-repo.js'
import { getBankOrThrow } from '../banks.js'
import type { ServiceContext } from '../service-context.js'
import {
  type BankFileFormat,
  HMA_CSV_COLUMNS,
  toHmaCsvRow,
  toJsonlEntry,
  toJsonlHeader,
} from './formats.js'

const PAGE = 10_000

/**
 * A bank's entries as a file, chunk by chunk (so a bank of millions streams in constant memory).
 * JSON lines keep every entry with its provenance and state. HMA CSV has no column for state, so
 * it carries only the entries that match now (not disabled, retracted or expired).
 */
export async function* exportBankFile(
  ctx: ServiceContext,
  bankId: string,
  format: BankFileFormat,
): AsyncGenerator<string> {
  const bank = await getBankOrThrow(ctx, bankId)
  const at = ctx.clock.now()
  yield format === 'jsonl'
    ? `${JSON.stringify(toJsonlHeader(bank))}\n`
    : stringify([HMA_CSV_COLUMNS])
  let after: string | undefined
  for (;;) {
    const entries = await listBankEntries(ctx.db, bank.id, after, PAGE)
    if (entries.length === 0) return
    yield format === 'jsonl'
      ? entries.map((e) => `${JSON.stringify(toJsonlEntry(e))}\n`).join('')
      : stringify(entries.filter((e) => isEntryActive(e, at)).map((e) => toHmaCsvRow(bank, e)))
    after = entries.at(-1)?.id
  }
}

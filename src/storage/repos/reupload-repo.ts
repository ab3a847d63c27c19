import type { BankEntry } from '../../core/bank.js'
import type { Executor } from '../database.js'
import { rowToBankEntry } from './bank-entry-repo.js'

/**
 * The unretracted entries of these banks that hold one of `values` and were added for
 * `externalRef` (re-upload prevention marks its entries `decision:<id>`); looked up by value
 * through the banks' (bank_id, value) index.
 */
export async function findEntriesAddedFor(
  db: Executor,
  bankIds: readonly string[],
  values: readonly string[],
  externalRef: string,
): Promise<BankEntry[]> {
  if (bankIds.length === 0 || values.length === 0) return []
  const rows = await db
    .selectFrom('bank_entry')
    .selectAll()
    .where('bank_id', 'in', [...bankIds])
    .where('value', 'in', [...values])
    .where('external_ref', '=', externalRef)
    .where('retracted_at', 'is', null)
    .execute()
  return rows.map(rowToBankEntry)
}

import type { Bank, BankEntry, BankKind } from '../../core/bank.js'
import type { Executor } from '../database.js'
import type { BankEntryTable, BankTable } from '../schema/bank.js'

export function rowToBank(row: BankTable): Bank {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as BankKind,
    harm: row.harm,
    source: row.source as Bank['source'],
    action: row.action as Bank['action'],
    description: row.description,
    enabled: row.enabled,
    createdAt: row.created_at,
  }
}

export function rowToBankEntry(row: BankEntryTable): BankEntry {
  return {
    id: row.id,
    bankId: row.bank_id,
    value: row.value,
    note: row.note,
    addedBy: row.added_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    disabledAt: row.disabled_at,
  }
}

/** Inserts the bank; false when the name is taken. */
export async function insertBank(db: Executor, bank: Bank): Promise<boolean> {
  const result = await db
    .insertInto('bank')
    .values({
      id: bank.id,
      name: bank.name,
      kind: bank.kind,
      harm: bank.harm,
      source: bank.source,
      action: bank.action,
      description: bank.description,
      enabled: bank.enabled,
      created_at: bank.createdAt,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

export async function listBanks(db: Executor): Promise<Bank[]> {
  const rows = await db.selectFrom('bank').selectAll().orderBy('name').execute()
  return rows.map(rowToBank)
}

export async function findBank(db: Executor, id: string): Promise<Bank | undefined> {
  const row = await db.selectFrom('bank').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? rowToBank(row) : undefined
}

/** Inserts entries, skipping values the bank already holds; returns how many were new. */
export async function insertBankEntries(db: Executor, entries: readonly BankEntry[]) {
  if (entries.length === 0) return 0
  const result = await db
    .insertInto('bank_entry')
    .values(
      entries.map((e) => ({
        id: e.id,
        bank_id: e.bankId,
        value: e.value,
        note: e.note,
        added_by: e.addedBy,
        created_at: e.createdAt,
        expires_at: e.expiresAt,
        disabled_at: e.disabledAt,
      })),
    )
    .onConflict((oc) => oc.columns(['bank_id', 'value']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n)
}

export async function countBankEntries(db: Executor, bankId: string): Promise<number> {
  const row = await db
    .selectFrom('bank_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('bank_id', '=', bankId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface ActiveEntry {
  entry: BankEntry
  bank: Bank
}

/** Entries a matcher should load: bank enabled, entry not disabled and not expired. */
export async function listActiveEntries(db: Executor, at: Date): Promise<ActiveEntry[]> {
  const rows = await db
    .selectFrom('bank_entry as e')
    .innerJoin('bank as b', 'b.id', 'e.bank_id')
    .selectAll('e')
    .select([
      'b.name as bank_name',
      'b.kind as bank_kind',
      'b.harm as bank_harm',
      'b.source as bank_source',
      'b.action as bank_action',
      'b.description as bank_description',
      'b.enabled as bank_enabled',
      'b.created_at as bank_created_at',
    ])
    .where('b.enabled', '=', true)
    .where('e.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('e.expires_at', 'is', null), eb('e.expires_at', '>', at)]))
    .execute()
  return rows.map((row) => ({
    entry: rowToBankEntry(row),
    bank: rowToBank({
      id: row.bank_id,
      name: row.bank_name,
      kind: row.bank_kind,
      harm: row.bank_harm,
      source: row.bank_source,
      action: row.bank_action,
      description: row.bank_description,
      enabled: row.bank_enabled,
      created_at: row.bank_created_at,
    }),
  }))
}

export async function setBankEnabled(db: Executor, id: string, enabled: boolean) {
  const result = await db
    .updateTable('bank')
    .set({ enabled })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Marks that the banks changed, in the caller's transaction. */
export async function bumpBankRevision(db: Executor): Promise<void> {
  await db
    .updateTable('bank_revision')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .execute()
}

export async function currentBankRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom('bank_revision').select('revision').executeTakeFirstOrThrow()
  return Number(row.revision)
}

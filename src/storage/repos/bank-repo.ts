import type { Bank, BankKind } from '../../core/bank.js'
import type { Executor } from '../database.js'
import type { BankTable } from '../schema/bank.js'

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

/** Inserts the bank; false when the name is taken. */
export async function insertBank(db: Executor, bank: Bank, revision: number): Promise<boolean> {
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
      revision,
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

export async function findBankByName(db: Executor, name: string): Promise<Bank | undefined> {
  const row = await db.selectFrom('bank').selectAll().where('name', '=', name).executeTakeFirst()
  return row ? rowToBank(row) : undefined
}

export async function setBankEnabled(
  db: Executor,
  id: string,
  enabled: boolean,
  revision: number,
): Promise<boolean> {
  const result = await db
    .updateTable('bank')
    .set({ enabled, revision })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * Starts a bank change in the caller's transaction and returns its revision. The row lock makes
 * concurrent bank changes commit in revision order, so a reader that has seen revision N has
 * seen every change stamped N or lower.
 */
export async function nextBankRevision(db: Executor): Promise<number> {
  const row = await db
    .updateTable('bank_revision')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .returning('revision')
    .executeTakeFirstOrThrow()
  return Number(row.revision)
}

export async function currentBankRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom('bank_revision').select('revision').executeTakeFirstOrThrow()
  return Number(row.revision)
}

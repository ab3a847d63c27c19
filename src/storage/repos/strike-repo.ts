import { type Selectable, sql } from 'kysely'
import type { AccountRestriction, RestrictionKind, Strike } from '../../core/strike.js'
import type { Executor } from '../database.js'
import type { AccountRestrictionTable, StrikeTable } from '../schema/report-appeal.js'

function rowToStrike(row: Selectable<StrikeTable>): Strike {
  return {
    id: row.id,
    accountId: row.account_id,
    decisionId: row.decision_id,
    harm: row.harm,
    severity: row.severity,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    removedAt: row.removed_at,
    removedReason: row.removed_reason,
  }
}

function rowToRestriction(row: Selectable<AccountRestrictionTable>): AccountRestriction {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind as RestrictionKind,
    reason: row.reason,
    strikePoints: row.strike_points,
    decisionId: row.decision_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    liftedAt: row.lifted_at,
    liftedReason: row.lifted_reason,
    createdAt: row.created_at,
  }
}

export async function insertStrike(db: Executor, s: Strike): Promise<void> {
  await db
    .insertInto('strike')
    .values({
      id: s.id,
      account_id: s.accountId,
      decision_id: s.decisionId,
      harm: s.harm,
      severity: s.severity,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
      removed_at: s.removedAt,
      removed_reason: s.removedReason,
    })
    .execute()
}

/** Every strike of the account, oldest first (removed and expired ones too: the record). */
export async function listStrikes(db: Executor, accountId: string): Promise<Strike[]> {
  const rows = await db
    .selectFrom('strike')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(rowToStrike)
}

/** Removes the unremoved strikes of a decision; returns them as they were. */
export async function removeStrikesOfDecision(
  db: Executor,
  decisionId: string,
  removal: { at: Date; reason: string },
): Promise<Strike[]> {
  const rows = await db
    .updateTable('strike')
    .set({ removed_at: removal.at, removed_reason: removal.reason })
    .where('decision_id', '=', decisionId)
    .where('removed_at', 'is', null)
    .returningAll()
    .execute()
  return rows.map(rowToStrike)
}

export async function insertRestriction(db: Executor, r: AccountRestriction): Promise<void> {
  await db
    .insertInto('account_restriction')
    .values({
      id: r.id,
      account_id: r.accountId,
      kind: r.kind,
      reason: r.reason,
      strike_points: r.strikePoints,
      decision_id: r.decisionId,
      starts_at: r.startsAt,
      ends_at: r.endsAt,
      lifted_at: r.liftedAt,
      lifted_reason: r.liftedReason,
      created_at: r.createdAt,
    })
    .execute()
}

/** Every restriction of the account, oldest first. */
export async function listRestrictions(
  db: Executor,
  accountId: string,
): Promise<AccountRestriction[]> {
  const rows = await db
    .selectFrom('account_restriction')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute()
  return rows.map(rowToRestriction)
}

export async function liftRestriction(
  db: Executor,
  id: string,
  lift: { at: Date; reason: string },
): Promise<void> {
  await db
    .updateTable('account_restriction')
    .set({ lifted_at: lift.at, lifted_reason: lift.reason })
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .execute()
}

/** Serialises changes to one account's record until the transaction ends. */
export async function lockAccountRecord(db: Executor, accountId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`strike:${accountId}`}, 0))`.execute(db)
}

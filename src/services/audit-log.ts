import { createHash } from 'node:crypto'
import type { Actor } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import {
  type AuditEntry,
  insertAuditEntries,
  lastSealedEntry,
  listUnsealed,
  markSealed,
  trySealerLock,
} from '../storage/repos/audit-repo.js'
import { canonicalJson } from './canonical-json.js'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEvent {
  action: string
  entityType: string
  entityId: string
  data?: Record<string, unknown>
}

/** Appends entries inside the caller's transaction; the sealer chains them shortly after. */
export async function recordAudit(
  db: Executor,
  actor: Actor,
  at: Date,
  events: readonly AuditEvent[],
): Promise<void> {
  await insertAuditEntries(
    db,
    events.map((e) => ({
      occurredAt: at,
      actor: actor.id,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      data: e.data ?? {},
    })),
  )
}

/** The hash of an entry: SHA-256 over the previous hash and the entry's canonical form. */
export function entryHash(entry: AuditEntry, chainSeq: number, prevHash: string): string {
  const body = canonicalJson({
    seq: chainSeq,
    prev: prevHash,
    id: entry.id,
    at: entry.occurredAt.toISOString(),
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data,
  })
  return createHash('sha256').update(body).digest('hex')
}

/**
 * Seals unsealed entries into the chain in id order. One sealer at a time (an advisory lock),
 * so the hot path never waits on the chain. Returns how many entries it sealed.
 */
/** Entries sealed per transaction: small enough that hashing a batch never holds the loop long. */
export const SEAL_BATCH = 250

export async function sealPendingEntries(db: Executor, batchSize = SEAL_BATCH): Promise<number> {
  if (!(await trySealerLock(db))) return 0
  const pending = await listUnsealed(db, batchSize)
  if (pending.length === 0) return 0
  const last = await lastSealedEntry(db)
  let seq = last?.chainSeq ?? 0
  let prev = last?.hash ?? GENESIS_HASH
  const seals = pending.map((entry) => {
    seq += 1
    const hash = entryHash(entry, seq, prev)
    const seal = { id: entry.id, chainSeq: seq, prevHash: prev, hash }
    prev = hash
    return seal
  })
  await markSealed(db, seals)
  return seals.length
}

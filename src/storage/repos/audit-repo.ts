import { type Selectable, sql } from 'kysely'
import type { Executor } from '../database.js'
import type { AuditEntryTable } from '../schema/audit-entry.js'

export interface AuditEntry {
  id: number
  occurredAt: Date
  actor: string
  action: string
  entityType: string
  entityId: string
  data: Record<string, unknown>
  chainSeq: number | null
  prevHash: string | null
  hash: string | null
}

export type NewAuditEntry = Pick<
  AuditEntry,
  'occurredAt' | 'actor' | 'action' | 'entityType' | 'entityId' | 'data'
>

type AuditRow = Selectable<AuditEntryTable>

export function rowToAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    data: row.data,
    chainSeq: row.chain_seq,
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

export async function insertAuditEntries(db: Executor, entries: readonly NewAuditEntry[]) {
  if (entries.length === 0) return
  await db
    .insertInto('audit_entry')
    .values(
      entries.map((e) => ({
        occurred_at: e.occurredAt,
        actor: e.actor,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        data: JSON.stringify(e.data),
      })),
    )
    .execute()
}

/** Takes the one sealer's lock for this transaction; false when another sealer holds it. */
export async function trySealerLock(db: Executor): Promise<boolean> {
  const result = await sql<{
    locked: boolean
  }>`select pg_try_advisory_xact_lock(7263001) as locked`.execute(db)
  return result.rows[0]?.locked === true
}

export async function lastSealedEntry(db: Executor): Promise<AuditEntry | undefined> {
  const row = await db
    .selectFrom('audit_entry')
    .selectAll()
    .where('chain_seq', 'is not', null)
    .orderBy('chain_seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? rowToAuditEntry(row) : undefined
}

export async function listUnsealed(db: Executor, limit: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_entry')
    .selectAll()
    .where('chain_seq', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(rowToAuditEntry)
}

export async function markSealed(
  db: Executor,
  seals: readonly { id: number; chainSeq: number; prevHash: string; hash: string }[],
): Promise<void> {
  if (seals.length === 0) return
  // @NOTE Four array parameters, not four per entry: building and parsing a statement with
  // thousands of parameters took the worker's (and so, in one process, the API's) event loop.
  await sql`
    update audit_entry set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
    from unnest(${seals.map((s) => s.id)}::bigint[], ${seals.map((s) => s.chainSeq)}::bigint[],
      ${seals.map((s) => s.prevHash)}::text[], ${seals.map((s) => s.hash)}::text[])
      as v(id, seq, prev, hash)
    where audit_entry.id = v.id`.execute(db)
}

/** Sealed entries in chain order, one page at a time. */
export async function listSealedAfter(
  db: Executor,
  afterSeq: number,
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_entry')
    .selectAll()
    .where('chain_seq', '>', afterSeq)
    .orderBy('chain_seq')
    .limit(limit)
    .execute()
  return rows.map(rowToAuditEntry)
}

export async function countUnsealed(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('chain_seq', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listEntriesFor(
  db: Executor,
  entities: readonly { type: string; id: string }[],
): Promise<AuditEntry[]> {
  if (entities.length === 0) return []
  const rows = await db
    .selectFrom('audit_entry')
    .selectAll()
    .where((eb) =>
      eb.or(
        entities.map((e) => eb.and([eb('entity_type', '=', e.type), eb('entity_id', '=', e.id)])),
      ),
    )
    .orderBy('id')
    .execute()
  return rows.map(rowToAuditEntry)
}

export interface AuditEntryFilter {
  entityType?: string
  entityId?: string
  action?: string
  /** Only entries with an id below this: the next page, newest first. */
  before?: number
  limit: number
}

export interface ListedAuditEntry extends AuditEntry {
  /** The console user's name when the actor is `user:<id>`. */
  actorName: string | null
}

/** Entries newest first (keyset paging on id), with the names of console users who acted. */
export async function listAuditEntries(
  db: Executor,
  filter: AuditEntryFilter,
): Promise<ListedAuditEntry[]> {
  let query = db
    .selectFrom('audit_entry')
    .leftJoin('console_user', (join) =>
      join.on(sql<boolean>`audit_entry.actor = 'user:' || console_user.id::text`),
    )
    .selectAll('audit_entry')
    .select('console_user.name as actor_name')
  if (filter.entityType) query = query.where('audit_entry.entity_type', '=', filter.entityType)
  if (filter.entityId) query = query.where('audit_entry.entity_id', '=', filter.entityId)
  if (filter.action) query = query.where('audit_entry.action', '=', filter.action)
  if (filter.before !== undefined) query = query.where('audit_entry.id', '<', filter.before)
  const rows = await query.orderBy('audit_entry.id', 'desc').limit(filter.limit).execute()
  return rows.map((row) => ({ ...rowToAuditEntry(row), actorName: row.actor_name ?? null }))
}

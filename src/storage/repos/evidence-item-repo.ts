import { type ExpressionBuilder, type Selectable, sql } from 'kysely'
import {
  type EvidenceItem,
  type EvidenceKind,
  QUARANTINE_LABEL_PREFIX,
} from '../../core/evidence.js'
import type { RecordType } from '../../core/policy/evidence.js'
import type { Executor } from '../database.js'
import type { DatabaseSchema } from '../schema/database.js'
import type { EvidenceItemTable } from '../schema/evidence.js'

/** An item's data key as stored: wrapped by the master key `masterKeyId`, all base64. */
export interface WrappedKeyRow {
  masterKeyId: string
  iv: string
  tag: string
  wrappedKey: string
}

/** An item with where its bytes are and the key that opens them (absent once erased). */
export interface StoredEvidence {
  item: EvidenceItem
  blobKey: string | null
  key: WrappedKeyRow | undefined
}

function rowToEvidenceItem(row: Selectable<EvidenceItemTable>): EvidenceItem {
  return {
    id: row.id,
    preservationId: row.preservation_id,
    caseId: row.case_id,
    subjectId: row.subject_id,
    harm: row.harm,
    recordType: row.record_type as RecordType,
    kind: row.kind as EvidenceKind,
    label: row.label,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    unavailableReason: row.unavailable_reason,
    preservedAt: row.preserved_at,
    preservedBy: row.preserved_by,
    reason: row.reason,
    retainUntil: row.retain_until,
    erasedAt: row.erased_at,
    erasureReason: row.erasure_reason,
  }
}

/** Stores items and their wrapped keys; the caller's transaction makes them one write. */
export async function insertEvidence(db: Executor, stored: readonly StoredEvidence[]) {
  if (stored.length === 0) return
  await db
    .insertInto('evidence_item')
    .values(stored.map(({ item, blobKey }) => itemToRow(item, blobKey)))
    .execute()
  const keys = stored.flatMap(({ item, key }) => (key ? [{ itemId: item.id, ...key }] : []))
  if (keys.length === 0) return
  await db
    .insertInto('evidence_key')
    .values(
      keys.map((k) => ({
        item_id: k.itemId,
        master_key_id: k.masterKeyId,
        iv: k.iv,
        tag: k.tag,
        wrapped_key: k.wrappedKey,
      })),
    )
    .execute()
}

function itemToRow(i: EvidenceItem, blobKey: string | null) {
  return {
    id: i.id,
    preservation_id: i.preservationId,
    case_id: i.caseId,
    subject_id: i.subjectId,
    harm: i.harm,
    record_type: i.recordType,
    kind: i.kind,
    label: i.label,
    content_type: i.contentType,
    size: i.size,
    sha256: i.sha256,
    blob_key: blobKey,
    unavailable_reason: i.unavailableReason,
    preserved_at: i.preservedAt,
    preserved_by: i.preservedBy,
    reason: i.reason,
    retain_until: i.retainUntil,
    erased_at: i.erasedAt,
    erasure_reason: i.erasureReason,
  }
}

export async function countPreservationItems(db: Executor, preservationId: string) {
  const row = await db
    .selectFrom('evidence_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('preservation_id', '=', preservationId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A case's items, oldest preservation first, in the order each was preserved. */
export async function listEvidenceForCase(db: Executor, caseId: string): Promise<EvidenceItem[]> {
  const rows = await db
    .selectFrom('evidence_item')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('preserved_at')
    .orderBy('preservation_id')
    .orderBy('label')
    .execute()
  return rows.map(rowToEvidenceItem)
}

export async function findStoredEvidence(
  db: Executor,
  id: string,
): Promise<StoredEvidence | undefined> {
  const row = await selectStored(db).where('evidence_item.id', '=', id).executeTakeFirst()
  return row ? rowToStored(row) : undefined
}

/**
 * A subject's media items whose bytes were stored (kept now or since erased) with this SHA-256,
 * newest first: the copies a preservation can take over or open instead of fetching again.
 */
export async function listStoredMediaCopies(
  db: Executor,
  subjectId: string,
  sha256: string,
): Promise<StoredEvidence[]> {
  const rows = await selectStored(db)
    .where('evidence_item.subject_id', '=', subjectId)
    .where('evidence_item.kind', '=', 'media')
    .where('evidence_item.sha256', '=', sha256)
    .where('evidence_item.unavailable_reason', 'is', null)
    .orderBy('evidence_item.preserved_at', 'desc')
    .execute()
  return rows.map(rowToStored)
}

function selectStored(db: Executor) {
  return db
    .selectFrom('evidence_item')
    .leftJoin('evidence_key', 'evidence_key.item_id', 'evidence_item.id')
    .selectAll('evidence_item')
    .select([
      'evidence_key.master_key_id',
      'evidence_key.iv',
      'evidence_key.tag',
      'evidence_key.wrapped_key',
    ])
}

type StoredRow = Selectable<EvidenceItemTable> & {
  master_key_id: string | null
  iv: string | null
  tag: string | null
  wrapped_key: string | null
}

function rowToStored(row: StoredRow): StoredEvidence {
  const { master_key_id, iv, tag, wrapped_key } = row
  const key =
    master_key_id && iv && tag && wrapped_key
      ? { masterKeyId: master_key_id, iv, tag, wrappedKey: wrapped_key }
      : undefined
  return { item: rowToEvidenceItem(row), blobKey: row.blob_key, key }
}

/**
 * Moves a quarantined item (sealed at ingest, not erased) into a preservation: its case, label
 * and harm, and a retention date no earlier than `retainUntil`. Undefined when it is no longer
 * quarantined (erased by the sweep, or taken by another preservation first).
 */
export async function takeOverQuarantined(
  db: Executor,
  id: string,
  into: Pick<EvidenceItem, 'preservationId' | 'caseId' | 'label' | 'harm' | 'retainUntil'>,
): Promise<EvidenceItem | undefined> {
  const row = await db
    .updateTable('evidence_item')
    .set({
      preservation_id: into.preservationId,
      case_id: into.caseId,
      label: into.label,
      harm: into.harm,
      retain_until: sql<Date>`greatest(retain_until, ${into.retainUntil}::timestamptz)`,
    })
    .where('id', '=', id)
    .where('erased_at', 'is', null)
    .where('label', 'like', `${QUARANTINE_LABEL_PREFIX}%`)
    .returningAll()
    .executeTakeFirst()
  return row ? rowToEvidenceItem(row) : undefined
}

/** Which of these blob keys an item still points at (the others belong to no item). */
export async function blobKeysInUse(db: Executor, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const rows = await db
    .selectFrom('evidence_item')
    .select('blob_key')
    .where('blob_key', 'in', keys)
    .execute()
  return new Set(rows.flatMap((r) => (r.blob_key ? [r.blob_key] : [])))
}

/** No live legal hold (unreleased, unexpired at `at`) covers the item's case or subject. */
function notHeld(eb: ExpressionBuilder<DatabaseSchema, 'evidence_item'>, at: Date) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('legal_hold')
        .select('legal_hold.id')
        .where('legal_hold.released_at', 'is', null)
        .where((h) =>
          h.or([h('legal_hold.expires_at', 'is', null), h('legal_hold.expires_at', '>', at)]),
        )
        .where((h) =>
          h.or([
            h('legal_hold.case_id', '=', h.ref('evidence_item.case_id')),
            h('legal_hold.subject_id', '=', h.ref('evidence_item.subject_id')),
          ]),
        ),
    ),
  )
}

/** Ids of items past their retention date, not erased and not under a live hold; oldest first. */
export async function listEvidenceDueForErasure(
  db: Executor,
  at: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('evidence_item')
    .select('id')
    .where('erased_at', 'is', null)
    .where('retain_until', '<=', at)
    .where((eb) => notHeld(eb, at))
    .orderBy('retain_until')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/**
 * Marks an item erased if it is still due (not erased, past retention, not held: re-checked here
 * so a hold placed meanwhile wins) and deletes its data key; the erased item, or undefined when
 * another sweep got there first or it is no longer due.
 */
export async function eraseEvidenceIfDue(
  db: Executor,
  id: string,
  at: Date,
  reason: string,
): Promise<{ item: EvidenceItem; blobKey: string | null } | undefined> {
  const before = await db
    .selectFrom('evidence_item')
    .select('blob_key')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  const row = await db
    .updateTable('evidence_item')
    .set({ erased_at: at, erasure_reason: reason, blob_key: null })
    .where('id', '=', id)
    .where('erased_at', 'is', null)
    .where('retain_until', '<=', at)
    .where((eb) => notHeld(eb, at))
    .returningAll()
    .executeTakeFirst()
  if (!row) return undefined
  await db.deleteFrom('evidence_key').where('item_id', '=', id).execute()
  return { item: rowToEvidenceItem(row), blobKey: before?.blob_key ?? null }
}

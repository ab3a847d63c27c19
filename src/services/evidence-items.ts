import { AppError, NotFoundError } from '../core/errors.js'
import { absentReason, type EvidenceItem } from '../core/evidence.js'
import type { Actor } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import { findCase } from '../storage/repos/case-repo.js'
import {
  findStoredEvidence,
  listEvidenceForCase,
  type StoredEvidence,
} from '../storage/repos/evidence-item-repo.js'
import { recordAudit } from './audit-log.js'
import { assertMayHandleEvidence, requirePurpose } from './evidence-access.js'
import { openEvidence } from './evidence-crypto.js'
import { isReadable } from './evidence-quarantine.js'
import { requireKeyring } from './evidence-vault.js'
import type { ServiceContext } from './service-context.js'

// @NOTE Custody: every opening, export and erasure of an evidence item is an audit entry naming
// the actor and the stated purpose, written (and committed) before any byte is read.

/** An item with its bytes; `bytes` is undefined when they are not kept (unavailable, erased). */
export interface OpenedEvidence {
  item: EvidenceItem
  bytes: Buffer | undefined
}

/** A case's evidence items: metadata and hashes, no bytes; 404 for an unknown case. */
export async function listCaseEvidence(db: Executor, caseId: string): Promise<EvidenceItem[]> {
  if (!(await findCase(db, caseId))) throw new NotFoundError('case', caseId)
  return listEvidenceForCase(db, caseId)
}

/**
 * The bytes of one item, decrypted and checked against the SHA-256 of the original. The purpose
 * (10 characters or more) is required; `evidence.viewed` is committed before the bytes are read.
 * 404 when the item is unknown, was erased or was never available.
 */
export async function openEvidenceItem(
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
  purpose: string | undefined,
): Promise<{ item: EvidenceItem; bytes: Buffer }> {
  assertMayHandleEvidence(actor)
  const stated = requirePurpose(purpose)
  const stored = await findStoredEvidence(ctx.db, itemId)
  if (!stored) throw new NotFoundError('evidence item', itemId)
  assertReadable(stored)
  const at = ctx.clock.now()
  await ctx.db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, actor, at, [custodyEvent('evidence.viewed', stored.item, stated)]),
    )
  return { item: stored.item, bytes: await decrypt(ctx, stored) }
}

/**
 * Every item of a case for an evidence package: each audited as `evidence.exported` with the
 * purpose (in one transaction, committed first), then read. Erased and unavailable items come
 * with their metadata and hash only.
 */
export async function readEvidenceForExport(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  purpose: string | undefined,
): Promise<OpenedEvidence[]> {
  assertMayHandleEvidence(actor)
  const stated = requirePurpose(purpose)
  const items = await listCaseEvidence(ctx.db, caseId)
  const at = ctx.clock.now()
  await ctx.db.transaction().execute((tx) =>
    recordAudit(
      tx,
      actor,
      at,
      items.map((item) => custodyEvent('evidence.exported', item, stated)),
    ),
  )
  const opened: OpenedEvidence[] = []
  for (const item of items) {
    const stored = await findStoredEvidence(ctx.db, item.id)
    opened.push({
      item: stored?.item ?? item,
      bytes: stored && isReadable(stored) ? await decrypt(ctx, stored) : undefined,
    })
  }
  return opened
}

function custodyEvent(action: string, item: EvidenceItem, purpose: string) {
  return {
    action,
    entityType: 'evidence_item',
    entityId: item.id,
    data: { caseId: item.caseId, label: item.label, sha256: item.sha256, purpose },
  }
}

function assertReadable(stored: StoredEvidence): void {
  if (isReadable(stored)) return
  const { item } = stored
  const why = item.erasedAt
    ? `it was ${absentReason(item)}; only its metadata and hash are kept`
    : `its bytes were ${absentReason(item)}`
  throw new AppError('not_found', `evidence item ${item.id} cannot be opened: ${why}`, {
    details: {
      entity: 'evidence item',
      id: item.id,
      reason: item.erasedAt ? 'erased' : 'unavailable',
    },
  })
}

async function decrypt(ctx: ServiceContext, stored: StoredEvidence): Promise<Buffer> {
  const { item, blobKey, key } = stored
  if (!blobKey || !key || !item.sha256) throw new NotFoundError('evidence item', item.id)
  const blob = await ctx.evidence.blobs.get(blobKey)
  if (!blob) {
    throw new AppError('internal', `the blob of evidence item ${item.id} is missing from the store`)
  }
  return openEvidence(requireKeyring(ctx.evidence), item.id, blob, key, item.sha256)
}

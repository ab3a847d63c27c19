import { NotFoundError } from '../core/errors.js'
import { type EvidenceItem, recordTypeOf } from '../core/evidence.js'
import { retainUntil } from '../core/policy/evidence.js'
import { SYSTEM_ACTOR } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import { findCase } from '../storage/repos/case-repo.js'
import {
  countPreservationItems,
  insertEvidence,
  type StoredEvidence,
  takeOverQuarantined,
} from '../storage/repos/evidence-item-repo.js'
import { markRequestPreserved } from '../storage/repos/preservation-request-repo.js'
import { type AuditEvent, recordAudit } from './audit-log.js'
import type { EvidenceKeyring } from './evidence-crypto.js'
import type { PreservationJob } from './evidence-preserve.js'
import { inlineMediaCopy, oneTakeOverPerCopy } from './evidence-quarantine.js'
import {
  type QuarantinedCopy,
  type SnapshotPart,
  snapshotMedia,
  snapshotRecords,
  TransientMediaError,
} from './evidence-snapshot.js'
import { requireKeyring, sealIntoVault } from './evidence-vault.js'
import type { ServiceContext } from './service-context.js'

/**
 * Runs one preservation: snapshots the case's subject, records and media, seals each item with
 * its own data key, writes the blobs, then the rows and the audit entry in one transaction. Inline
 * media sealed at ingest and still in quarantine is taken over in that transaction (its retention
 * extended) rather than stored again. A retry after that commit finds the items and does nothing;
 * a retry before it writes new blobs under new keys (the old ones, with no row, are harmless and
 * swept). Returns how many items it stored or took over.
 */
export async function runPreservation(
  ctx: ServiceContext,
  job: PreservationJob,
  options: { lastAttempt: boolean },
): Promise<number> {
  const keyring = requireKeyring(ctx.evidence)
  if ((await countPreservationItems(ctx.db, job.preservationId)) > 0) return 0
  const found = await findCase(ctx.db, job.caseId)
  if (!found) throw new NotFoundError('case', job.caseId)
  const { subject, parts } = await snapshotRecords(ctx.db, found)
  const media = await snapshotMedia(subject?.media ?? [], ctx.settings, options.lastAttempt, (r) =>
    inlineMediaCopy(ctx, keyring, found.subjectId, r),
  )
  const at = ctx.clock.now()
  const all = [...parts, ...oneTakeOverPerCopy(media)]
  const stored = await storeParts(ctx, keyring, job, found.subjectId, all, at)
  const takeOvers = all.flatMap((p) => (p.takeOver ? [{ label: p.label, ...p.takeOver }] : []))
  await ctx.db.transaction().execute(async (tx) => {
    const taken = await takeOver(tx, ctx, job, takeOvers, at)
    await commitPreservation(tx, job, { stored, taken }, at)
  })
  return stored.length + takeOvers.length
}

/** Seals and writes the blob of each part that has bytes; every part but a take-over is an item. */
async function storeParts(
  ctx: ServiceContext,
  keyring: EvidenceKeyring,
  job: PreservationJob,
  subjectId: string,
  parts: readonly SnapshotPart[],
  at: Date,
): Promise<StoredEvidence[]> {
  const stored: StoredEvidence[] = []
  for (const part of parts) {
    if (part.takeOver) continue
    const item = newItem(ctx, job, subjectId, part, at)
    if (part.bytes === undefined) {
      stored.push({ item, blobKey: null, key: undefined })
      continue
    }
    const { blobKey, sealed } = await sealIntoVault(ctx.evidence, keyring, item.id, part.bytes)
    const kept = { ...item, sha256: sealed.sha256, size: sealed.size }
    stored.push({ item: kept, blobKey, key: sealed.key })
  }
  return stored
}

/**
 * Moves each quarantined copy into this preservation with the harm's retention. One that left
 * quarantine since the snapshot (erased by the sweep, or taken by another preservation) rolls the
 * whole preservation back for a retry, which then finds it erased or kept elsewhere.
 */
async function takeOver(
  tx: Executor,
  ctx: Pick<ServiceContext, 'policy'>,
  job: PreservationJob,
  copies: readonly (QuarantinedCopy & { label: string })[],
  at: Date,
): Promise<EvidenceItem[]> {
  const taken: EvidenceItem[] = []
  for (const copy of copies) {
    const harm = job.harm ?? copy.harm
    const item = await takeOverQuarantined(tx, copy.itemId, {
      preservationId: job.preservationId,
      caseId: job.caseId,
      label: copy.label,
      harm,
      retainUntil: retainUntil(ctx.policy.evidence, harm, 'content', at),
    })
    if (!item) {
      throw new TransientMediaError(`its copy sealed at ingest (${copy.itemId}) left quarantine`)
    }
    taken.push(item)
  }
  return taken
}

/** The rows, the request's new status and the audit entries, in the caller's transaction. */
async function commitPreservation(
  tx: Executor,
  job: PreservationJob,
  items: { stored: readonly StoredEvidence[]; taken: readonly EvidenceItem[] },
  at: Date,
): Promise<void> {
  await insertEvidence(tx, items.stored)
  const request = await markRequestPreserved(tx, job.preservationId, at)
  const events = [preservedEvent(job, items)]
  if (request) {
    events.push({
      action: 'preservation_request.preserved',
      entityType: 'preservation_request',
      entityId: request.id,
      data: { preservationId: job.preservationId, met: at <= request.preserveBy },
    })
  }
  await recordAudit(tx, SYSTEM_ACTOR, at, events)
}

function newItem(
  ctx: Pick<ServiceContext, 'policy'>,
  job: PreservationJob,
  subjectId: string,
  part: SnapshotPart & { takeOver?: undefined },
  at: Date,
): EvidenceItem {
  const recordType = recordTypeOf(part.kind)
  const missing = part.bytes === undefined ? part : undefined
  return {
    id: crypto.randomUUID(),
    preservationId: job.preservationId,
    caseId: job.caseId,
    subjectId,
    harm: job.harm,
    recordType,
    kind: part.kind,
    label: part.label,
    contentType: part.contentType,
    size: missing?.size ?? null,
    sha256: missing?.sha256 ?? null,
    unavailableReason: missing?.unavailable ?? null,
    preservedAt: at,
    preservedBy: job.requestedBy,
    reason: job.reason,
    retainUntil: retainUntil(ctx.policy.evidence, job.harm, recordType, at),
    erasedAt: null,
    erasureReason: null,
  }
}

function preservedEvent(
  job: PreservationJob,
  items: { stored: readonly StoredEvidence[]; taken: readonly EvidenceItem[] },
): AuditEvent {
  return {
    action: 'evidence.preserved',
    entityType: 'case',
    entityId: job.caseId,
    data: {
      preservationId: job.preservationId,
      reason: job.reason,
      requestedBy: job.requestedBy,
      ...(job.decisionId ? { decisionId: job.decisionId } : {}),
      items: [
        ...items.stored.map(({ item }) => ({
          id: item.id,
          label: item.label,
          sha256: item.sha256,
          ...(item.unavailableReason ? { unavailable: true } : {}),
        })),
        ...items.taken.map((item) => ({
          id: item.id,
          label: item.label,
          sha256: item.sha256,
          sealedAtIngest: item.preservedAt.toISOString(),
        })),
      ],
    },
  }
}

import { SYSTEM_ACTOR } from '../core/roles.js'
import {
  blobKeysInUse,
  eraseEvidenceIfDue,
  listEvidenceDueForErasure,
} from '../storage/repos/evidence-item-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

export const RETENTION_PURPOSE = 'retention period ended'

/** Items the retention sweep erases per round; a full batch means more may be due. */
export const ERASURE_BATCH = 100

/**
 * The worker's retention sweep: erases items past their retention date that no live legal hold
 * covers. Each erasure is one transaction (the item marked erased with its reason, its wrapped
 * data key deleted, `evidence.erased` audited); the blob is deleted after the commit. Without the
 * key the blob can never be read again, so a blob left behind by a crash is harmless. Returns how
 * many items it erased.
 */
export async function eraseExpiredEvidence(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'evidence'>,
  limit = ERASURE_BATCH,
): Promise<number> {
  const at = ctx.clock.now()
  const due = await listEvidenceDueForErasure(ctx.db, at, limit)
  let erased = 0
  for (const id of due) {
    const done = await ctx.db.transaction().execute(async (tx) => {
      const result = await eraseEvidenceIfDue(tx, id, at, RETENTION_PURPOSE)
      if (!result) return undefined
      await recordAudit(tx, SYSTEM_ACTOR, at, [
        {
          action: 'evidence.erased',
          entityType: 'evidence_item',
          entityId: id,
          data: {
            caseId: result.item.caseId,
            label: result.item.label,
            sha256: result.item.sha256,
            purpose: RETENTION_PURPOSE,
            retainUntil: result.item.retainUntil.toISOString(),
          },
        },
      ])
      return result
    })
    if (!done) continue
    erased += 1
    if (done.blobKey) await ctx.evidence.blobs.delete(done.blobKey)
  }
  return erased
}

/** A blob with no item this long after it was written is an orphan: no write takes a day. */
export const ORPHAN_BLOB_AGE_MS = 86_400_000

/** Blob keys checked against the items per query. */
const ORPHAN_BATCH = 500

/** The orphan sweep walks the whole store, so each worker runs it at most this often. */
export const ORPHAN_SWEEP_INTERVAL_MS = 3_600_000

/** The worker's orphan-blob step: `sweepOrphanBlobs` at most hourly, by the context's clock. */
export class OrphanBlobSweep {
  #next = 0

  constructor(private readonly ctx: Pick<ServiceContext, 'db' | 'clock' | 'evidence'>) {}

  /** Blobs deleted this round; 0 when not due. */
  async run(): Promise<number> {
    const now = this.ctx.clock.now().getTime()
    if (now < this.#next) return 0
    this.#next = now + ORPHAN_SWEEP_INTERVAL_MS
    return sweepOrphanBlobs(this.ctx)
  }
}

/**
 * Deletes blobs that no evidence item points at and that were written more than a day ago: left
 * by a preservation or an ingest whose transaction never committed, or by an erasure that
 * crashed before deleting the blob. Their data keys were never stored or are gone, so they could
 * not be read anyway. Young blobs are left alone: their rows may be about to commit. Returns how
 * many it deleted.
 */
export async function sweepOrphanBlobs(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'evidence'>,
): Promise<number> {
  const writtenBefore = ctx.clock.now().getTime() - ORPHAN_BLOB_AGE_MS
  let deleted = 0
  let batch: string[] = []
  for await (const blob of ctx.evidence.blobs.list()) {
    if (blob.modifiedAt.getTime() > writtenBefore) continue
    batch.push(blob.key)
    if (batch.length < ORPHAN_BATCH) continue
    deleted += await deleteOrphans(ctx, batch)
    batch = []
  }
  return deleted + (await deleteOrphans(ctx, batch))
}

async function deleteOrphans(
  ctx: Pick<ServiceContext, 'db' | 'evidence'>,
  keys: readonly string[],
): Promise<number> {
  const used = await blobKeysInUse(ctx.db, keys)
  const orphans = keys.filter((key) => !used.has(key))
  for (const key of orphans) await ctx.evidence.blobs.delete(key)
  return orphans.length
}

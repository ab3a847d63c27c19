import { type EvidenceItem, QUARANTINE_LABEL_PREFIX } from '../core/evidence.js'
import { preservesHarm, quarantineUntil } from '../core/policy/evidence.js'
import { SYSTEM_ACTOR } from '../core/roles.js'
import type { SignalInput } from '../core/signal.js'
import type { Verdict } from '../core/subject.js'
import { verdictOpensCase } from '../core/verdict.js'
import type { Executor } from '../storage/database.js'
import {
  insertEvidence,
  listStoredMediaCopies,
  type StoredEvidence,
} from '../storage/repos/evidence-item-repo.js'
import { recordAudit } from './audit-log.js'
import type { SealedEvidence } from './evidence-crypto.js'
import { isReadable } from './evidence-quarantine.js'
import { sealIntoVault } from './evidence-vault.js'
import type { ServiceContext } from './service-context.js'

// @NOTE Vigil keeps only the hashes of inline media, except when a signal at ingest puts the
// content in a preserving harm (CSEA, terrorism, threats to life by default): then the bytes are
// the only copy anyone will have, so they are sealed at once, in quarantine, for
// `evidence.ingestQuarantineDays`. A preservation takes them over; otherwise the sweep erases them.

/** Inline media sealed (blobs written) before the ingest transaction, waiting for its rows. */
export interface IngestSeal {
  preservationId: string
  harm: string
  files: SealedFile[]
}

interface SealedFile {
  itemId: string
  index: number
  contentType: string
  blobKey: string
  sealed: SealedEvidence
}

/** Media as ingest loaded it: inline files have no source URL. */
interface LoadedMedia {
  bytes: Uint8Array
  mimeType?: string
  sourceUrl?: string
}

/**
 * Seals the inline media of content that opens a case with a signal in a preserving harm: each
 * file under its own data key, its blob written now, outside any transaction. Undefined, having
 * done nothing, for everything else (and when preservation is off).
 */
export async function sealInlineMedia(
  ctx: Pick<ServiceContext, 'evidence' | 'policy' | 'taxonomy'>,
  media: readonly LoadedMedia[],
  judged: { verdict: Verdict; signals: readonly SignalInput[] },
): Promise<IngestSeal | undefined> {
  const keyring = ctx.evidence.keyring
  if (!keyring || !verdictOpensCase(judged.verdict)) return undefined
  const harm = preservingHarm(ctx, judged.signals)
  const inline = media.flatMap((file, index) => (file.sourceUrl ? [] : [{ file, index }]))
  if (!harm || inline.length === 0) return undefined
  const files = await Promise.all(
    inline.map(async ({ file, index }) => {
      const itemId = crypto.randomUUID()
      const { blobKey, sealed } = await sealIntoVault(ctx.evidence, keyring, itemId, file.bytes)
      const contentType = file.mimeType ?? 'application/octet-stream'
      return { itemId, index, contentType, blobKey, sealed }
    }),
  )
  return { preservationId: crypto.randomUUID(), harm, files }
}

/** The gravest preserving harm among the signals (taxonomy severity), if any. */
function preservingHarm(
  ctx: Pick<ServiceContext, 'policy' | 'taxonomy'>,
  signals: readonly SignalInput[],
): string | undefined {
  const severity = (harm: string) => ctx.taxonomy.get(harm)?.severity ?? 0
  const harms = signals.map((s) => s.harm).filter((h) => preservesHarm(ctx.policy.evidence, h))
  return harms.sort((a, b) => severity(b) - severity(a))[0]
}

/**
 * Records the sealed files in the ingest transaction, tied to the subject and its case and in
 * quarantine, and audits `evidence.preserved` as Vigil. Nothing without a seal or a case. Bytes
 * the subject already has a readable sealed copy of (the same post sent again) are not recorded
 * twice: their new blob is left for the orphan sweep.
 */
export async function recordIngestSeal(
  tx: Executor,
  ctx: Pick<ServiceContext, 'policy'>,
  seal: IngestSeal | undefined,
  ingested: { subjectId: string; caseId?: string },
  at: Date,
): Promise<void> {
  const { subjectId, caseId } = ingested
  if (!seal || !caseId) return
  const target = { subjectId, caseId }
  const fresh = await filesNotYetKept(tx, seal.files, subjectId)
  if (fresh.length === 0) return
  const reason = `detected at ingest as ${seal.harm}`
  const until = quarantineUntil(ctx.policy.evidence, at)
  const stored: StoredEvidence[] = fresh.map((file) => ({
    item: quarantinedItem(seal, file, target, reason, until, at),
    blobKey: file.blobKey,
    key: file.sealed.key,
  }))
  await insertEvidence(tx, stored)
  await recordAudit(tx, SYSTEM_ACTOR, at, [
    {
      action: 'evidence.preserved',
      entityType: 'case',
      entityId: target.caseId,
      data: {
        preservationId: seal.preservationId,
        reason,
        requestedBy: SYSTEM_ACTOR.id,
        quarantineUntil: until.toISOString(),
        items: stored.map(({ item }) => ({ id: item.id, label: item.label, sha256: item.sha256 })),
      },
    },
  ])
}

/** The files whose bytes the subject has no readable sealed copy of yet, each hash once. */
async function filesNotYetKept(
  tx: Executor,
  files: readonly SealedFile[],
  subjectId: string,
): Promise<SealedFile[]> {
  const fresh: SealedFile[] = []
  for (const file of files) {
    const sha256 = file.sealed.sha256
    if (fresh.some((f) => f.sealed.sha256 === sha256)) continue
    const copies = await listStoredMediaCopies(tx, subjectId, sha256)
    if (!copies.some(isReadable)) fresh.push(file)
  }
  return fresh
}

function quarantinedItem(
  seal: IngestSeal,
  file: SealedFile,
  target: { subjectId: string; caseId: string },
  reason: string,
  retainUntil: Date,
  at: Date,
): EvidenceItem {
  return {
    id: file.itemId,
    preservationId: seal.preservationId,
    caseId: target.caseId,
    subjectId: target.subjectId,
    harm: seal.harm,
    recordType: 'content',
    kind: 'media',
    label: `${QUARANTINE_LABEL_PREFIX}media[${file.index}]`,
    contentType: file.contentType,
    size: file.sealed.size,
    sha256: file.sealed.sha256,
    unavailableReason: null,
    preservedAt: at,
    preservedBy: SYSTEM_ACTOR.id,
    reason,
    retainUntil,
    erasedAt: null,
    erasureReason: null,
  }
}

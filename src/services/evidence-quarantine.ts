import { isQuarantined } from '../core/evidence.js'
import type { MediaRecord } from '../core/subject.js'
import { listStoredMediaCopies, type StoredEvidence } from '../storage/repos/evidence-item-repo.js'
import { EvidenceIntegrityError, type EvidenceKeyring, openEvidence } from './evidence-crypto.js'
import { INLINE_MEDIA, type InlineCopy, type SnapshotPart } from './evidence-snapshot.js'
import type { ServiceContext } from './service-context.js'

// @NOTE Inline media is never fetched again: a preservation finds what ingest sealed of it. A
// copy still in quarantine is taken over as it is (no new copy of the bytes); a copy already
// taken by an earlier preservation is opened and sealed again for this one; an erased copy, or
// none, leaves the item unavailable with the reason.

/** Whether an item's bytes can still be opened: not erased, with its blob and wrapped key. */
export function isReadable(stored: StoredEvidence): boolean {
  return stored.item.erasedAt === null && stored.blobKey !== null && stored.key !== undefined
}

/** What this subject's sealed copies offer a preservation for one inline media file. */
export async function inlineMediaCopy(
  ctx: Pick<ServiceContext, 'db' | 'evidence'>,
  keyring: EvidenceKeyring,
  subjectId: string,
  record: MediaRecord,
): Promise<InlineCopy> {
  const copies = await listStoredMediaCopies(ctx.db, subjectId, record.sha256)
  const quarantined = copies.find((c) => isQuarantined(c.item) && isReadable(c))
  if (quarantined) {
    const { id, harm, sha256, size } = quarantined.item
    return { takeOver: { itemId: id, harm, sha256, size } }
  }
  const kept = copies.find(isReadable)
  if (kept) return openCopy(ctx, keyring, kept)
  const erased = copies.find((c) => c.item.erasedAt !== null)
  return { unavailable: erased ? erasedCopyReason(erased) : INLINE_MEDIA }
}

function erasedCopyReason({ item }: StoredEvidence): string {
  const when = `${item.erasedAt?.toISOString()} (${item.erasureReason ?? 'no reason recorded'})`
  return isQuarantined(item)
    ? `the copy sealed at ingest on ${item.preservedAt.toISOString()} was erased on ${when}: its quarantine ended before any preservation took it over; the hash recorded at ingest is kept`
    : `the copy kept as evidence item ${item.id} was erased on ${when}; the hash recorded at ingest is kept`
}

async function openCopy(
  ctx: Pick<ServiceContext, 'evidence'>,
  keyring: EvidenceKeyring,
  stored: StoredEvidence,
): Promise<InlineCopy> {
  const { item, blobKey, key } = stored
  const blob = blobKey ? await ctx.evidence.blobs.get(blobKey) : undefined
  if (!blob || !key || !item.sha256) {
    return { unavailable: `the blob of its sealed copy (evidence item ${item.id}) is missing` }
  }
  try {
    return { bytes: openEvidence(keyring, item.id, blob, key, item.sha256) }
  } catch (error) {
    if (!(error instanceof EvidenceIntegrityError)) throw error
    return { unavailable: `its sealed copy could not be opened: ${error.message}` }
  }
}

/**
 * The same inline file sent twice in one post has one sealed copy: the first part takes it over,
 * a repeat is recorded without bytes, pointing at it (one item cannot join a preservation twice).
 */
export function oneTakeOverPerCopy(parts: readonly SnapshotPart[]): SnapshotPart[] {
  const taken = new Map<string, string>()
  return parts.map((part) => {
    if (!part.takeOver) return part
    const first = taken.get(part.takeOver.itemId)
    if (first === undefined) {
      taken.set(part.takeOver.itemId, part.label)
      return part
    }
    const { kind, label, contentType } = part
    const { sha256, size } = part.takeOver
    const unavailable = `the same file as ${first}, which holds its bytes`
    return { kind, label, contentType, unavailable, sha256, size }
  })
}

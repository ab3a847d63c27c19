import { randomBytes } from 'node:crypto'
import { ConflictError } from '../core/errors.js'
import type { BlobStore } from '../storage/blob-store.js'
import { type EvidenceKeyring, type SealedEvidence, sealEvidence } from './evidence-crypto.js'

/** Where evidence is kept and the keys that seal it; built by context.ts. */
export interface EvidenceVault {
  /** Undefined when preservation is off: `disabledReason` says why and what to set. */
  keyring: EvidenceKeyring | undefined
  disabledReason: string | undefined
  blobs: BlobStore
}

/** The keyring, or a 409 naming the setting that turns preservation on. */
export function requireKeyring(vault: EvidenceVault): EvidenceKeyring {
  if (vault.keyring) return vault.keyring
  throw new ConflictError(
    `evidence preservation is off: ${vault.disabledReason ?? 'no evidence key is configured'}`,
    { reason: 'evidence_disabled' },
  )
}

/**
 * Seals an item's bytes under a fresh data key and writes the blob. The caller records the row
 * afterwards; a blob whose row never comes is unreadable (its key was never stored) and the
 * retention sweep deletes it a day later.
 */
export async function sealIntoVault(
  vault: EvidenceVault,
  keyring: EvidenceKeyring,
  itemId: string,
  bytes: Uint8Array,
): Promise<{ blobKey: string; sealed: SealedEvidence }> {
  const sealed = sealEvidence(keyring, itemId, bytes)
  const blobKey = `${itemId.slice(0, 2)}/${itemId}.${randomBytes(4).toString('hex')}`
  await vault.blobs.put(blobKey, sealed.blob)
  return { blobKey, sealed }
}

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { AppError } from '../core/errors.js'

// @NOTE Envelope encryption of evidence. Each item gets a random 32-byte data key; its bytes are
// sealed with AES-256-GCM (random 12-byte IV, the item id as additional data) and the data key
// is itself sealed with AES-256-GCM under a master key of the keyring (again bound to the item
// id). Deleting the wrapped data key makes the blob unreadable for good (crypto-shredding).

export interface MasterKey {
  id: string
  key: Buffer
}

/** The first key wraps new data keys; every key unwraps (old ones stay for rotation). */
export interface EvidenceKeyring {
  primary: MasterKey
  byId: ReadonlyMap<string, Buffer>
}

/** A data key as stored: the master key's id, and IV, tag and ciphertext in base64. */
export interface WrappedKey {
  masterKeyId: string
  iv: string
  tag: string
  wrappedKey: string
}

export interface SealedEvidence {
  /** `VGE1`, IV (12 bytes), tag (16 bytes), ciphertext. */
  blob: Buffer
  key: WrappedKey
  /** SHA-256 (hex) of the plaintext. */
  sha256: string
  size: number
}

const MAGIC = Buffer.from('VGE1')
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_BYTES = 32
const HEADER_BYTES = MAGIC.length + IV_BYTES + TAG_BYTES

/** Evidence that fails to decrypt or no longer matches its hash: tampered, or the wrong key. */
export class EvidenceIntegrityError extends AppError {
  override name = 'EvidenceIntegrityError'
  constructor(itemId: string, problem: string, cause?: unknown) {
    super('internal', `evidence item ${itemId} failed its integrity check: ${problem}`, {
      details: { itemId, problem },
      cause,
    })
  }
}

export function createKeyring(keys: readonly MasterKey[]): EvidenceKeyring {
  const [primary] = keys
  if (!primary) throw new Error('an evidence keyring needs at least one master key')
  return { primary, byId: new Map(keys.map((k) => [k.id, k.key])) }
}

/** A new master key as the keyring setting writes it: `id:base64key`. */
export function newMasterKeyText(id: string): string {
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function sealEvidence(
  keyring: EvidenceKeyring,
  itemId: string,
  plaintext: Uint8Array,
): SealedEvidence {
  const dataKey = randomBytes(KEY_BYTES)
  const content = gcmSeal(dataKey, itemId, plaintext)
  const wrapped = gcmSeal(keyring.primary.key, itemId, dataKey)
  dataKey.fill(0)
  return {
    blob: Buffer.concat([MAGIC, content.iv, content.tag, content.ciphertext]),
    key: {
      masterKeyId: keyring.primary.id,
      iv: wrapped.iv.toString('base64'),
      tag: wrapped.tag.toString('base64'),
      wrappedKey: wrapped.ciphertext.toString('base64'),
    },
    sha256: sha256Hex(plaintext),
    size: plaintext.length,
  }
}

/** The plaintext, after checking the blob, the wrapped key and the hash of the original. */
export function openEvidence(
  keyring: EvidenceKeyring,
  itemId: string,
  blob: Buffer,
  key: WrappedKey,
  sha256: string,
): Buffer {
  const master = keyring.byId.get(key.masterKeyId)
  if (!master) {
    throw new EvidenceIntegrityError(
      itemId,
      `its data key is wrapped by master key ${key.masterKeyId}, which is not in VIGIL_EVIDENCE_KEYS`,
    )
  }
  const dataKey = gcmOpen(itemId, 'its wrapped data key', master, {
    iv: Buffer.from(key.iv, 'base64'),
    tag: Buffer.from(key.tag, 'base64'),
    ciphertext: Buffer.from(key.wrappedKey, 'base64'),
  })
  if (blob.length < HEADER_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new EvidenceIntegrityError(itemId, 'its blob is not a sealed evidence blob')
  }
  const plaintext = gcmOpen(itemId, 'its blob', dataKey, {
    iv: blob.subarray(MAGIC.length, MAGIC.length + IV_BYTES),
    tag: blob.subarray(MAGIC.length + IV_BYTES, HEADER_BYTES),
    ciphertext: blob.subarray(HEADER_BYTES),
  })
  dataKey.fill(0)
  if (sha256Hex(plaintext) !== sha256) {
    throw new EvidenceIntegrityError(itemId, 'its bytes do not match the SHA-256 recorded')
  }
  return plaintext
}

interface Sealed {
  iv: Buffer
  tag: Buffer
  ciphertext: Buffer
}

function gcmSeal(key: Buffer, itemId: string, plaintext: Uint8Array): Sealed {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(itemId, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return { iv, tag: cipher.getAuthTag(), ciphertext }
}

function gcmOpen(itemId: string, what: string, key: Buffer, sealed: Sealed): Buffer {
  try {
    if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) throw new Error('size')
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(itemId, 'utf8'))
    decipher.setAuthTag(sealed.tag)
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()])
  } catch (error) {
    throw new EvidenceIntegrityError(itemId, `${what} does not authenticate`, error)
  }
}

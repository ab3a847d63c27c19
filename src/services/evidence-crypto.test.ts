import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  createKeyring,
  EvidenceIntegrityError,
  newMasterKeyText,
  openEvidence,
  sealEvidence,
  sha256Hex,
} from './evidence-crypto.js'

const ITEM = '0b5c3f0e-3d7a-4b8e-9a51-6f1f2d8c9e01'
const PLAINTEXT = Buffer.from('the original bytes of a preserved image, or so we pretend')

const masterKey = (id: string) => ({ id, key: randomBytes(32) })

/** Flips one bit of the base64 value (a wrapped key's field). */
function flipBase64(value: string): string {
  const bytes = Buffer.from(value, 'base64')
  bytes[0] = (bytes[0] ?? 0) ^ 1
  return bytes.toString('base64')
}

describe('evidence crypto', () => {
  const keyring = createKeyring([masterKey('k1')])

  it('round-trips the bytes and records the SHA-256 of the original', () => {
    const sealed = sealEvidence(keyring, ITEM, PLAINTEXT)
    expect(sealed.sha256).toBe(sha256Hex(PLAINTEXT))
    expect(sealed.size).toBe(PLAINTEXT.length)
    expect(sealed.key.masterKeyId).toBe('k1')
    expect(sealed.blob.includes(PLAINTEXT)).toBe(false)
    expect(sealed.blob.subarray(0, 4).toString()).toBe('VGE1')
    const opened = openEvidence(keyring, ITEM, sealed.blob, sealed.key, sealed.sha256)
    expect(opened.equals(PLAINTEXT)).toBe(true)
  })

  it('uses a fresh data key and IV for every item', () => {
    const a = sealEvidence(keyring, ITEM, PLAINTEXT)
    const b = sealEvidence(keyring, ITEM, PLAINTEXT)
    expect(a.blob.equals(b.blob)).toBe(false)
    expect(a.key.wrappedKey).not.toBe(b.key.wrappedKey)
    expect(a.key.iv).not.toBe(b.key.iv)
  })

  it('refuses a tampered ciphertext, tag or IV', () => {
    const sealed = sealEvidence(keyring, ITEM, PLAINTEXT)
    for (const offset of [sealed.blob.length - 1, 4 + 12 + 3, 4 + 2]) {
      const blob = Buffer.from(sealed.blob)
      blob[offset] = (blob[offset] ?? 0) ^ 1
      expect(() => openEvidence(keyring, ITEM, blob, sealed.key, sealed.sha256)).toThrow(
        /blob does not authenticate/,
      )
    }
    const truncated = sealed.blob.subarray(0, 20)
    expect(() => openEvidence(keyring, ITEM, truncated, sealed.key, sealed.sha256)).toThrow(
      EvidenceIntegrityError,
    )
  })

  it('refuses a tampered wrapped key, its tag or its IV', () => {
    const sealed = sealEvidence(keyring, ITEM, PLAINTEXT)
    for (const field of ['wrappedKey', 'tag', 'iv'] as const) {
      const key = { ...sealed.key, [field]: flipBase64(sealed.key[field]) }
      expect(() => openEvidence(keyring, ITEM, sealed.blob, key, sealed.sha256)).toThrow(
        /wrapped data key does not authenticate/,
      )
    }
  })

  it('binds the blob and the key to the item id', () => {
    const sealed = sealEvidence(keyring, ITEM, PLAINTEXT)
    const other = '7d1e0c55-0000-4000-8000-000000000000'
    expect(() => openEvidence(keyring, other, sealed.blob, sealed.key, sealed.sha256)).toThrow(
      EvidenceIntegrityError,
    )
  })

  it('refuses bytes that do not match the hash recorded', () => {
    const sealed = sealEvidence(keyring, ITEM, PLAINTEXT)
    expect(() => openEvidence(keyring, ITEM, sealed.blob, sealed.key, '0'.repeat(64))).toThrow(
      /do not match the SHA-256/,
    )
  })

  it('fails with the wrong master key, under the same id or an unknown one', () => {
    const sealed = sealEvidence(keyring, ITEM, PLAINTEXT)
    const impostor = createKeyring([masterKey('k1')])
    expect(() => openEvidence(impostor, ITEM, sealed.blob, sealed.key, sealed.sha256)).toThrow(
      /wrapped data key does not authenticate/,
    )
    const stranger = createKeyring([masterKey('k2')])
    expect(() => openEvidence(stranger, ITEM, sealed.blob, sealed.key, sealed.sha256)).toThrow(
      /master key k1, which is not in VIGIL_EVIDENCE_KEYS/,
    )
  })

  it('rotates: a new first key wraps new items while the old one still opens old items', () => {
    const old = masterKey('2025')
    const before = sealEvidence(createKeyring([old]), ITEM, PLAINTEXT)
    const rotated = createKeyring([masterKey('2026'), old])
    const after = sealEvidence(rotated, ITEM, PLAINTEXT)
    expect(after.key.masterKeyId).toBe('2026')
    for (const sealed of [before, after]) {
      const opened = openEvidence(rotated, ITEM, sealed.blob, sealed.key, sealed.sha256)
      expect(opened.equals(PLAINTEXT)).toBe(true)
    }
  })

  it('makes master keys in the setting format: id and 32 bytes of base64', () => {
    const [id, material] = newMasterKeyText('key-1').split(':')
    expect(id).toBe('key-1')
    expect(Buffer.from(material ?? '', 'base64')).toHaveLength(32)
  })
})

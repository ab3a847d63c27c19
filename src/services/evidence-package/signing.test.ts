import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  generateSigningKeyPem,
  parsePublicKey,
  parseSigningKey,
  signBytes,
  verifyBytes,
} from './signing.js'

const KEY = parseSigningKey(generateSigningKeyPem())
const BYTES = new TextEncoder().encode('{"a":1}')

describe('package signing keys', () => {
  it('signs and verifies with Ed25519; one changed byte or another key fails', () => {
    const signature = signBytes(KEY, BYTES)
    const publicKey = parsePublicKey(KEY.publicKeyPem)
    if (!publicKey) throw new Error('no public key')
    expect(verifyBytes(publicKey, BYTES, signature)).toBe(true)
    expect(verifyBytes(publicKey, new TextEncoder().encode('{"a":2}'), signature)).toBe(false)
    const other = parsePublicKey(parseSigningKey(generateSigningKeyPem()).publicKeyPem)
    if (!other) throw new Error('no public key')
    expect(verifyBytes(other, BYTES, signature)).toBe(false)
    expect(verifyBytes(publicKey, BYTES, 'not base64 of 64 bytes')).toBe(false)
  })

  it('reads the key as PEM or as base64 DER, and names it by its public half', () => {
    const der = KEY.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')
    expect(parseSigningKey(der).keyId).toBe(KEY.keyId)
    expect(KEY.keyId).toMatch(/^[0-9a-f]{16}$/)
    const spki = parsePublicKey(KEY.publicKeyPem)?.export({ type: 'spki', format: 'der' })
    expect(parsePublicKey(Buffer.from(spki ?? []).toString('base64'))).toBeDefined()
  })

  it('refuses keys that are not Ed25519, or not keys at all', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
    expect(() =>
      parseSigningKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    ).toThrow(/must be Ed25519, not rsa/)
    expect(() => parseSigningKey('not a key')).toThrow(/not a PKCS#8 private key/)
    expect(parsePublicKey(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toBe(
      undefined,
    )
    expect(parsePublicKey('nonsense')).toBeUndefined()
  })
})

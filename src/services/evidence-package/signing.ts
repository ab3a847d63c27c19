import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto'
import { InvalidInputError } from '../../core/errors.js'

/** The key a package is signed with: the private half, and the public half to publish. */
export interface PackageSigningKey {
  privateKey: KeyObject
  /** SPKI PEM, as `openssl pkey -pubout` prints it. */
  publicKeyPem: string
  keyId: string
}

/** A new Ed25519 private key as PKCS#8 PEM (what `evidence-signing.key` holds). */
export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519')
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

/** Reads an Ed25519 private key given as PKCS#8 PEM or as base64 of the PKCS#8 DER. */
export function parseSigningKey(text: string): PackageSigningKey {
  const trimmed = text.trim()
  let privateKey: KeyObject
  try {
    privateKey = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' })
  } catch {
    throw new InvalidInputError(
      'the evidence signing key is not a PKCS#8 private key (PEM, or base64 of the DER)',
    )
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new InvalidInputError(
      `the evidence signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`,
    )
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' })
  return { privateKey, publicKeyPem: publicKeyPem.toString(), keyId: publicKeyId(publicKeyPem) }
}

/** An Ed25519 public key from SPKI PEM or base64 of the SPKI DER; undefined when it is not one. */
export function parsePublicKey(text: string): KeyObject | undefined {
  const trimmed = text.trim()
  try {
    const key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' })
    return key.asymmetricKeyType === 'ed25519' ? key : undefined
  } catch {
    return undefined
  }
}

/** A short name for a public key: the first 16 hex digits of SHA-256 over its SPKI DER. */
export function publicKeyId(key: KeyObject | string | Buffer): string {
  const object = typeof key === 'string' || Buffer.isBuffer(key) ? createPublicKey(key) : key
  const der = object.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('hex').slice(0, 16)
}

export function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  const der = (k: KeyObject) => k.export({ type: 'spki', format: 'der' })
  return der(a).equals(der(b))
}

/** The base64 Ed25519 signature over exactly these bytes. */
export function signBytes(key: PackageSigningKey, bytes: Uint8Array): string {
  return sign(null, bytes, key.privateKey).toString('base64')
}

export function verifyBytes(key: KeyObject, bytes: Uint8Array, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64.trim(), 'base64')
  if (signature.length !== 64) return false
  try {
    return verify(null, bytes, key, signature)
  } catch {
    return false
  }
}

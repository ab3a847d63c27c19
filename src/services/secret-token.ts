import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

// @NOTE The private links of the public pages (a reporter's status link, an author's appeal link,
// an appellant's status link) carry a secret token. Only its SHA-256 is stored; a presented token
// is compared with the stored hash in constant time.

/** A fresh secret for a private link: `bytes` random bytes, base64url. */
export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** True when `token` hashes to `hash`; an empty or overlong token never matches. */
export function tokenMatches(token: string | undefined, hash: string | null | undefined): boolean {
  if (!token || token.length > 200 || !hash) return false
  const presented = Buffer.from(hashToken(token), 'hex')
  const stored = Buffer.from(hash, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}

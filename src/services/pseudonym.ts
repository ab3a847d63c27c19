import { createHmac, randomBytes } from 'node:crypto'
import type { Clock } from '../core/clock.js'
import type { Executor } from '../storage/database.js'
import { ensureInstanceSecret } from '../storage/repos/instance-secret-repo.js'

const PSEUDONYM_SECRET = 'pseudonym_key'

/**
 * A keyed pseudonym (HMAC-SHA-256, hex) of a value such as a client address, with a secret
 * made on first use and kept in instance_secret. The same value always gives the same
 * pseudonym on this installation, and the value cannot be read back from it.
 */
export async function pseudonymFor(db: Executor, clock: Clock, value: string): Promise<string> {
  const fresh = randomBytes(32).toString('base64url')
  const key = await ensureInstanceSecret(db, PSEUDONYM_SECRET, fresh, clock.now())
  return createHmac('sha256', key).update(value).digest('hex')
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../core/clock.js'
import type { Actor, ApiRole } from '../core/roles.js'
import type { Db } from '../storage/database.js'
import {
  type ApiKeyRecord,
  findActiveApiKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
} from '../storage/repos/api-key-repo.js'
import { recordAudit } from './audit-log.js'

const KEY_PREFIX = 'vgl_'

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/** Creates a key; the plain key is returned once and only its SHA-256 is stored. */
export async function createApiKey(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { name: string; role: ApiRole },
): Promise<{ key: string; record: ApiKeyRecord }> {
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`
  const record: ApiKeyRecord = {
    id: crypto.randomUUID(),
    name: input.name,
    role: input.role,
    prefix: key.slice(0, 10),
    createdAt: clock.now(),
    revokedAt: null,
  }
  await db.transaction().execute(async (tx) => {
    await insertApiKey(tx, {
      id: record.id,
      name: record.name,
      role: record.role,
      prefix: record.prefix,
      key_hash: hashApiKey(key),
      created_at: record.createdAt,
      revoked_at: null,
      flagger_id: null,
    })
    await recordAudit(tx, actor, record.createdAt, [
      {
        action: 'key.created',
        entityType: 'api_key',
        entityId: record.id,
        data: { name: input.name, role: input.role },
      },
    ])
  })
  return { key, record }
}

export async function revokeKey(db: Db, clock: Clock, actor: Actor, id: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const revoked = await revokeApiKey(tx, id, clock.now())
    if (revoked) {
      await recordAudit(tx, actor, clock.now(), [
        { action: 'key.revoked', entityType: 'api_key', entityId: id },
      ])
    }
    return revoked
  })
}

export function listKeys(db: Db): Promise<ApiKeyRecord[]> {
  return listApiKeys(db)
}

/**
 * Resolves a presented key to an actor. Verified keys are cached for `cacheMs` so the hot path
 * does not hit the database on every request; a revocation takes effect within that time.
 */
export class ApiKeyAuthenticator {
  readonly #cache = new Map<string, { actor: Actor | undefined; until: number }>()
  readonly #bootstrapHash: Buffer | undefined

  constructor(
    private readonly db: Db,
    bootstrapKey: string | undefined,
    private readonly cacheMs = 5_000,
  ) {
    this.#bootstrapHash = bootstrapKey ? Buffer.from(hashApiKey(bootstrapKey), 'hex') : undefined
  }

  async authenticate(key: string): Promise<Actor | undefined> {
    const hash = hashApiKey(key)
    if (this.#isBootstrap(hash)) return { id: 'bootstrap', role: 'admin', name: 'bootstrap key' }
    const now = Date.now()
    const cached = this.#cache.get(hash)
    if (cached && cached.until > now) return cached.actor
    const record = await findActiveApiKeyByHash(this.db, hash)
    const actor: Actor | undefined = record
      ? { id: `key:${record.id}`, role: record.role, name: record.name }
      : undefined
    if (this.#cache.size > 10_000) this.#cache.clear()
    this.#cache.set(hash, { actor, until: now + this.cacheMs })
    return actor
  }

  forget(): void {
    this.#cache.clear()
  }

  #isBootstrap(hash: string): boolean {
    return (
      this.#bootstrapHash !== undefined &&
      timingSafeEqual(Buffer.from(hash, 'hex'), this.#bootstrapHash)
    )
  }
}

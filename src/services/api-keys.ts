import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../core/clock.js'
import { ForbiddenError, InvalidInputError } from '../core/errors.js'
import type { Actor, ApiRole } from '../core/roles.js'
import type { Db, Executor } from '../storage/database.js'
import {
  type ActiveApiKey,
  type ApiKeyRecord,
  findActiveApiKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
} from '../storage/repos/api-key-repo.js'
import { findFlagger } from '../storage/repos/flagger-repo.js'
import { recordAudit } from './audit-log.js'

const KEY_PREFIX = 'vgl_'

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

export interface ApiKeyInput {
  name: string
  role: ApiRole
  /** Binds a trusted_flagger key to its registered flagger (DSA Art. 22). */
  flaggerId?: string | undefined
}

/**
 * Creates a key; the plain key is returned once and only its SHA-256 is stored. A flagger's key
 * must have the trusted_flagger role and an enabled flagger.
 */
export async function createApiKey(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: ApiKeyInput,
): Promise<{ key: string; record: ApiKeyRecord }> {
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`
  const record: ApiKeyRecord = {
    id: crypto.randomUUID(),
    name: input.name,
    role: input.role,
    prefix: key.slice(0, 10),
    flaggerId: input.flaggerId ?? null,
    createdAt: clock.now(),
    revokedAt: null,
  }
  await db.transaction().execute(async (tx) => {
    await assertFlaggerMayHoldKey(tx, input)
    await insertApiKey(tx, {
      id: record.id,
      name: record.name,
      role: record.role,
      prefix: record.prefix,
      key_hash: hashApiKey(key),
      created_at: record.createdAt,
      revoked_at: null,
      flagger_id: record.flaggerId,
    })
    await recordAudit(tx, actor, record.createdAt, [
      {
        action: 'key.created',
        entityType: 'api_key',
        entityId: record.id,
        data: { name: input.name, role: input.role, flaggerId: record.flaggerId },
      },
    ])
  })
  return { key, record }
}

async function assertFlaggerMayHoldKey(tx: Executor, input: ApiKeyInput): Promise<void> {
  if (input.flaggerId === undefined) return
  if (input.role !== 'trusted_flagger') {
    throw new InvalidInputError(
      'only a key with the role trusted_flagger can belong to a flagger',
      {
        field: 'flaggerId',
      },
    )
  }
  const flagger = await findFlagger(tx, input.flaggerId)
  if (!flagger) {
    throw new InvalidInputError(
      `no trusted flagger ${input.flaggerId} is registered; see GET /v1/flaggers`,
      { field: 'flaggerId' },
    )
  }
  if (!flagger.enabled) {
    throw new InvalidInputError(
      `the trusted flagger "${flagger.name}" is disabled; enable it before giving it a key`,
      { field: 'flaggerId' },
    )
  }
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
  readonly #cache = new Map<
    string,
    { actor: Actor | undefined; refusal: string | undefined; until: number }
  >()
  readonly #bootstrapHash: Buffer | undefined

  constructor(
    private readonly db: Db,
    bootstrapKey: string | undefined,
    private readonly cacheMs = 5_000,
  ) {
    this.#bootstrapHash = bootstrapKey ? Buffer.from(hashApiKey(bootstrapKey), 'hex') : undefined
  }

  /** The key's actor, undefined for an unknown or revoked key; a disabled flagger's key throws. */
  async authenticate(key: string): Promise<Actor | undefined> {
    const hash = hashApiKey(key)
    if (this.#isBootstrap(hash)) return { id: 'bootstrap', role: 'admin', name: 'bootstrap key' }
    const now = Date.now()
    let entry = this.#cache.get(hash)
    if (!entry || entry.until <= now) {
      const record = await findActiveApiKeyByHash(this.db, hash)
      entry = {
        actor: record && actorOf(record),
        refusal: refusalOf(record),
        until: now + this.cacheMs,
      }
      if (this.#cache.size > 10_000) this.#cache.clear()
      this.#cache.set(hash, entry)
    }
    if (entry.refusal) throw new ForbiddenError(entry.refusal, { reason: 'flagger_disabled' })
    return entry.actor
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

function actorOf(record: ActiveApiKey): Actor {
  return {
    id: `key:${record.id}`,
    role: record.role,
    name: record.name,
    ...(record.flaggerId ? { flaggerId: record.flaggerId } : {}),
    ...(record.flagger ? { flaggerKind: record.flagger.kind } : {}),
  }
}

function refusalOf(record: ActiveApiKey | undefined): string | undefined {
  if (!record?.flagger || record.flagger.enabled) return undefined
  return `this key belongs to the trusted flagger "${record.flagger.name}", which has been disabled; ask the service's administrator to re-enable it (PATCH /v1/flaggers/${record.flaggerId})`
}

import { createHash } from 'node:crypto'
import { ConflictError } from '../core/errors.js'
import type { Db, Executor } from '../storage/database.js'
import {
  findIdempotencyRecord,
  insertIdempotencyRecord,
} from '../storage/repos/idempotency-repo.js'
import { canonicalJson } from './canonical-json.js'

export interface IdempotencyClaim {
  scope: string
  key: string
  requestHash: string
}

export interface StoredResponse<T> {
  statusCode: number
  body: T
  replayed: boolean
}

export function idempotencyClaim(scope: string, key: string, body: unknown): IdempotencyClaim {
  const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex')
  return { scope, key, requestHash }
}

/** The response stored for this key, or undefined; a different body under the same key is refused. */
export async function replayIfSeen<T>(db: Db, claim: IdempotencyClaim) {
  const record = await findIdempotencyRecord(db, claim.scope, claim.key)
  if (!record) return undefined
  if (record.requestHash !== claim.requestHash) {
    throw new ConflictError(
      `Idempotency-Key "${claim.key}" was already used with a different request body; use a new key`,
      { reason: 'idempotency_key_reused' },
    )
  }
  return { statusCode: record.statusCode, body: record.response as T, replayed: true }
}

export class IdempotencyRace extends Error {
  override name = 'IdempotencyRace'
}

/** Stores the response in the same transaction as the work; a concurrent twin makes it roll back. */
export async function storeResponse(
  tx: Executor,
  claim: IdempotencyClaim,
  statusCode: number,
  body: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const record = { requestHash: claim.requestHash, statusCode, response: body }
  if (!(await insertIdempotencyRecord(tx, claim.scope, claim.key, record, at))) {
    throw new IdempotencyRace(claim.key)
  }
}

/**
 * Runs `work` once per key: a repeat with the same body gets the stored response, a repeat
 * with another body a conflict, and two concurrent twins commit only one result.
 */
export async function onceForKey<T extends Record<string, unknown>>(
  db: Db,
  claim: IdempotencyClaim | undefined,
  work: (
    store: (tx: Executor, status: number, body: T, at: Date) => Promise<void>,
  ) => Promise<StoredResponse<T>>,
): Promise<StoredResponse<T>> {
  const store = async (tx: Executor, status: number, body: T, at: Date) => {
    if (claim) await storeResponse(tx, claim, status, body, at)
  }
  if (!claim) return work(store)
  const seen = await replayIfSeen<T>(db, claim)
  if (seen) return seen
  try {
    return await work(store)
  } catch (error) {
    if (!(error instanceof IdempotencyRace)) throw error
    const winner = await replayIfSeen<T>(db, claim)
    if (!winner) throw error
    return winner
  }
}

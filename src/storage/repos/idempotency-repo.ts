import type { Executor } from '../database.js'

export interface IdempotencyRecord {
  requestHash: string
  statusCode: number
  response: Record<string, unknown>
}

export async function findIdempotencyRecord(
  db: Executor,
  scope: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_record')
    .select(['request_hash', 'status_code', 'response'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst()
  return row
    ? { requestHash: row.request_hash, statusCode: row.status_code, response: row.response }
    : undefined
}

/** Inserts the record; false when the key was taken first (by a concurrent request). */
export async function insertIdempotencyRecord(
  db: Executor,
  scope: string,
  key: string,
  record: IdempotencyRecord,
  at: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_record')
    .values({
      scope,
      key,
      request_hash: record.requestHash,
      status_code: record.statusCode,
      response: JSON.stringify(record.response),
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

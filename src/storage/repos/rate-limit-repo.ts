import type { Executor } from '../database.js'

/**
 * Counts one hit in a fixed window and returns the window's hits so far, in one statement, so
 * every API process shares the count.
 */
export async function countRateLimitHit(
  db: Executor,
  bucket: string,
  windowStart: Date,
): Promise<number> {
  const row = await db
    .insertInto('rate_limit_hit')
    .values({ bucket, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({
        hits: eb('rate_limit_hit.hits', '+', 1),
      })),
    )
    .returning('hits')
    .executeTakeFirstOrThrow()
  return Number(row.hits)
}

/** Deletes the counters of windows that started before `before`; returns how many. */
export async function deleteRateLimitWindowsBefore(db: Executor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_hit')
    .where('window_start', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

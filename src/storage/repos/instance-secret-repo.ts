import type { Executor } from '../database.js'

/**
 * The named secret, created with `value` if none exists yet. Race-safe: concurrent first uses
 * insert with `on conflict do nothing`, then all read the one that won.
 */
export async function ensureInstanceSecret(
  db: Executor,
  name: string,
  value: string,
  at: Date,
): Promise<string> {
  await db
    .insertInto('instance_secret')
    .values({ name, value, created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db
    .selectFrom('instance_secret')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return row.value
}

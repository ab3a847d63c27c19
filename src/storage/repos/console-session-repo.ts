import type { Selectable } from 'kysely'
import type { ConsoleUser } from '../../core/console-user.js'
import type { Executor } from '../database.js'
import type { ConsoleSessionTable, ConsoleUserTable } from '../schema/console.js'
import { rowToConsoleUser } from './console-user-repo.js'

export interface ConsoleSession {
  /** SHA-256 (hex) of the cookie's token. */
  id: string
  userId: string
  csrfToken: string
  createdAt: Date
  expiresAt: Date
  lastSeenAt: Date
  revokedAt: Date | null
}

export function rowToConsoleSession(row: ConsoleSessionTable): ConsoleSession {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
  }
}

export async function insertConsoleSession(db: Executor, session: ConsoleSession): Promise<void> {
  await db
    .insertInto('console_session')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      last_seen_at: session.lastSeenAt,
      revoked_at: session.revokedAt,
    })
    .execute()
}

/** The session with its user, whatever their state (the caller decides whether it is live). */
export async function findConsoleSession(
  db: Executor,
  id: string,
): Promise<{ session: ConsoleSession; user: ConsoleUser } | undefined> {
  const row = await db
    .selectFrom('console_session as s')
    .innerJoin('console_user as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select([
      'u.email',
      'u.name',
      'u.role',
      'u.password_hash',
      'u.preferences',
      'u.created_at as user_created_at',
      'u.disabled_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const user: Selectable<ConsoleUserTable> = {
    id: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    password_hash: row.password_hash,
    preferences: row.preferences,
    created_at: row.user_created_at,
    disabled_at: row.disabled_at,
  }
  return { session: rowToConsoleSession(row), user: rowToConsoleUser(user) }
}

export async function touchConsoleSession(db: Executor, id: string, at: Date): Promise<void> {
  await db
    .updateTable('console_session')
    .set({ last_seen_at: at })
    .where('id', '=', id)
    .where('last_seen_at', '<', at)
    .execute()
}

export async function revokeConsoleSession(db: Executor, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('console_session')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Ends every session of a user (when they are disabled); returns how many were open. */
export async function revokeUserConsoleSessions(
  db: Executor,
  userId: string,
  at: Date,
): Promise<number> {
  const result = await db
    .updateTable('console_session')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** The hits counted so far in each bucket's window (0 for a bucket with none). */
export async function rateLimitHits(
  db: Executor,
  buckets: readonly string[],
  windowStart: Date,
): Promise<Map<string, number>> {
  const hits = new Map(buckets.map((bucket) => [bucket, 0]))
  if (buckets.length === 0) return hits
  const rows = await db
    .selectFrom('rate_limit_hit')
    .select(['bucket', 'hits'])
    .where('bucket', 'in', buckets)
    .where('window_start', '=', windowStart)
    .execute()
  for (const row of rows) hits.set(row.bucket, Number(row.hits))
  return hits
}

/** Deletes sessions that can no longer be used: revoked, idle too long, or past their age. */
export async function deleteDeadConsoleSessions(
  db: Executor,
  before: { createdBefore: Date; lastSeenBefore: Date },
): Promise<number> {
  const result = await db
    .deleteFrom('console_session')
    .where((eb) =>
      eb.or([
        eb('revoked_at', 'is not', null),
        eb('created_at', '<', before.createdBefore),
        eb('last_seen_at', '<', before.lastSeenBefore),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

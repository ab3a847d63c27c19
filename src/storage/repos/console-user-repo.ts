import { type Selectable, sql } from 'kysely'
import { type ConsoleUser, consolePreferencesSchema } from '../../core/console-user.js'
import type { ConsoleRole } from '../../core/roles.js'
import type { Executor } from '../database.js'
import type { ConsoleUserTable } from '../schema/console.js'

/** A console user with the stored password hash, for sign-in only. */
export interface ConsoleUserWithHash extends ConsoleUser {
  passwordHash: string
}

export function rowToConsoleUser(row: Selectable<ConsoleUserTable>): ConsoleUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as ConsoleRole,
    preferences: consolePreferencesSchema.parse(row.preferences ?? {}),
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  }
}

export async function insertConsoleUser(
  db: Executor,
  user: ConsoleUser,
  passwordHash: string,
): Promise<void> {
  await db
    .insertInto('console_user')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      password_hash: passwordHash,
      preferences: JSON.stringify(user.preferences),
      created_at: user.createdAt,
      disabled_at: user.disabledAt,
    })
    .execute()
}

/** By email, compared case-insensitively (the unique index is on lower(email)). */
export async function findConsoleUserByEmail(
  db: Executor,
  email: string,
): Promise<ConsoleUserWithHash | undefined> {
  const row = await db
    .selectFrom('console_user')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst()
  return row ? { ...rowToConsoleUser(row), passwordHash: row.password_hash } : undefined
}

export async function listConsoleUsers(db: Executor): Promise<ConsoleUser[]> {
  const rows = await db.selectFrom('console_user').selectAll().orderBy('created_at').execute()
  return rows.map(rowToConsoleUser)
}

export async function setConsoleUserDisabled(db: Executor, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('console_user')
    .set({ disabled_at: at })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function setConsoleUserPasswordHash(
  db: Executor,
  id: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('console_user')
    .set({ password_hash: passwordHash })
    .where('id', '=', id)
    .execute()
}

export async function setConsoleUserPreferences(
  db: Executor,
  id: string,
  preferences: ConsoleUser['preferences'],
): Promise<void> {
  await db
    .updateTable('console_user')
    .set({ preferences: JSON.stringify(preferences) })
    .where('id', '=', id)
    .execute()
}

export async function findConsoleUser(db: Executor, id: string): Promise<ConsoleUser | undefined> {
  const row = await db
    .selectFrom('console_user')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? rowToConsoleUser(row) : undefined
}

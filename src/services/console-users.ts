import {
  type ConsoleUser,
  type ConsoleUserInput,
  consolePreferencesSchema,
  consoleUserInputSchema,
  normaliseEmail,
  type PreferencesPatch,
  passwordProblem,
} from '../core/console-user.js'
import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import { revokeUserConsoleSessions } from '../storage/repos/console-session-repo.js'
import {
  findConsoleUserByEmail,
  insertConsoleUser,
  listConsoleUsers,
  setConsoleUserDisabled,
  setConsoleUserPreferences,
} from '../storage/repos/console-user-repo.js'
import { recordAudit } from './audit-log.js'
import { hashPassword } from './password-hash.js'
import type { ServiceContext } from './service-context.js'

type UsersContext = Pick<ServiceContext, 'db' | 'clock'>

/**
 * Creates a console account. The password is checked and hashed here and never leaves this
 * function; the audit entry names the email, name and role only.
 */
export async function createConsoleUser(
  ctx: UsersContext,
  actor: Actor,
  input: ConsoleUserInput,
  password: string,
): Promise<ConsoleUser> {
  const parsed = consoleUserInputSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new InvalidInputError(`${issue?.path.join('.')}: ${issue?.message}`, {
      field: issue?.path.join('.'),
    })
  }
  const problem = passwordProblem(password)
  if (problem) throw new InvalidInputError(problem, { field: 'password' })
  const passwordHash = await hashPassword(password)
  const user: ConsoleUser = {
    id: crypto.randomUUID(),
    email: normaliseEmail(parsed.data.email),
    name: parsed.data.name,
    role: parsed.data.role,
    preferences: consolePreferencesSchema.parse({}),
    createdAt: ctx.clock.now(),
    disabledAt: null,
  }
  await ctx.db.transaction().execute(async (tx) => {
    if (await findConsoleUserByEmail(tx, user.email)) {
      throw new ConflictError(`a console user with the email ${user.email} exists already`)
    }
    await insertConsoleUser(tx, user, passwordHash)
    await recordAudit(tx, actor, user.createdAt, [
      {
        action: 'console_user.created',
        entityType: 'console_user',
        entityId: user.id,
        data: { email: user.email, name: user.name, role: user.role },
      },
    ])
  })
  return user
}

export function listUsers(ctx: Pick<ServiceContext, 'db'>): Promise<ConsoleUser[]> {
  return listConsoleUsers(ctx.db)
}

/** A colleague as the console lists them: no email, preferences or dates. */
export type ConsolePerson = Pick<ConsoleUser, 'id' | 'name' | 'role'>

/** The console's enabled users by name, for picking a colleague (e.g. to filter by assignee). */
export async function listConsolePeople(ctx: Pick<ServiceContext, 'db'>): Promise<ConsolePerson[]> {
  const users = await listConsoleUsers(ctx.db)
  return users
    .filter((user) => user.disabledAt === null)
    .map(({ id, name, role }) => ({ id, name, role }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id))
}

/** Disables an account and ends its sessions at once. */
export async function disableConsoleUser(
  ctx: UsersContext,
  actor: Actor,
  email: string,
): Promise<{ user: ConsoleUser; sessionsEnded: number }> {
  const at = ctx.clock.now()
  return ctx.db.transaction().execute(async (tx) => {
    const found = await findConsoleUserByEmail(tx, normaliseEmail(email))
    if (!found) throw new NotFoundError('console user', email)
    if (!(await setConsoleUserDisabled(tx, found.id, at))) {
      throw new ConflictError(`the console user ${found.email} is disabled already`)
    }
    const sessionsEnded = await revokeUserConsoleSessions(tx, found.id, at)
    await recordAudit(tx, actor, at, [
      {
        action: 'console_user.disabled',
        entityType: 'console_user',
        entityId: found.id,
        data: { email: found.email, sessionsEnded },
      },
    ])
    const { passwordHash: _hash, ...user } = found
    return { user: { ...user, disabledAt: at }, sessionsEnded }
  })
}

/** Changes the signed-in person's own console preferences; audited with the new values. */
export async function updateConsolePreferences(
  ctx: UsersContext,
  actor: Actor,
  user: ConsoleUser,
  patch: PreferencesPatch,
): Promise<ConsoleUser> {
  const preferences = consolePreferencesSchema.parse({
    ...user.preferences,
    ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
  })
  const at = ctx.clock.now()
  await ctx.db.transaction().execute(async (tx) => {
    await setConsoleUserPreferences(tx, user.id, preferences)
    await recordAudit(tx, actor, at, [
      {
        action: 'console_user.preferences_changed',
        entityType: 'console_user',
        entityId: user.id,
        data: { preferences },
      },
    ])
  })
  return { ...user, preferences }
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { CONSOLE_ROLE_RULES } from '../core/console-roles.js'
import { type ConsoleUser, normaliseEmail, type SignInInput } from '../core/console-user.js'
import { ForbiddenError, UnauthenticatedError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import {
  type ConsoleSession,
  deleteDeadConsoleSessions,
  findConsoleSession,
  insertConsoleSession,
  revokeConsoleSession,
  touchConsoleSession,
} from '../storage/repos/console-session-repo.js'
import {
  findConsoleUserByEmail,
  setConsoleUserPasswordHash,
} from '../storage/repos/console-user-repo.js'
import { recordAudit } from './audit-log.js'
import { checkSignInLimit } from './console-sign-in-limit.js'
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js'
import type { ServiceContext } from './service-context.js'

/** How long a session lives: idle (since its last use) and absolute (since sign-in). */
export interface SessionSettings {
  idleHours: number
  maxDays: number
}

type SessionContext = Pick<ServiceContext, 'db' | 'clock'> & { sessions: SessionSettings }

/** A live session: who it is and the CSRF token its state-changing requests must carry. */
export interface LiveSession {
  actor: Actor
  user: ConsoleUser
  session: ConsoleSession
}

const WRONG = 'the email or password is wrong'
/** Last-seen is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000

let dummyHash: Promise<string> | undefined

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Checks the password and opens a session; returns the cookie's token (shown once, stored only
 * as its SHA-256). Unknown email and wrong password fail alike and take as long.
 */
export async function signIn(
  ctx: SessionContext,
  input: SignInInput,
  address: string | undefined,
): Promise<LiveSession & { token: string }> {
  const email = normaliseEmail(input.email)
  const limit = await checkSignInLimit(ctx, email, address)
  const found = await findConsoleUserByEmail(ctx.db, email)
  dummyHash ??= hashPassword('a password nobody has, to spend the same time')
  const ok = await verifyPassword(input.password, found?.passwordHash ?? (await dummyHash))
  if (!found || !ok) {
    await limit.fail()
    throw new UnauthenticatedError(WRONG)
  }
  if (found.disabledAt) {
    throw new ForbiddenError('this console account has been disabled; ask an admin', {
      reason: 'disabled',
    })
  }
  const { passwordHash, ...user } = found
  if (needsRehash(passwordHash)) {
    await setConsoleUserPasswordHash(ctx.db, user.id, await hashPassword(input.password))
  }
  return openSession(ctx, user)
}

async function openSession(
  ctx: SessionContext,
  user: ConsoleUser,
): Promise<LiveSession & { token: string }> {
  const token = randomBytes(32).toString('base64url')
  const now = ctx.clock.now()
  const session: ConsoleSession = {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now,
    expiresAt: new Date(now.getTime() + ctx.sessions.maxDays * 86_400_000),
    lastSeenAt: now,
    revokedAt: null,
  }
  const actor = actorOf(user)
  await ctx.db.transaction().execute(async (tx) => {
    await insertConsoleSession(tx, session)
    await recordAudit(tx, actor, now, [
      {
        action: 'console_session.signed_in',
        entityType: 'console_user',
        entityId: user.id,
        data: { expiresAt: session.expiresAt.toISOString() },
      },
    ])
  })
  return { token, actor, user, session }
}

/** The live session of a cookie's token, or undefined; marks it used. */
export async function findLiveSession(
  ctx: SessionContext,
  token: string,
): Promise<LiveSession | undefined> {
  const found = await findConsoleSession(ctx.db, sessionIdOf(token))
  const now = ctx.clock.now()
  if (!found || !isLive(found.session, found.user, now, ctx.sessions)) return undefined
  if (now.getTime() - found.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchConsoleSession(ctx.db, found.session.id, now)
  }
  return { actor: actorOf(found.user), ...found }
}

/** Whether a session is still usable at `now`: not revoked, idle or past its age, user enabled. */
export function isLive(
  session: ConsoleSession,
  user: Pick<ConsoleUser, 'disabledAt'>,
  now: Date,
  settings: SessionSettings,
): boolean {
  const idleUntil = session.lastSeenAt.getTime() + settings.idleHours * 3_600_000
  return (
    session.revokedAt === null &&
    user.disabledAt === null &&
    now.getTime() < session.expiresAt.getTime() &&
    now.getTime() < idleUntil
  )
}

/** Ends the session (sign-out); audited. */
export async function signOut(ctx: SessionContext, live: LiveSession): Promise<void> {
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await revokeConsoleSession(tx, live.session.id, now))) return
    await recordAudit(tx, live.actor, now, [
      { action: 'console_session.signed_out', entityType: 'console_user', entityId: live.user.id },
    ])
  })
}

/** Whether a request's x-csrf-token header matches the session's, in constant time. */
export function csrfMatches(live: LiveSession, header: string | undefined): boolean {
  if (!header) return false
  const expected = Buffer.from(live.session.csrfToken)
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** A console user as the audit log and decisions name them: `user:<id>`. */
export function actorOf(user: ConsoleUser): Actor {
  return {
    id: `user:${user.id}`,
    role: CONSOLE_ROLE_RULES[user.role].actsAs,
    name: user.name,
    consoleRole: user.role,
  }
}

/**
 * Deletes the rows of sessions that can never be used again; the worker's sweep calls it. Sign-in
 * and sign-out stay in the audit log, so nothing of record is lost.
 */
export async function pruneConsoleSessions(ctx: SessionContext): Promise<number> {
  const now = ctx.clock.now().getTime()
  return deleteDeadConsoleSessions(ctx.db, {
    createdBefore: new Date(now - ctx.sessions.maxDays * 86_400_000),
    lastSeenBefore: new Date(now - ctx.sessions.idleHours * 3_600_000),
  })
}

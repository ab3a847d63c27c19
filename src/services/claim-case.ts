import { CONSOLE_ROLE_RULES } from '../core/console-roles.js'
import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors.js'
import { isClaimLive, type ModerationCase } from '../core/moderation-case.js'
import type { Actor } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import { findApiKey } from '../storage/repos/api-key-repo.js'
import { claimIfFree, setAssignee } from '../storage/repos/case-claim-repo.js'
import { findCase, findCaseForUpdate } from '../storage/repos/case-repo.js'
import { findConsoleUser } from '../storage/repos/console-user-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

export const DEFAULT_CLAIM_MINUTES = 30

type ClaimContext = Pick<ServiceContext, 'db' | 'clock'>

/**
 * Claims the case for `minutes` (or renews the caller's own claim). Of two moderators claiming
 * at once exactly one wins; the other gets 409 naming who holds it and until when.
 */
export async function claimCase(
  ctx: ClaimContext,
  actor: Actor,
  caseId: string,
  minutes = DEFAULT_CLAIM_MINUTES,
): Promise<ModerationCase> {
  const now = ctx.clock.now()
  const until = new Date(now.getTime() + minutes * 60_000)
  return ctx.db.transaction().execute(async (tx) => {
    const claimed = await claimIfFree(tx, caseId, { assignee: actor.id, until, now })
    if (!claimed) throw await whyNotClaimable(tx, caseId, now)
    await recordAudit(tx, actor, now, [
      {
        action: 'case.claimed',
        entityType: 'case',
        entityId: caseId,
        data: { assignee: actor.id, claimedUntil: until.toISOString() },
      },
    ])
    return claimed
  })
}

async function whyNotClaimable(tx: Executor, caseId: string, now: Date): Promise<Error> {
  const found = await findCase(tx, caseId)
  if (!found) return new NotFoundError('case', caseId)
  if (found.status !== 'open') return new ConflictError(`case ${caseId} is already decided`)
  const holder = { assignee: found.assignee, claimedUntil: found.claimedUntil?.toISOString() }
  const live = isClaimLive(found, now)
  return new ConflictError(
    live
      ? `case ${caseId} is claimed by ${found.assignee} until ${holder.claimedUntil}; pick another case or ask them to release it`
      : `case ${caseId} could not be claimed; try again`,
    holder,
  )
}

/** Gives up a claim: the holder, an admin, or anyone once the claim has lapsed. */
export async function releaseCase(
  ctx: ClaimContext,
  actor: Actor,
  caseId: string,
): Promise<ModerationCase> {
  const now = ctx.clock.now()
  return ctx.db.transaction().execute(async (tx) => {
    const found = await openCaseForUpdate(tx, caseId)
    if (found.assignee === null) throw new ConflictError(`case ${caseId} is not claimed`)
    if (found.assignee !== actor.id && actor.role !== 'admin' && isClaimLive(found, now)) {
      throw new ConflictError(
        `case ${caseId} is claimed by ${found.assignee}; only they or an admin can release it`,
        { assignee: found.assignee, claimedUntil: found.claimedUntil?.toISOString() },
      )
    }
    const released = await setAssignee(tx, caseId, { assignee: null, until: null, now })
    await recordAudit(tx, actor, now, [
      {
        action: 'case.released',
        entityType: 'case',
        entityId: caseId,
        data: { previousAssignee: found.assignee },
      },
    ])
    return released
  })
}

/** Reassigns the case to a moderator's or admin's key, with a fresh claim of `minutes`. */
export async function assignCase(
  ctx: ClaimContext,
  actor: Actor,
  caseId: string,
  input: { assignee: string; minutes?: number | undefined },
): Promise<ModerationCase> {
  const now = ctx.clock.now()
  const until = new Date(now.getTime() + (input.minutes ?? DEFAULT_CLAIM_MINUTES) * 60_000)
  return ctx.db.transaction().execute(async (tx) => {
    await assertAssignable(tx, input.assignee)
    const found = await openCaseForUpdate(tx, caseId)
    const assigned = await setAssignee(tx, caseId, { assignee: input.assignee, until, now })
    await recordAudit(tx, actor, now, [
      {
        action: 'case.assigned',
        entityType: 'case',
        entityId: caseId,
        data: {
          assignee: input.assignee,
          previousAssignee: found.assignee,
          claimedUntil: until.toISOString(),
        },
      },
    ])
    return assigned
  })
}

async function openCaseForUpdate(tx: Executor, caseId: string): Promise<ModerationCase> {
  const found = await findCaseForUpdate(tx, caseId)
  if (!found) throw new NotFoundError('case', caseId)
  if (found.status !== 'open') throw new ConflictError(`case ${caseId} is already decided`)
  return found
}

/**
 * Cases go to people who can decide them: an active moderator or admin key ("key:<id>"), or an
 * enabled console user whose role is not read-only ("user:<id>").
 */
async function assertAssignable(tx: Executor, assignee: string): Promise<void> {
  const [, kind, id] = /^(key|user):([0-9a-f-]{36})$/i.exec(assignee) ?? []
  const ok = kind === 'user' ? await userAssignable(tx, id) : await keyAssignable(tx, id)
  if (ok) return
  throw new InvalidInputError(
    `${assignee} is not an active moderator or admin key, nor an enabled console user who may decide cases; give "key:<id>" from GET /v1/keys or "user:<id>" of a console user`,
    { field: 'assignee' },
  )
}

async function keyAssignable(tx: Executor, id: string | undefined): Promise<boolean> {
  const key = id ? await findApiKey(tx, id) : undefined
  return (
    key !== undefined &&
    key.revokedAt === null &&
    (key.role === 'moderator' || key.role === 'admin')
  )
}

async function userAssignable(tx: Executor, id: string | undefined): Promise<boolean> {
  const user = id ? await findConsoleUser(tx, id) : undefined
  return user !== undefined && user.disabledAt === null && !CONSOLE_ROLE_RULES[user.role].readOnly
}

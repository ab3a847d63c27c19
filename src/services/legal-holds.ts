import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors.js'
import type { LegalHold, LegalHoldInput } from '../core/evidence.js'
import type { Actor } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import { findCase } from '../storage/repos/case-repo.js'
import {
  findLegalHold,
  insertLegalHold,
  type LegalHoldFilter,
  listLegalHolds as listHoldRows,
  releaseLegalHold as releaseHoldRow,
} from '../storage/repos/legal-hold-repo.js'
import { findSubject } from '../storage/repos/subject-repo.js'
import { recordAudit } from './audit-log.js'
import { assertMayHandleEvidence } from './evidence-access.js'
import type { ServiceContext } from './service-context.js'

/** A hold to place: on a case or a subject, with when it lapses (null: until released). */
export interface NewHold {
  caseId: string | null
  subjectId: string | null
  reason: string
  requester: string
  expiresAt: Date | null
}

/**
 * Places a legal hold: while it is live (unreleased, unexpired) the retention sweep erases
 * nothing of the case or subject it covers. 400 for a lapse in the past, 404 for an unknown
 * case or subject.
 */
export async function placeLegalHold(
  ctx: ServiceContext,
  actor: Actor,
  input: LegalHoldInput,
): Promise<LegalHold> {
  assertMayHandleEvidence(actor)
  const hold: NewHold = {
    caseId: input.caseId ?? null,
    subjectId: input.subjectId ?? null,
    reason: input.reason,
    requester: input.requester,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
  }
  return ctx.db.transaction().execute((tx) => placeHoldIn(tx, ctx, actor, hold))
}

/** The same in the caller's transaction (a preservation request places its own hold). */
export async function placeHoldIn(
  tx: Executor,
  ctx: Pick<ServiceContext, 'clock'>,
  actor: Actor,
  input: NewHold,
): Promise<LegalHold> {
  const at = ctx.clock.now()
  await assertHoldable(tx, input, at)
  const hold: LegalHold = {
    id: crypto.randomUUID(),
    ...input,
    placedBy: actor.id,
    placedAt: at,
    releasedAt: null,
    releasedBy: null,
    releaseReason: null,
  }
  await insertLegalHold(tx, hold)
  await recordAudit(tx, actor, at, [
    {
      action: 'legal_hold.placed',
      entityType: 'legal_hold',
      entityId: hold.id,
      data: {
        caseId: hold.caseId,
        subjectId: hold.subjectId,
        reason: hold.reason,
        requester: hold.requester,
        expiresAt: hold.expiresAt?.toISOString() ?? null,
      },
    },
  ])
  return hold
}

/** A hold must lapse in the future and cover a case or subject that exists. */
async function assertHoldable(tx: Executor, input: NewHold, at: Date): Promise<void> {
  if (input.expiresAt && input.expiresAt <= at) {
    throw new InvalidInputError(
      'expiresAt must be in the future: a hold that has lapsed holds nothing',
      { field: 'expiresAt' },
    )
  }
  if (input.caseId && !(await findCase(tx, input.caseId))) {
    throw new NotFoundError('case', input.caseId)
  }
  if (input.subjectId && !(await findSubject(tx, input.subjectId))) {
    throw new NotFoundError('subject', input.subjectId)
  }
}

/** Releases a hold; the retention sweep may then erase what it protected. 409 if released. */
export async function releaseLegalHold(
  ctx: ServiceContext,
  actor: Actor,
  holdId: string,
  reason: string,
): Promise<LegalHold> {
  assertMayHandleEvidence(actor)
  const at = ctx.clock.now()
  return ctx.db.transaction().execute(async (tx) => {
    const released = await releaseHoldRow(tx, holdId, { at, by: actor.id, reason })
    if (!released) {
      const found = await findLegalHold(tx, holdId)
      if (!found) throw new NotFoundError('legal hold', holdId)
      throw new ConflictError(
        `legal hold ${holdId} was already released on ${found.releasedAt?.toISOString()}`,
        { releasedAt: found.releasedAt?.toISOString(), releasedBy: found.releasedBy },
      )
    }
    await recordAudit(tx, actor, at, [
      {
        action: 'legal_hold.released',
        entityType: 'legal_hold',
        entityId: holdId,
        data: { reason },
      },
    ])
    return released
  })
}

/** Holds, newest first; `active` keeps only those live now. */
export async function listLegalHolds(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  filter: Omit<LegalHoldFilter, 'activeAt'> & { active?: boolean },
): Promise<LegalHold[]> {
  const { active, ...rest } = filter
  return listHoldRows(ctx.db, { ...rest, ...(active ? { activeAt: ctx.clock.now() } : {}) })
}

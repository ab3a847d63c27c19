import type { Decision } from '../core/decision.js'
import { type Actor, SYSTEM_ACTOR } from '../core/roles.js'
import {
  type AccountRestriction,
  inForce,
  livePoints,
  restrictsContent,
  type Sanction,
  type Strike,
  sanctionFor,
  stepAbove,
  stillJustified,
} from '../core/strike.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import {
  insertRestriction,
  insertStrike,
  liftRestriction,
  listRestrictions,
  listStrikes,
  lockAccountRecord,
  removeStrikesOfDecision,
} from '../storage/repos/strike-repo.js'
import { recordAudit } from './audit-log.js'
import { notify } from './notify.js'
import type { ServiceContext } from './service-context.js'
import { liftedMessage, sanctionMessage } from './strike-messages.js'
import { emitWebhookEvent } from './webhook-events.js'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

/**
 * A decision effect (DSA Art. 23(1)): a decision that restricts content for a harm gives its
 * author a strike (points = the harm's severity, expiring after the policy's days) and the policy's
 * ladder turns live points into a warning, a timed suspension or a termination. A reversal lifts
 * the strikes of the decision it reverses.
 */
export async function recordStrikes(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
): Promise<void> {
  if (decision.reversesDecisionId) {
    await liftStrikesOfDecision(tx, ctx, SYSTEM_ACTOR, decision.reversesDecisionId, {
      reason: `decision ${decision.reversesDecisionId} was reversed by decision ${decision.id}`,
    })
  }
  const accountId = subject?.authorId
  if (!accountId || !restrictsContent(decision.actions)) return
  await lockAccountRecord(tx, accountId)
  await addStrike(tx, ctx, decision, accountId)
  await applyLadder(tx, ctx, decision, accountId, decision.createdAt)
}

async function addStrike(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  accountId: string,
): Promise<void> {
  const at = decision.createdAt
  const strike: Strike = {
    id: crypto.randomUUID(),
    accountId,
    decisionId: decision.id,
    harm: decision.harm,
    severity: ctx.taxonomy.get(decision.harm)?.severity ?? 1,
    createdAt: at,
    expiresAt: new Date(at.getTime() + ctx.policy.strikes.expiryDays * DAY_MS),
    removedAt: null,
    removedReason: null,
  }
  await insertStrike(tx, strike)
  await recordAudit(tx, SYSTEM_ACTOR, at, [
    {
      action: 'strike.added',
      entityType: 'strike',
      entityId: strike.id,
      data: {
        accountId,
        decisionId: decision.id,
        harm: strike.harm,
        severity: strike.severity,
        expiresAt: strike.expiresAt?.toISOString() ?? null,
      },
    },
  ])
}

/** Gives the step the account's live points reach, warning first (never skipped). */
async function applyLadder(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  accountId: string,
  at: Date,
): Promise<void> {
  const { ladder, expiryDays } = ctx.policy.strikes
  const [strikes, restrictions] = await Promise.all([
    listStrikes(tx, accountId),
    listRestrictions(tx, accountId),
  ])
  const points = livePoints(strikes, at)
  const since = new Date(at.getTime() - expiryDays * DAY_MS)
  const sanction = sanctionFor(ladder, points, restrictions, at, since)
  if (!sanction) return
  const restriction = restrictionFor(sanction, accountId, points, decision.id, at)
  await insertRestriction(tx, restriction)
  await recordAudit(tx, SYSTEM_ACTOR, at, [restrictionAudit(restriction, sanction)])
  const facts = { points, expiryDays, next: stepAbove(ladder, points) }
  await notify(tx, ctx, {
    ...sanctionMessage(sanction, restriction, facts),
    recipientRole: 'author',
    recipientId: accountId,
    recipientEmail: null,
    decisionId: decision.id,
    followUp: true,
  })
  if (sanction.kind !== 'warning') await requestAccountAction(tx, ctx, restriction, decision)
}

function restrictionFor(
  sanction: Sanction,
  accountId: string,
  points: number,
  decisionId: string,
  at: Date,
): AccountRestriction {
  return {
    id: crypto.randomUUID(),
    accountId,
    kind: sanction.kind,
    reason: reasonFor(sanction, points),
    strikePoints: points,
    decisionId,
    startsAt: at,
    endsAt: sanction.hours ? new Date(at.getTime() + sanction.hours * HOUR_MS) : null,
    liftedAt: null,
    liftedReason: null,
    createdAt: at,
  }
}

function reasonFor(sanction: Sanction, points: number): string {
  const base = `repeat-offender policy: ${points} live strike points`
  return sanction.insteadOf ? `${base}; a warning first, before any ${sanction.insteadOf}` : base
}

function restrictionAudit(restriction: AccountRestriction, sanction: Sanction) {
  const action = {
    warning: 'account.warned',
    suspension: 'account.suspended',
    termination: 'account.terminated',
  }[restriction.kind]
  return {
    action,
    entityType: 'account',
    entityId: restriction.accountId,
    data: {
      restrictionId: restriction.id,
      decisionId: restriction.decisionId,
      strikePoints: restriction.strikePoints,
      endsAt: restriction.endsAt?.toISOString() ?? null,
      ...(sanction.insteadOf ? { insteadOf: sanction.insteadOf } : {}),
    },
  }
}

/** Tells the platform to suspend or close the account (webhook `action.requested`). */
async function requestAccountAction(
  tx: Executor,
  ctx: ServiceContext,
  restriction: AccountRestriction,
  decision: Pick<Decision, 'id' | 'caseId'> | null,
): Promise<void> {
  const hours = restriction.endsAt
    ? Math.round((restriction.endsAt.getTime() - restriction.startsAt.getTime()) / HOUR_MS)
    : undefined
  const action =
    restriction.liftedAt !== null
      ? { type: 'restore' as const }
      : restriction.kind === 'termination'
        ? { type: 'terminate_account' as const }
        : { type: 'suspend_account' as const, ...(hours ? { durationHours: hours } : {}) }
  await emitWebhookEvent(
    tx,
    ctx.jobs,
    restriction.liftedAt ?? restriction.startsAt,
    'action.requested',
    {
      action,
      decisionId: decision?.id ?? restriction.decisionId,
      caseId: decision?.caseId ?? null,
      subject: { id: restriction.accountId, kind: 'account' },
      accountRestriction: {
        id: restriction.id,
        kind: restriction.kind,
        reason: restriction.liftedReason ?? restriction.reason,
        startsAt: restriction.startsAt.toISOString(),
        endsAt: restriction.endsAt?.toISOString() ?? null,
      },
    },
  )
}

/**
 * Removes the strikes a decision gave and lifts every warning, suspension or termination that
 * rested on them: those it set off, and those the remaining strikes no longer reach. The platform
 * is told to restore a lifted suspension or termination. Safe to call twice.
 */
export async function liftStrikesOfDecision(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  decisionId: string,
  why: { reason: string },
): Promise<{ strikes: Strike[]; lifted: AccountRestriction[] }> {
  const at = ctx.clock.now()
  const strikes = await removeStrikesOfDecision(tx, decisionId, { at, reason: why.reason })
  if (strikes.length === 0) return { strikes, lifted: [] }
  await recordAudit(
    tx,
    actor,
    at,
    strikes.map((s) => ({
      action: 'strike.removed',
      entityType: 'strike',
      entityId: s.id,
      data: { accountId: s.accountId, decisionId, reason: why.reason },
    })),
  )
  const lifted: AccountRestriction[] = []
  for (const accountId of new Set(strikes.map((s) => s.accountId))) {
    await lockAccountRecord(tx, accountId)
    lifted.push(...(await liftUnjustified(tx, ctx, actor, accountId, decisionId, why, at)))
  }
  return { strikes, lifted }
}

async function liftUnjustified(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  accountId: string,
  decisionId: string,
  why: { reason: string },
  at: Date,
): Promise<AccountRestriction[]> {
  const [strikes, restrictions] = await Promise.all([
    listStrikes(tx, accountId),
    listRestrictions(tx, accountId),
  ])
  const ladder = ctx.policy.strikes.ladder
  const toLift = restrictions.filter(
    (r) =>
      r.liftedAt === null &&
      (r.kind === 'warning' || inForce(r, at)) &&
      (r.decisionId === decisionId || !stillJustified(r, strikes, ladder)),
  )
  const lifted = toLift.map((r) => ({ ...r, liftedAt: at, liftedReason: why.reason }))
  for (const r of lifted) await lift(tx, ctx, actor, r, at)
  return lifted
}

/** Lifts one restriction; a lifted suspension or termination is told to the author and platform. */
async function lift(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  r: AccountRestriction,
  at: Date,
): Promise<void> {
  const reason = r.liftedReason ?? ''
  await liftRestriction(tx, r.id, { at, reason })
  await recordAudit(tx, actor, at, [
    {
      action: 'account.restriction_lifted',
      entityType: 'account',
      entityId: r.accountId,
      data: { restrictionId: r.id, kind: r.kind, reason },
    },
  ])
  if (r.kind === 'warning') return
  await notify(tx, ctx, {
    ...liftedMessage(r),
    recipientRole: 'author',
    recipientId: r.accountId,
    recipientEmail: null,
    followUp: true,
  })
  await requestAccountAction(tx, ctx, r, null)
}

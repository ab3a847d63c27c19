import {
  type Appeal,
  type AppealDecisionInput,
  type AppealOutcome,
  allowedOutcomes,
} from '../core/appeal.js'
import { type Decision, isRestrictive } from '../core/decision.js'
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import { findAppealForUpdate, settleAppeal } from '../storage/repos/appeal-repo.js'
import { findCaseForUpdate, setCaseStatus } from '../storage/repos/case-repo.js'
import { findDecision } from '../storage/repos/decision-repo.js'
import { outcomeMessage } from './appeal-messages.js'
import { recordAudit } from './audit-log.js'
import { notify } from './notify.js'
import { afterDecisionCommitted, writeDecision } from './record-decision.js'
import { reverseDecision } from './reverse-decision.js'
import type { ServiceContext } from './service-context.js'
import { assertKnownHarm } from './validate-harm.js'

export interface AppealSettlement {
  appeal: Appeal
  /** The new decision that reverses the one appealed, when the appeal is upheld in the appellant's favour. */
  reversal: Decision | null
}

/**
 * Decides an appeal or complaint: a person other than the one who made the decision (DSA Art.
 * 20(6): never solely automated; Ofcom ICU D8), with reasons. A reversal asks the platform to
 * restore (D10) and removes the decision's strikes and what rested on them. The appellant is told
 * the outcome, the reasons and the out-of-court route (DSA Art. 21).
 */
export async function decideAppeal(
  ctx: ServiceContext,
  actor: Actor,
  appealId: string,
  input: AppealDecisionInput,
): Promise<AppealSettlement> {
  assertPerson(actor)
  const settlement = await ctx.db.transaction().execute(async (tx) => {
    const appeal = await findAppealForUpdate(tx, appealId)
    if (!appeal) throw new NotFoundError('appeal', appealId)
    assertOpen(appeal, input.outcome)
    const original = appeal.decisionId ? await findDecision(tx, appeal.decisionId) : undefined
    if (original) assertOtherPerson(original, actor, input)
    await assertNotClaimedByOther(tx, ctx, appeal, actor)
    const reversal =
      input.outcome === 'reversed' && original
        ? await reverse(tx, ctx, actor, appeal, original, input)
        : null
    return settle(tx, ctx, actor, appeal, input, reversal)
  })
  if (settlement.reversal) await afterDecisionCommitted(ctx)
  return settlement
}

/** Rules and automated systems never decide an appeal: only a moderator's or admin's key can. */
function assertPerson(actor: Actor): void {
  if (actor.role !== 'moderator' && actor.role !== 'admin') {
    throw new ForbiddenError(
      'an appeal is decided by a person: rules and automated systems cannot decide appeals (DSA Art. 20(6))',
      { actor: actor.id },
    )
  }
}

function assertOpen(appeal: Appeal, outcome: AppealOutcome): void {
  if (appeal.status !== 'open') {
    throw new ConflictError(`appeal ${appeal.reference} was already decided: ${appeal.status}`, {
      status: appeal.status,
    })
  }
  const allowed = allowedOutcomes(appeal)
  if (!allowed.includes(outcome)) {
    throw new InvalidInputError(
      appeal.decisionId
        ? 'an appeal against a decision is either upheld or reversed'
        : 'a complaint not about a decision is answered with the outcome "resolved"',
      { allowed },
    )
  }
}

/** The decider of the decision under appeal never decides the appeal; a new decision only where owed. */
function assertOtherPerson(original: Decision, actor: Actor, input: AppealDecisionInput): void {
  if (original.decidedBy === actor.id) {
    throw new ForbiddenError(
      'you made the decision under appeal, so a different person must decide the appeal (DSA Art. 20; Ofcom ICU D8)',
      { decisionId: original.id, decidedBy: original.decidedBy },
    )
  }
  const needsNew = input.outcome === 'reversed' && !isRestrictive(original.actions)
  if (needsNew && !input.decision) {
    throw new InvalidInputError(
      'the decision under appeal restricted nothing: to reverse it, give the new decision (decision: harm, ground, actions, statement)',
      { decisionId: original.id },
    )
  }
  if (!needsNew && input.decision) {
    throw new InvalidInputError(
      'a new decision is given only when reversing a decision that restricted nothing; leave decision out',
    )
  }
}

async function assertNotClaimedByOther(
  tx: Executor,
  ctx: ServiceContext,
  appeal: Appeal,
  actor: Actor,
): Promise<void> {
  if (!appeal.caseId) return
  const found = await findCaseForUpdate(tx, appeal.caseId)
  const live = found?.claimedUntil && found.claimedUntil > ctx.clock.now()
  if (found?.assignee && found.assignee !== actor.id && live) {
    throw new ConflictError(
      `the appeal's case is claimed by ${found.assignee} until ${found.claimedUntil?.toISOString()}; ask them to release it`,
      { assignee: found.assignee },
    )
  }
}

/**
 * A restriction is reversed by reverseDecision (restore webhooks; its decision effects remove the
 * strikes and lift what rested on them, see strikes.ts); a refusal to act is reversed by a new
 * decision on the same case, recorded as settling the appeal.
 */
async function reverse(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  appeal: Appeal,
  original: Decision,
  input: AppealDecisionInput,
): Promise<Decision> {
  if (isRestrictive(original.actions)) {
    return reverseDecision(tx, ctx, actor, original, {
      reasons: input.reasons,
      appealId: appeal.id,
    })
  }
  const replacement = input.decision as NonNullable<AppealDecisionInput['decision']>
  assertKnownHarm(ctx.taxonomy, replacement.harm)
  return writeDecision(tx, ctx, actor, {
    ...replacement,
    id: crypto.randomUUID(),
    caseId: original.caseId,
    subjectId: original.subjectId,
    decidedBy: actor.id,
    decidedByName: actor.name,
    sourceType: original.sourceType,
    reversesDecisionId: null,
    appealId: appeal.id,
    createdAt: ctx.clock.now(),
  })
}

async function settle(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  appeal: Appeal,
  input: AppealDecisionInput,
  reversal: Decision | null,
): Promise<AppealSettlement> {
  const at = ctx.clock.now()
  const outcome = { status: input.outcome, reasons: input.reasons, decidedBy: actor.id, at }
  await settleAppeal(tx, appeal.id, outcome)
  if (appeal.caseId) await setCaseStatus(tx, appeal.caseId, 'decided', at)
  await recordAudit(tx, actor, at, [
    {
      action: 'appeal.decided',
      entityType: 'appeal',
      entityId: appeal.id,
      data: {
        reference: appeal.reference,
        outcome: input.outcome,
        decisionId: appeal.decisionId,
        reversalId: reversal?.id ?? null,
        caseId: appeal.caseId,
      },
    },
  ])
  const settled: Appeal = {
    ...appeal,
    status: input.outcome,
    outcomeReasons: input.reasons,
    decidedBy: actor.id,
    decidedAt: at,
  }
  await tellAppellant(tx, ctx, settled, input)
  return { appeal: settled, reversal }
}

/** The outcome, its reasons and the out-of-court route, to the appellant (DSA Art. 20(5), 21). */
async function tellAppellant(
  tx: Executor,
  ctx: ServiceContext,
  settled: Appeal,
  input: AppealDecisionInput,
): Promise<void> {
  await notify(tx, ctx, {
    ...outcomeMessage(settled, input.outcome, input.reasons),
    recipientRole: 'appellant',
    recipientId: settled.appellantId,
    recipientEmail: settled.appellantEmail,
    appealId: settled.id,
    ...(settled.decisionId ? { decisionId: settled.decisionId } : {}),
    followUp: settled.followUp && Boolean(settled.appellantId || settled.appellantEmail),
  })
}

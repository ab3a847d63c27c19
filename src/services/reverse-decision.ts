import {
  type Decision,
  isRestrictive,
  type ReversalInput,
  restoreActions,
} from '../core/decision.js'
import { ConflictError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import { findCaseForUpdate } from '../storage/repos/case-repo.js'
import { findDecision, findReversalOf } from '../storage/repos/decision-repo.js'
import { afterDecisionCommitted, type DecisionDraft, writeDecision } from './record-decision.js'
import type { ServiceContext } from './service-context.js'

export type { ReversalInput } from '../core/decision.js'

/**
 * Reverses a decision (Ofcom D10; DSA Art. 20(4)) in the caller's transaction: a new, immutable
 * decision on the same case with `reversesDecisionId`, one `restore` action for each restriction
 * of the original, webhooks `decision.recorded` and `action.requested` (restore) telling the
 * platform to undo them, an audit entry on both decisions, and the decision effects (the author
 * is told in plain words; media banked by the original is retracted). Never automated.
 * Refuses (409) a decision already reversed, a reversal, and a decision that restricted nothing.
 * After the commit, call `afterDecisionCommitted(ctx)`.
 */
export async function reverseDecision(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  original: Decision,
  input: ReversalInput,
): Promise<Decision> {
  assertReversible(original)
  // @NOTE The case row lock serialises reversals of its decisions; a unique index backs it up.
  await findCaseForUpdate(tx, original.caseId)
  const earlier = await findReversalOf(tx, original.id)
  if (earlier) {
    throw new ConflictError(`decision ${original.id} was already reversed by ${earlier.id}`, {
      reversedBy: earlier.id,
    })
  }
  const reversal = reversalOf(original, actor, input, ctx.clock.now())
  return writeDecision(tx, ctx, actor, reversal, [
    {
      action: 'decision.reversed',
      entityType: 'decision',
      entityId: original.id,
      data: { reversedBy: reversal.id, appealId: reversal.appealId, reasons: input.reasons },
    },
  ])
}

/** Reverses the decision with this id in its own transaction (the API's reverse route). */
export async function reverseDecisionById(
  ctx: ServiceContext,
  actor: Actor,
  decisionId: string,
  input: ReversalInput,
): Promise<Decision> {
  const reversal = await ctx.db.transaction().execute(async (tx) => {
    const original = await findDecision(tx, decisionId)
    if (!original) throw new NotFoundError('decision', decisionId)
    return reverseDecision(tx, ctx, actor, original, input)
  })
  await afterDecisionCommitted(ctx)
  return reversal
}

function reversalOf(
  original: Decision,
  actor: Actor,
  input: ReversalInput,
  at: Date,
): DecisionDraft {
  return {
    id: crypto.randomUUID(),
    caseId: original.caseId,
    subjectId: original.subjectId,
    harm: original.harm,
    ground: original.ground,
    actions: restoreActions(original.actions),
    statement: input.reasons,
    automatedDetection: false,
    automatedDecision: 'not',
    decidedBy: actor.id,
    decidedByName: actor.name,
    sourceType: original.sourceType,
    reversesDecisionId: original.id,
    appealId: input.appealId ?? null,
    createdAt: at,
  }
}

function assertReversible(original: Decision): void {
  if (original.reversesDecisionId) {
    throw new ConflictError(
      `decision ${original.id} is itself a reversal; to restrict again, record a new decision on case ${original.caseId}`,
      { reverses: original.reversesDecisionId },
    )
  }
  if (!isRestrictive(original.actions)) {
    throw new ConflictError(
      `decision ${original.id} restricted nothing, so there is nothing to restore; record a new decision on case ${original.caseId} instead`,
    )
  }
}

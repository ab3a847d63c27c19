import type { Decision, DecisionInput } from '../core/decision.js'
import { NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { findCaseForUpdate, setCaseStatus } from '../storage/repos/case-repo.js'
import { insertDecision } from '../storage/repos/decision-repo.js'
import { findSubject } from '../storage/repos/subject-repo.js'
import { recordAudit } from './audit-log.js'
import { applyDecisionEffects } from './decision-effects.js'
import type { ServiceContext } from './service-context.js'
import { assertKnownHarm } from './validate-harm.js'
import { emitWebhookEvent } from './webhook-events.js'

/**
 * Records an immutable decision on a case, closes the case and, in the same transaction, queues
 * the signed webhooks that tell the platform what to do. A reversal is a new decision.
 */
export async function recordDecision(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  input: DecisionInput,
): Promise<Decision> {
  assertKnownHarm(ctx.taxonomy, input.harm)
  return ctx.db.transaction().execute((tx) => recordDecisionIn(tx, ctx, actor, caseId, input))
}

/** The same in the caller's transaction: a rule's automatic decision is part of its ingest. */
export async function recordDecisionIn(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  input: DecisionInput,
): Promise<Decision> {
  assertKnownHarm(ctx.taxonomy, input.harm)
  const found = await findCaseForUpdate(tx, caseId)
  if (!found) throw new NotFoundError('case', caseId)
  const at = ctx.clock.now()
  const decision: Decision = {
    id: crypto.randomUUID(),
    caseId,
    subjectId: found.subjectId,
    ...input,
    decidedBy: actor.id,
    decidedByName: actor.name,
    sourceType: 'own_initiative',
    statementOfReasons: null,
    reversesDecisionId: null,
    appealId: null,
    createdAt: at,
  }
  await insertDecision(tx, decision)
  await setCaseStatus(tx, caseId, 'decided', at)
  await recordAudit(tx, actor, at, [
    {
      action: 'decision.recorded',
      entityType: 'decision',
      entityId: decision.id,
      data: { caseId, harm: decision.harm, actions: decision.actions.map((a) => a.type) },
    },
  ])
  const subject = await findSubject(tx, decision.subjectId)
  await emitDecisionEvents(tx, ctx, decision, subject, at)
  await applyDecisionEffects(tx, ctx, decision, subject)
  return decision
}

async function emitDecisionEvents(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
  at: Date,
): Promise<void> {
  const subjectRef = { id: subject?.externalId, kind: subject?.kind, authorId: subject?.authorId }
  const payload = { decision: presentForWebhook(decision), subject: subjectRef }
  await emitWebhookEvent(tx, ctx.jobs, at, 'decision.recorded', payload)
  for (const action of decision.actions) {
    if (action.type === 'no_action') continue
    await emitWebhookEvent(tx, ctx.jobs, at, 'action.requested', {
      action,
      decisionId: decision.id,
      caseId: decision.caseId,
      subject: subjectRef,
    })
  }
}

function presentForWebhook(decision: Decision): Record<string, unknown> {
  return { ...decision, createdAt: decision.createdAt.toISOString() }
}

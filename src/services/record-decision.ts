import type { Decision, DecisionInput } from '../core/decision.js'
import { NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import { findCaseForUpdate, setCaseStatus } from '../storage/repos/case-repo.js'
import { insertDecision } from '../storage/repos/decision-repo.js'
import { findSubject } from '../storage/repos/subject-repo.js'
import { recordAudit } from './audit-log.js'
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
  return ctx.db.transaction().execute(async (tx) => {
    const found = await findCaseForUpdate(tx, caseId)
    if (!found) throw new NotFoundError('case', caseId)
    const at = ctx.clock.now()
    const decision: Decision = {
      id: crypto.randomUUID(),
      caseId,
      subjectId: found.subjectId,
      ...input,
      decidedBy: actor.id,
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
    const subject = await findSubject(tx, found.subjectId)
    const subjectRef = { id: subject?.externalId, kind: subject?.kind, authorId: subject?.authorId }
    const payload = { decision: presentForWebhook(decision), subject: subjectRef }
    await emitWebhookEvent(tx, ctx.jobs, at, 'decision.recorded', payload)
    for (const action of decision.actions) {
      if (action.type === 'no_action') continue
      await emitWebhookEvent(tx, ctx.jobs, at, 'action.requested', {
        action,
        decisionId: decision.id,
        caseId,
        subject: subjectRef,
      })
    }
    return decision
  })
}

function presentForWebhook(decision: Decision): Record<string, unknown> {
  return { ...decision, createdAt: decision.createdAt.toISOString() }
}

import type { Escalation } from '../core/moderation-case.js'
import { SYSTEM_ACTOR } from '../core/roles.js'
import { escalationBoost, nextEscalation } from '../core/routing.js'
import {
  type DueCase,
  listDueForEscalation,
  markEscalated,
} from '../storage/repos/case-deadline-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'
import { emitWebhookEvent } from './webhook-events.js'

type EscalationContext = Pick<ServiceContext, 'db' | 'clock' | 'jobs' | 'policy'>

/**
 * One sweep: every open case whose deadline nears (`nearingShare` of its SLA time left) or has
 * passed (SLA or legal) moves one step, nearing then overdue, gains priority, is audited and
 * announced once with the webhook `case.escalated`. A case found already past its deadline goes
 * straight to overdue. Returns how many cases moved; safe to run in several workers at once.
 */
export async function escalateDueCases(ctx: EscalationContext, limit = 100): Promise<number> {
  const now = ctx.clock.now()
  const share = ctx.policy.queues.nearingShare
  const due = await listDueForEscalation(ctx.db, now, share, limit)
  let moved = 0
  for (const item of due) {
    const step = nextEscalation(item.case, now, share)
    if (step && (await escalateOne(ctx, item, step, now))) moved += 1
  }
  return moved
}

async function escalateOne(
  ctx: EscalationContext,
  item: DueCase,
  step: Escalation,
  now: Date,
): Promise<boolean> {
  const boost = escalationBoost(ctx.policy.queues, step)
  const from = item.case.escalation
  return ctx.db.transaction().execute(async (tx) => {
    const moved = await markEscalated(tx, item.case.id, { from, step, boost, at: now })
    if (!moved) return false
    const deadlines = {
      slaDeadline: moved.slaDeadline.toISOString(),
      legalDeadline: moved.legalDeadline?.toISOString() ?? null,
    }
    await recordAudit(tx, SYSTEM_ACTOR, now, [
      {
        action: 'case.escalated',
        entityType: 'case',
        entityId: moved.id,
        data: { step, from, priority: moved.priority, boost, ...deadlines },
      },
    ])
    await emitWebhookEvent(tx, ctx.jobs, now, 'case.escalated', {
      caseId: moved.id,
      step,
      queue: moved.queue,
      priority: moved.priority,
      ...deadlines,
      assignee: moved.assignee,
      subject: {
        id: item.subject.externalId,
        kind: item.subject.kind,
        authorId: item.subject.authorId,
      },
    })
    return true
  })
}

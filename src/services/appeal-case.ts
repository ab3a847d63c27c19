import type { Appeal } from '../core/appeal.js'
import type { ModerationCase } from '../core/moderation-case.js'
import { INTIMATE_IMAGE_HARM } from '../core/report.js'
import type { Actor } from '../core/roles.js'
import {
  findQueue,
  type PriorityBasis,
  priorityBasis,
  slaDeadline,
  totalPriority,
} from '../core/routing.js'
import type { Executor } from '../storage/database.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

/** Intimate image abuse in the decision or the appellant's own report (OSA s.21(2A)). */
export function isExpedited(
  ctx: Pick<ServiceContext, 'taxonomy'>,
  harms: readonly (string | null | undefined)[],
): boolean {
  return harms.some((harm) => harm && ctx.taxonomy.isUnder(harm, INTIMATE_IMAGE_HARM))
}

/**
 * The appeal's own case (kind `appeal`) in the policy's appeals queue, or the expedited one; its
 * priority from the harm's severity and its deadline from the queue's target (Ofcom ICU D8).
 */
export function newAppealCase(
  ctx: Pick<ServiceContext, 'taxonomy' | 'policy'>,
  subjectId: string,
  harm: string | null,
  expedited: boolean,
  at: Date,
): { opened: ModerationCase; basis: PriorityBasis; label: string } {
  const queueId = expedited ? ctx.policy.appeals.expeditedQueue : ctx.policy.appeals.queue
  const queue = findQueue(ctx.policy.queues, queueId)
  if (!queue) throw new Error(`the appeals queue "${queueId}" is not defined in the policy`)
  const basis = priorityBasis(ctx.taxonomy, ctx.policy.queues, { harm, source: 'user_report' })
  const opened: ModerationCase = {
    id: crypto.randomUUID(),
    subjectId,
    kind: 'appeal',
    status: 'open',
    queue: queue.id,
    priority: totalPriority(basis),
    harm,
    slaDeadline: slaDeadline(at, queue),
    assignee: null,
    claimedUntil: null,
    legalDeadline: null,
    escalation: null,
    decidedAt: null,
    createdAt: at,
    updatedAt: at,
  }
  return { opened, basis, label: queue.label }
}

export async function auditAppealFiled(
  tx: Executor,
  actor: Actor,
  appeal: Appeal,
  opened: ModerationCase,
  at: Date,
): Promise<void> {
  await recordAudit(tx, actor, at, [
    {
      action: 'appeal.filed',
      entityType: 'appeal',
      entityId: appeal.id,
      data: {
        reference: appeal.reference,
        kind: appeal.kind,
        decisionId: appeal.decisionId,
        appellantRole: appeal.appellantRole,
        expedited: appeal.expedited,
        channel: appeal.channel,
        caseId: opened.id,
      },
    },
    {
      action: 'case.opened',
      entityType: 'case',
      entityId: opened.id,
      data: {
        kind: 'appeal',
        appealId: appeal.id,
        subjectId: opened.subjectId,
        queue: opened.queue,
        priority: opened.priority,
        harm: opened.harm,
      },
    },
  ])
}

import type { ModerationCase } from '../core/moderation-case.js'
import type { Policy } from '../core/policy.js'
import type { Actor } from '../core/roles.js'
import {
  findQueue,
  legalDeadline,
  moreUrgentQueue,
  type PriorityBasis,
  type Reach,
  type Routing,
  routeCase,
  slaDeadline,
  sooner,
  totalPriority,
} from '../core/routing.js'
import type { SignalSource } from '../core/signal.js'
import type { Surface } from '../core/subject.js'
import type { Taxonomy } from '../core/taxonomy.js'
import type { Executor } from '../storage/database.js'
import {
  findOpenCaseForSubject,
  findPriorityBasis,
  insertCaseIfNoneOpen,
  raiseCasePriority,
} from '../storage/repos/case-repo.js'
import { recordAudit } from './audit-log.js'

export interface CaseTrigger {
  subjectId: string
  harm: string | null
  source: SignalSource
  /** Where the content is seen; routes may send a surface to its own queue. */
  surface?: Surface | undefined
  /** Views and followers as the platform counts them (Ofcom ICU C5). */
  reach?: Reach | undefined
  /** What live rules ask for; it can make the case more urgent, never less. */
  override?: { queue?: string; priority?: number }
}

/** What routing needs: the taxonomy for severity, the policy for queues and trust. */
export interface RoutingContext {
  taxonomy: Taxonomy
  policy: Policy
}

/**
 * Opens a case for the subject or joins its open one, so duplicate reports land in one case.
 * A more urgent trigger raises the open case's priority, queue and deadlines.
 */
export async function openOrJoinCase(
  tx: Executor,
  ctx: RoutingContext,
  actor: Actor,
  at: Date,
  trigger: CaseTrigger,
): Promise<{ case: ModerationCase; opened: boolean }> {
  const policy = ctx.policy.queues
  const routing = withOverride(policy, routeCase(ctx.taxonomy, policy, trigger), trigger.override)
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const open = await findOpenCaseForSubject(tx, trigger.subjectId)
    if (open) {
      const escalated = await escalateIfMoreUrgent(tx, ctx, actor, open, routing, at)
      return { case: escalated, opened: false }
    }
    const fresh = freshCase(trigger, routing, at)
    if (await insertCaseIfNoneOpen(tx, fresh, routing.basis)) {
      await auditOpened(tx, actor, at, fresh, routing.basis)
      return { case: fresh, opened: true }
    }
  }
  throw new Error(`could not open or find the open case of subject ${trigger.subjectId}`)
}

function freshCase(trigger: CaseTrigger, routing: Routing, at: Date): ModerationCase {
  return {
    id: crypto.randomUUID(),
    subjectId: trigger.subjectId,
    kind: 'content',
    status: 'open',
    queue: routing.queue.id,
    priority: routing.priority,
    harm: trigger.harm,
    slaDeadline: slaDeadline(at, routing.queue),
    assignee: null,
    claimedUntil: null,
    legalDeadline: legalDeadline(at, routing.queue),
    escalation: null,
    decidedAt: null,
    createdAt: at,
    updatedAt: at,
  }
}

async function auditOpened(
  tx: Executor,
  actor: Actor,
  at: Date,
  c: ModerationCase,
  basis: PriorityBasis,
): Promise<void> {
  await recordAudit(tx, actor, at, [
    {
      action: 'case.opened',
      entityType: 'case',
      entityId: c.id,
      data: {
        subjectId: c.subjectId,
        queue: c.queue,
        priority: c.priority,
        harm: c.harm,
        basis: { ...basis },
        slaDeadline: c.slaDeadline.toISOString(),
        legalDeadline: c.legalDeadline?.toISOString() ?? null,
      },
    },
  ])
}

/**
 * A rule's queue and priority apply only where they are more urgent than the harm's routing.
 * @NOTE Severity routing carries legal duties (a CSEA case stays with child safety), so a rule
 * may escalate a case but never demote it.
 */
function withOverride(
  policy: Policy['queues'],
  routing: Routing,
  override: CaseTrigger['override'],
): Routing {
  if (!override) return routing
  const queueId = override.queue
    ? moreUrgentQueue(routing.queue.id, override.queue, policy.definitions)
    : routing.queue.id
  const queue = findQueue(policy, queueId) ?? routing.queue
  const basis = { ...routing.basis, ruleFloor: override.priority ?? null }
  return { queue, priority: totalPriority(basis), basis }
}

/**
 * Raises each part of the open case that the new trigger makes more urgent: priority (keeping
 * any escalation boost), queue (never one later in the list), and the SLA and legal deadlines
 * (never later). Leaves the case untouched when nothing is more urgent.
 */
async function escalateIfMoreUrgent(
  tx: Executor,
  ctx: RoutingContext,
  actor: Actor,
  open: ModerationCase,
  routing: Routing,
  at: Date,
): Promise<ModerationCase> {
  const previous = await findPriorityBasis(tx, open.id)
  const boost = previous?.escalationBoost ?? 0
  const basis = { ...routing.basis, escalationBoost: boost }
  const priority = Math.max(open.priority, totalPriority(basis))
  const queue = moreUrgentQueue(open.queue, routing.queue.id, ctx.policy.queues.definitions)
  const legal = sooner(open.legalDeadline, legalDeadline(at, routing.queue))
  const sla = sooner(open.slaDeadline, sooner(slaDeadline(open.createdAt, routing.queue), legal))
  const changed =
    priority > open.priority ||
    queue !== open.queue ||
    (sla as Date) < open.slaDeadline ||
    legal?.getTime() !== open.legalDeadline?.getTime()
  if (!changed) return open
  const changes = {
    priority,
    queue,
    slaDeadline: sla as Date,
    legalDeadline: legal,
    ...(priority > open.priority ? { basis } : {}),
    at,
  }
  await raiseCasePriority(tx, open.id, changes)
  await auditEscalated(tx, actor, at, open.id, changes)
  const { basis: _basis, at: _at, ...applied } = changes
  return { ...open, ...applied, updatedAt: at }
}

async function auditEscalated(
  tx: Executor,
  actor: Actor,
  at: Date,
  caseId: string,
  changes: { priority: number; queue: string; slaDeadline: Date; legalDeadline: Date | null },
): Promise<void> {
  await recordAudit(tx, actor, at, [
    {
      action: 'case.escalated',
      entityType: 'case',
      entityId: caseId,
      data: {
        reason: 'a more urgent notice or signal joined the case',
        priority: changes.priority,
        queue: changes.queue,
        slaDeadline: changes.slaDeadline.toISOString(),
        legalDeadline: changes.legalDeadline?.toISOString() ?? null,
      },
    },
  ])
}

import type { ModerationCase } from '../core/moderation-case.js'
import type { Actor } from '../core/roles.js'
import {
  DEFAULT_QUEUES,
  moreUrgentQueue,
  type Routing,
  routeCase,
  slaDeadline,
} from '../core/routing.js'
import type { SignalSource } from '../core/signal.js'
import type { Taxonomy } from '../core/taxonomy.js'
import type { Executor } from '../storage/database.js'
import {
  findOpenCaseForSubject,
  insertCaseIfNoneOpen,
  raiseCasePriority,
} from '../storage/repos/case-repo.js'
import { recordAudit } from './audit-log.js'

export interface CaseTrigger {
  subjectId: string
  harm: string | null
  source: SignalSource
  /** What live rules ask for; it can make the case more urgent, never less. */
  override?: { queue?: string; priority?: number }
}

/**
 * Opens a case for the subject or joins its open one, so duplicate reports land in one case.
 * A more urgent trigger raises the open case's priority, queue and deadline.
 */
export async function openOrJoinCase(
  tx: Executor,
  taxonomy: Taxonomy,
  actor: Actor,
  at: Date,
  trigger: CaseTrigger,
): Promise<{ case: ModerationCase; opened: boolean }> {
  const routing = withOverride(routeCase(taxonomy, trigger), trigger.override)
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const open = await findOpenCaseForSubject(tx, trigger.subjectId)
    if (open) {
      return { case: await escalateIfMoreUrgent(tx, actor, open, routing, at), opened: false }
    }
    const fresh: ModerationCase = {
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
      legalDeadline: null,
      escalation: null,
      decidedAt: null,
      createdAt: at,
      updatedAt: at,
    }
    if (await insertCaseIfNoneOpen(tx, fresh)) {
      await recordAudit(tx, actor, at, [
        {
          action: 'case.opened',
          entityType: 'case',
          entityId: fresh.id,
          data: {
            subjectId: fresh.subjectId,
            queue: fresh.queue,
            priority: fresh.priority,
            harm: fresh.harm,
          },
        },
      ])
      return { case: fresh, opened: true }
    }
  }
  throw new Error(`could not open or find the open case of subject ${trigger.subjectId}`)
}

/**
 * A rule's queue and priority apply only where they are more urgent than the harm's routing.
 * @NOTE Severity routing carries legal duties (a CSEA case stays with child safety), so a rule
 * may escalate a case but never demote it.
 */
function withOverride(routing: Routing, override: CaseTrigger['override']): Routing {
  if (!override) return routing
  const queueId = override.queue ? moreUrgentQueue(routing.queue.id, override.queue) : undefined
  const queue = DEFAULT_QUEUES.find((q) => q.id === queueId) ?? routing.queue
  const priority = Math.max(routing.priority, override.priority ?? 0)
  return { queue, priority }
}

async function escalateIfMoreUrgent(
  tx: Executor,
  actor: Actor,
  open: ModerationCase,
  routing: ReturnType<typeof routeCase>,
  at: Date,
): Promise<ModerationCase> {
  if (routing.priority <= open.priority) return open
  const deadline = slaDeadline(open.createdAt, routing.queue)
  const sooner = new Date(Math.min(deadline.getTime(), open.slaDeadline.getTime()))
  // @NOTE A case never leaves a more urgent queue: a CSEA case stays with child safety.
  const queue = moreUrgentQueue(open.queue, routing.queue.id)
  const changes = { priority: routing.priority, slaDeadline: sooner, queue, at }
  await raiseCasePriority(tx, open.id, changes)
  await recordAudit(tx, actor, at, [
    {
      action: 'case.escalated',
      entityType: 'case',
      entityId: open.id,
      data: { priority: changes.priority, queue: changes.queue, slaDeadline: sooner.toISOString() },
    },
  ])
  return { ...open, ...changes, updatedAt: at }
}

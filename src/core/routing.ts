import type { Escalation } from './moderation-case.js'
import {
  DEFAULT_QUEUE_DEFINITIONS,
  type QueueDefinition,
  type QueuePolicy,
  type QueueRoute,
} from './policy/queues.js'
import type { SignalSource } from './signal.js'
import type { Surface } from './subject.js'
import type { Taxonomy } from './taxonomy.js'

export type { QueueDefinition } from './policy/queues.js'

/** What the platform says about how far the content travels (Ofcom ICU C5: virality and reach). */
export interface Reach {
  views?: number | undefined
  followers?: number | undefined
}

export interface RoutingInput {
  harm: string | null
  source: SignalSource
  surface?: Surface | undefined
  reach?: Reach | undefined
}

/** Every part of a case's priority, so a moderator can see why it sits where it does. */
export interface PriorityBasis {
  harm: string | null
  /** 1–5 from the taxonomy; 2 when the harm is unknown or not given. */
  severity: number
  source: SignalSource
  trust: number
  /** The larger of views and followers the platform sent; 0 when it sent none. */
  reach: number
  reachFactor: number
  /** round(100 × severity × reachFactor × trust). */
  base: number
  /** A live rule asked for at least this priority. */
  ruleFloor: number | null
  /** Added by the escalation job as the deadline nears and passes. */
  escalationBoost: number
}

export interface Routing {
  queue: QueueDefinition
  /** max(base, ruleFloor) + escalationBoost. */
  priority: number
  basis: PriorityBasis
}

/** The queue from the policy's routes, the priority from severity × reach × source trust. */
export function routeCase(taxonomy: Taxonomy, policy: QueuePolicy, input: RoutingInput): Routing {
  const basis = priorityBasis(taxonomy, policy, input)
  return { queue: pickQueue(taxonomy, policy, input), priority: totalPriority(basis), basis }
}

export function priorityBasis(
  taxonomy: Taxonomy,
  policy: QueuePolicy,
  input: RoutingInput,
): PriorityBasis {
  const severity = input.harm ? (taxonomy.get(input.harm)?.severity ?? 2) : 2
  const trust = policy.priority.sourceTrust[input.source]
  const reach = reachOf(input.reach)
  const factor = reachFactor(policy, reach)
  return {
    harm: input.harm,
    severity,
    source: input.source,
    trust,
    reach,
    reachFactor: factor,
    base: Math.round(100 * severity * factor * trust),
    ruleFloor: null,
    escalationBoost: 0,
  }
}

export function totalPriority(basis: PriorityBasis): number {
  return Math.max(basis.base, basis.ruleFloor ?? 0) + basis.escalationBoost
}

export function reachOf(reach: Reach | undefined): number {
  return Math.max(0, reach?.views ?? 0, reach?.followers ?? 0)
}

/** 1 with no reach; grows by `reachPerTenfold` for every tenfold, up to `reachMaxFactor`. */
export function reachFactor(policy: QueuePolicy, reach: number): number {
  const { reachPerTenfold, reachMaxFactor } = policy.priority
  const factor = Math.min(reachMaxFactor, 1 + reachPerTenfold * Math.log10(1 + Math.max(0, reach)))
  return Math.round(factor * 1000) / 1000
}

/** The first route whose every condition holds, else the fallback. */
export function pickQueue(
  taxonomy: Taxonomy,
  policy: QueuePolicy,
  input: RoutingInput,
): QueueDefinition {
  const route = policy.routes.find((r) => routeMatches(taxonomy, r, input))
  const id = route?.queue ?? policy.fallback
  return findQueue(policy, id) ?? (policy.definitions[0] as QueueDefinition)
}

function routeMatches(taxonomy: Taxonomy, route: QueueRoute, input: RoutingInput): boolean {
  const { harm, source, surface } = input
  if (route.harms && !(harm && route.harms.some((h) => taxonomy.isUnder(harm, h)))) return false
  if (route.sources && !route.sources.includes(source)) return false
  if (route.surfaces && !(surface && route.surfaces.includes(surface))) return false
  return true
}

export function findQueue(policy: QueuePolicy, id: string): QueueDefinition | undefined {
  return policy.definitions.find((queue) => queue.id === id)
}

/**
 * The more urgent of two queues: the earlier in the definitions (child safety first). A queue the
 * policy does not define ranks last.
 */
export function moreUrgentQueue(
  a: string,
  b: string,
  definitions: readonly QueueDefinition[] = DEFAULT_QUEUE_DEFINITIONS,
): string {
  const rank = (id: string) => {
    const index = definitions.findIndex((queue) => queue.id === id)
    return index === -1 ? definitions.length : index
  }
  return rank(b) < rank(a) ? b : a
}

/** The SLA deadline: the queue's target from opening, never later than its legal deadline. */
export function slaDeadline(openedAt: Date, queue: QueueDefinition): Date {
  const target = new Date(openedAt.getTime() + queue.slaHours * 3_600_000)
  const legal = legalDeadline(openedAt, queue)
  return legal && legal < target ? legal : target
}

/** The deadline the law sets from the report, e.g. 48 hours for intimate images (OSA s.10(3A)). */
export function legalDeadline(reportedAt: Date, queue: QueueDefinition): Date | null {
  if (queue.legalDeadlineHours === undefined) return null
  return new Date(reportedAt.getTime() + queue.legalDeadlineHours * 3_600_000)
}

/** The earlier of two optional times. */
export function sooner(a: Date | null, b: Date | null): Date | null {
  if (!a) return b
  if (!b) return a
  return a <= b ? a : b
}

export interface DeadlineState {
  createdAt: Date
  slaDeadline: Date
  legalDeadline: Date | null
  escalation: Escalation | null
}

/** When a case counts as nearing its deadline: `nearingShare` of its SLA time is left. */
export function nearingAt(c: DeadlineState, nearingShare: number): Date {
  const span = c.slaDeadline.getTime() - c.createdAt.getTime()
  return new Date(c.slaDeadline.getTime() - Math.max(0, span) * nearingShare)
}

/** The escalation a case has reached at `now`, from its deadlines alone. */
export function deadlineStage(
  c: DeadlineState,
  now: Date,
  nearingShare: number,
): Escalation | null {
  const deadline = sooner(c.slaDeadline, c.legalDeadline) as Date
  if (deadline <= now) return 'overdue'
  if (nearingAt(c, nearingShare) <= now) return 'nearing'
  return null
}

/** The step the escalation job should take now: only forward, never back. */
export function nextEscalation(
  c: DeadlineState,
  now: Date,
  nearingShare: number,
): Escalation | null {
  const stage = deadlineStage(c, now, nearingShare)
  if (stage === null || stage === c.escalation || c.escalation === 'overdue') return null
  return stage
}

/** What an escalation step adds to the priority. */
export function escalationBoost(policy: QueuePolicy, step: Escalation): number {
  return step === 'nearing' ? policy.priority.nearingBoost : policy.priority.overdueBoost
}

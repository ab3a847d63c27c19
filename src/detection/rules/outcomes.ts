import { moreUrgentQueue } from '../../core/routing.js'
import type { AutomaticAction } from '../../core/rule.js'
import type { SignalInput } from '../../core/signal.js'
import type { Verdict } from '../../core/subject.js'
import type { RuleOutcome } from './evaluate.js'

const STRICTNESS: Record<Verdict, number> = { allow: 0, review: 1, hold: 2, block: 3 }

/** The signal a matched rule adds: only rules with a verdict add one. */
export function outcomeSignal(outcome: RuleOutcome): SignalInput | undefined {
  const { verdict, harm } = outcome.effect
  if (!verdict || !harm) return undefined
  return {
    source: 'rule',
    harm,
    score: 1,
    action: verdict,
    matcher: `rule:${outcome.ruleName}`,
    evidence: { ruleId: outcome.ruleId, rule: outcome.ruleName, version: outcome.version },
  }
}

export function outcomeSignals(outcomes: readonly RuleOutcome[]): SignalInput[] {
  return outcomes.flatMap((o) => outcomeSignal(o) ?? [])
}

export interface RoutingOverride {
  queue?: string
  priority?: number
}

/** What live rules ask of the case: the most urgent queue and the highest priority named. */
export function routingOverride(outcomes: readonly RuleOutcome[]): RoutingOverride | undefined {
  let queue: string | undefined
  let priority: number | undefined
  for (const { effect } of outcomes) {
    if (effect.queue) queue = queue ? moreUrgentQueue(queue, effect.queue) : effect.queue
    if (effect.priority !== undefined) priority = Math.max(priority ?? 0, effect.priority)
  }
  if (queue === undefined && priority === undefined) return undefined
  return { ...(queue ? { queue } : {}), ...(priority !== undefined ? { priority } : {}) }
}

export type ActingOutcome = RuleOutcome & { effect: { action: AutomaticAction; harm: string } }

/**
 * The one live rule whose automatic action is taken: the strictest verdict, then the first name.
 * One decision per subject, since a decision closes its case.
 */
export function actingOutcome(outcomes: readonly RuleOutcome[]): ActingOutcome | undefined {
  const acting = outcomes.filter((o): o is ActingOutcome =>
    Boolean(o.effect.action && o.effect.harm),
  )
  const rank = (o: RuleOutcome) => STRICTNESS[o.effect.verdict ?? 'allow']
  acting.sort((a, b) => rank(b) - rank(a) || a.ruleName.localeCompare(b.ruleName))
  return acting[0]
}

import type { Decision } from '../core/decision.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import type { ServiceContext } from './service-context.js'

/** Something that follows from a decision, done in the decision's own transaction. */
export type DecisionEffect = (
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
) => Promise<void>

/**
 * What every recorded decision sets off, in order: messages to reporters and the author,
 * strikes, re-upload prevention, copies of intimate images. Each effect is one line here.
 */
const EFFECTS: DecisionEffect[] = []

export async function applyDecisionEffects(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
): Promise<void> {
  for (const effect of EFFECTS) await effect(tx, ctx, decision, subject)
}

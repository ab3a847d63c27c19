import type { Decision } from '../core/decision.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { draftReportsForDecision } from './csea-reports/draft.js'
import { preserveOnDecision } from './evidence-preserve.js'
import { notifyReportersOfOutcome } from './report-outcome.js'
import { assessNotices } from './reporter-misuse.js'
import { banRemovedMedia } from './reupload-ban.js'
import { sendStatementOfReasons } from './send-statement.js'
import type { ServiceContext } from './service-context.js'
import { recordStrikes } from './strikes.js'

/** Something that follows from a decision, done in the decision's own transaction. */
export type DecisionEffect = (
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
) => Promise<void>

/**
 * What every recorded decision sets off, in order: messages to reporters and the author,
 * strikes, re-upload prevention, evidence preservation. Each effect is one line here. Copies of a removed intimate image
 * are taken down after these by record-decision.ts (they are decisions themselves).
 */
const EFFECTS: DecisionEffect[] = [
  notifyReportersOfOutcome,
  sendStatementOfReasons,
  recordStrikes,
  assessNotices,
  banRemovedMedia,
  preserveOnDecision,
  draftReportsForDecision,
]

export async function applyDecisionEffects(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
): Promise<void> {
  for (const effect of EFFECTS) await effect(tx, ctx, decision, subject)
}

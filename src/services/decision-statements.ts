import {
  type Decision,
  type DecisionInput,
  decisionSourceOf,
  isRestrictive,
} from '../core/decision.js'
import { AppError, InvalidInputError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import {
  asStatementOfReasons,
  buildStatementOfReasons,
  type StatementOfReasons,
} from '../core/statement-of-reasons.js'
import { findCase } from '../storage/repos/case-repo.js'
import { findDecision, listNoticeOrigins } from '../storage/repos/decision-repo.js'
import { findSubject } from '../storage/repos/subject-repo.js'
import type { ServiceContext } from './service-context.js'
import { assertKnownHarm } from './validate-harm.js'

export async function getDecisionOrThrow(ctx: ServiceContext, id: string): Promise<Decision> {
  const decision = await findDecision(ctx.db, id)
  if (!decision) throw new NotFoundError('decision', id)
  return decision
}

/** The statement of reasons stored with a decision; 404 when the decision restricted nothing. */
export async function getStatementOrThrow(
  ctx: ServiceContext,
  id: string,
): Promise<StatementOfReasons> {
  const decision = await getDecisionOrThrow(ctx, id)
  const statement = asStatementOfReasons(decision.statementOfReasons)
  if (statement) return statement
  const why = decision.reversesDecisionId
    ? `it reverses decision ${decision.reversesDecisionId} and restricts nothing`
    : 'it restricted nothing, so none is owed'
  throw new AppError('not_found', `decision ${id} has no statement of reasons: ${why}`, {
    details: { entity: 'statement_of_reasons', id },
  })
}

/**
 * The statement of reasons a decision on the case would carry, built without recording anything,
 * so a moderator can read what the author will be told before deciding.
 */
export async function previewStatement(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  input: DecisionInput,
): Promise<StatementOfReasons> {
  assertKnownHarm(ctx.taxonomy, input.harm)
  if (!isRestrictive(input.actions)) {
    throw new InvalidInputError('no statement of reasons is owed: the actions restrict nothing', {
      field: 'actions',
    })
  }
  const found = await findCase(ctx.db, caseId)
  if (!found) throw new NotFoundError('case', caseId)
  const subject = await findSubject(ctx.db, found.subjectId)
  if (!subject) throw new NotFoundError('subject', found.subjectId)
  const sourceType = decisionSourceOf(await listNoticeOrigins(ctx.db, caseId))
  return buildStatementOfReasons({
    decision: {
      id: 'preview',
      caseId,
      subjectId: subject.id,
      ...input,
      decidedBy: actor.id,
      decidedByName: actor.name,
      sourceType,
      statementOfReasons: null,
      reversesDecisionId: null,
      appealId: null,
      createdAt: ctx.clock.now(),
    },
    subject,
    harm: ctx.taxonomy.get(input.harm),
    appealWindowDays: ctx.policy.appeals.windowDays,
  })
}

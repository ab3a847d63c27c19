import type { ActionType, Decision } from '../core/decision.js'
import { SYSTEM_ACTOR } from '../core/roles.js'
import { asStatementOfReasons } from '../core/statement-of-reasons.js'
import { renderReversalText, statementSubjectLine } from '../core/statement-text.js'
import { accountOf, type Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { authorAppealLine } from './appeal-tokens.js'
import { recordAudit } from './audit-log.js'
import { notify } from './notify.js'
import type { ServiceContext } from './service-context.js'

/**
 * A decision effect: sends the author the statement of reasons of a restriction (DSA Art. 17),
 * or, for a reversal, a plain-words message that it was undone. Sent even to authors who opted
 * out of follow-up messages: a statement of reasons is owed, not a courtesy. Without a known
 * author nothing is sent; the statement stays on the decision for the platform to show.
 */
export async function sendStatementOfReasons(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
): Promise<void> {
  // @NOTE Who is told about a decision on this subject: its author, or the account itself.
  const recipientId = subject ? accountOf(subject) : null
  if (!subject || !recipientId) return
  const message = messageFor(decision, subject)
  if (!message) return
  const appealLine = decision.reversesDecisionId
    ? undefined
    : await authorAppealLine(tx, ctx.policy, decision, decision.createdAt)
  const notification = await notify(tx, ctx, {
    kind: 'statement_of_reasons',
    recipientRole: 'author',
    recipientId,
    recipientEmail: null,
    decisionId: decision.id,
    ...message,
    ...(appealLine ? { body: `${message.body}\n\n${appealLine}` } : {}),
    followUp: true,
  })
  await recordAudit(tx, SYSTEM_ACTOR, notification.createdAt, [
    {
      action: 'statement.sent',
      entityType: 'decision',
      entityId: decision.id,
      data: { notificationId: notification.id, recipientRole: 'author', recipientId },
    },
  ])
}

function messageFor(
  decision: Decision,
  subject: Subject,
): { subjectLine: string; body: string } | undefined {
  if (decision.reversesDecisionId) {
    return renderReversalText({
      decisionId: decision.id,
      reversesDecisionId: decision.reversesDecisionId,
      kind: subject.kind,
      restores: decision.actions.flatMap((a): ActionType[] => (a.restores ? [a.restores] : [])),
      reasons: decision.statement,
    })
  }
  const statement = asStatementOfReasons(decision.statementOfReasons)
  if (!statement) return undefined
  return { subjectLine: statementSubjectLine(statement), body: statement.plainText }
}

import { appealClosesAt } from '../core/appeal.js'
import type { Decision } from '../core/decision.js'
import type { Policy } from '../core/policy.js'
import { type Report, recipientRoleOf } from '../core/report.js'
import { outcomeMessage, outcomeOf } from '../core/report-messages.js'
import { SYSTEM_ACTOR } from '../core/roles.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { listReportsForCase, setReportOutcome } from '../storage/repos/report-repo.js'
import { recordAudit } from './audit-log.js'
import { notify } from './notify.js'
import { publicLink } from './public-links.js'
import type { ServiceContext } from './service-context.js'

/** Where a reporter asks us to look again; absolute when the policy names the public URL. */
export function appealEntryLink(policy: Policy): string {
  // @NOTE Messages carry no token (only its hash is stored); the status page links to the
  // appeal form with the reporter's token.
  return publicLink(policy, '/appeal')
}

/** Records the decision's outcome on each report of its case, audited. */
async function recordOutcome(tx: Executor, decision: Decision, reports: Report[]): Promise<void> {
  const outcome = outcomeOf(decision)
  const at = decision.createdAt
  await setReportOutcome(tx, decision.caseId, { outcome, at, decisionId: decision.id })
  await recordAudit(
    tx,
    SYSTEM_ACTOR,
    at,
    reports.map((report) => ({
      action: 'report.outcome_recorded',
      entityType: 'report',
      entityId: report.id,
      data: { reference: report.reference, outcome, decisionId: decision.id },
    })),
  )
}

/**
 * A decision effect: records the outcome on every report of the decided case and tells each
 * reporter, in plain words, what was decided and how to ask for another look (Ofcom D5, DSA
 * Art. 16(5), Art. 20). A reporter who opted out (D6) or left no contact gets the message
 * recorded as suppressed, so their status page still shows it.
 */
export async function notifyReportersOfOutcome(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  _subject: Subject | undefined,
): Promise<void> {
  const reports = await listReportsForCase(tx, decision.caseId)
  if (reports.length === 0) return
  await recordOutcome(tx, decision, reports)
  const at = decision.createdAt
  const appealByDate = appealClosesAt(at, ctx.policy.appeals.windowDays)
  for (const report of reports) {
    const message = outcomeMessage({
      reference: report.reference,
      decision,
      decidedAt: at,
      appealByDate,
      appealLink: appealEntryLink(ctx.policy),
    })
    await notify(tx, ctx, {
      kind: 'report_outcome',
      recipientRole: recipientRoleOf(report.reporterKind),
      recipientId: report.reporterId,
      recipientEmail: report.reporterEmail,
      reportId: report.id,
      decisionId: decision.id,
      ...message,
      followUp: report.followUp && Boolean(report.reporterId || report.reporterEmail),
    })
  }
}

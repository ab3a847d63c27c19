import { type Report, reportStatus } from '../../../core/report.js'
import type { ReportStatusView } from '../../../services/report-status.js'

/** A notice as a flagger or the platform reads it; the reporter's contact details stay out. */
export function presentReportSummary(report: Report) {
  return {
    reference: report.reference,
    reportId: report.id,
    caseId: report.caseId,
    status: reportStatus(report),
    harm: report.harm,
    channel: report.channel,
    reporterKind: report.reporterKind,
    flaggerId: report.flaggerId,
    contentUrls: report.contentUrls,
    followUp: report.followUp,
    receivedAt: report.createdAt.toISOString(),
    outcome:
      report.outcome && report.outcomeAt && report.outcomeDecisionId
        ? {
            result: report.outcome,
            decidedAt: report.outcomeAt.toISOString(),
            decisionId: report.outcomeDecisionId,
          }
        : null,
  }
}

export function presentReportStatus(view: ReportStatusView) {
  const summary = presentReportSummary(view.report)
  const found = view.case
  return {
    ...summary,
    explanation: view.report.explanation,
    queue: view.queueLabel ?? found?.queue ?? null,
    expectedDecisionBy: found?.slaDeadline.toISOString() ?? null,
    legalDeadline: found?.legalDeadline?.toISOString() ?? null,
    outcome: summary.outcome
      ? { ...summary.outcome, actions: view.decision?.actions.map((a) => a.type) ?? [] }
      : null,
    messages: view.notifications.map((n) => ({
      kind: n.kind,
      subjectLine: n.subjectLine,
      body: n.body,
      status: n.status,
      createdAt: n.createdAt.toISOString(),
    })),
  }
}

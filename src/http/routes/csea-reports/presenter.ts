import type { ChildAbuseReport } from '../../../core/csea-report.js'
import { NCA_DECLARATION_TEXT } from '../../../core/nca-report.js'
import type { CseaReportSummary, CseaReportView } from '../../../services/csea-reports/review.js'

const iso = (date: Date | null) => date?.toISOString() ?? null

export function presentSummary({ report, overdue }: CseaReportSummary) {
  return {
    id: report.id,
    caseId: report.caseId,
    decisionId: report.decisionId,
    channel: report.channel,
    priority: report.priority,
    status: report.status,
    dueAt: report.dueAt.toISOString(),
    overdue,
    externalReference: report.externalReference,
    duplicateOf: report.duplicateOf,
    overrideReason: report.overrideReason,
    createdBy: report.createdBy,
    createdAt: report.createdAt.toISOString(),
    approvedBy: report.approvedBy,
    approvedAt: iso(report.approvedAt),
    sentBy: report.sentBy,
    sentAt: iso(report.sentAt),
    attempts: report.attempts,
    lastError: report.lastError,
    retrying: report.retrying,
    referenceRetainUntil: iso(report.referenceRetainUntil),
  }
}

export function presentView(view: CseaReportView) {
  return {
    ...presentSummary(view),
    duplicate: view.duplicate ? presentDuplicate(view.duplicate) : null,
    missing: view.missing,
    declarationText: view.report.channel === 'nca' ? NCA_DECLARATION_TEXT : null,
    payload: view.report.payload,
  }
}

function presentDuplicate(report: ChildAbuseReport) {
  const { id, channel, status, externalReference } = report
  return { id, channel, status, externalReference }
}

import type { ModerationCase } from '../../../core/moderation-case.js'
import type { CaseView } from '../../../services/case-view.js'

export function presentCase(c: ModerationCase, now: Date) {
  return {
    ...c,
    slaRemainingSeconds: Math.round((c.slaDeadline.getTime() - now.getTime()) / 1000),
    overdue: c.status === 'open' && c.slaDeadline < now,
  }
}

export function presentCaseView(view: CaseView, now: Date) {
  return {
    ...presentCase(view.case, now),
    subject: view.subject,
    signals: view.signals,
    reports: view.reports.map(({ reporterEmail, reporterName, ...report }) => ({
      ...report,
      reporterContactGiven: Boolean(reporterEmail || reporterName),
    })),
    decisions: view.decisions,
    history: view.history.map((entry) => ({
      at: entry.occurredAt,
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: entry.data,
      sealed: entry.chainSeq !== null,
    })),
  }
}

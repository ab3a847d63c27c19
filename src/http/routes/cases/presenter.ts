import type { ModerationCase } from '../../../core/moderation-case.js'
import type { PriorityBasis } from '../../../core/routing.js'
import type { CaseView } from '../../../services/case-view.js'

export function presentCase(c: ModerationCase, now: Date) {
  const deadline =
    c.legalDeadline && c.legalDeadline < c.slaDeadline ? c.legalDeadline : c.slaDeadline
  return {
    ...c,
    slaRemainingSeconds: Math.round((c.slaDeadline.getTime() - now.getTime()) / 1000),
    overdue: c.status === 'open' && deadline < now,
    claimed: c.assignee !== null && c.claimedUntil !== null && c.claimedUntil > now,
  }
}

/** The priority with its parts, so a moderator can see why the case sits where it does. */
export function presentPriority(priority: number, basis: PriorityBasis | null) {
  return {
    value: priority,
    formula: 'max(round(100 × severity × reachFactor × trust), ruleFloor) + escalationBoost',
    parts: basis,
  }
}

export function presentCaseView(view: CaseView, now: Date, basis: PriorityBasis | null = null) {
  return {
    ...presentCase(view.case, now),
    priorityBreakdown: presentPriority(view.case.priority, basis),
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

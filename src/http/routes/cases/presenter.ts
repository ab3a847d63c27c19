import type { Decision } from '../../../core/decision.js'
import { mayOpenMedia } from '../../../core/media-access.js'
import type { ModerationCase } from '../../../core/moderation-case.js'
import type { Actor } from '../../../core/roles.js'
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

/** The case view for `actor`: media they may not open is marked withheld, without its URL. */
export function presentCaseView(
  view: CaseView,
  now: Date,
  basis: PriorityBasis | null,
  actor: Pick<Actor, 'id' | 'consoleRole'>,
) {
  return {
    ...presentCase(view.case, now),
    priorityBreakdown: presentPriority(view.case.priority, basis),
    subject: presentSubject(view, actor),
    signals: view.signals,
    reports: view.reports.map(({ reporterEmail, reporterName, ...report }) => ({
      ...report,
      reporterContactGiven: Boolean(reporterEmail || reporterName),
    })),
    decisions: view.decisions.map(presentDecision),
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

function presentSubject(view: CaseView, actor: Pick<Actor, 'id' | 'consoleRole'>) {
  const harms = [
    view.case.harm,
    ...view.reports.map((r) => r.harm),
    ...view.signals.map((s) => s.harm),
  ]
  const open = mayOpenMedia(actor, harms)
  const media = view.subject.media.map(({ sourceUrl, ...item }) =>
    open
      ? { ...item, ...(sourceUrl === undefined ? {} : { sourceUrl }) }
      : { ...item, withheld: 'csea' as const },
  )
  return { ...view.subject, media }
}

/** A decision as the API shows it: `judgement` is null when none was recorded. */
export function presentDecision(decision: Decision) {
  return { ...decision, judgement: decision.judgement ?? null }
}

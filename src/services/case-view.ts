import type { Decision } from '../core/decision.js'
import { NotFoundError } from '../core/errors.js'
import type { CaseListQuery, ModerationCase } from '../core/moderation-case.js'
import type { Report } from '../core/report.js'
import type { Signal } from '../core/signal.js'
import type { Subject } from '../core/subject.js'
import type { Db } from '../storage/database.js'
import { type AuditEntry, listEntriesFor } from '../storage/repos/audit-repo.js'
import { findCase, listCases } from '../storage/repos/case-repo.js'
import { listDecisionsForCase } from '../storage/repos/decision-repo.js'
import { listReportsForCase } from '../storage/repos/report-repo.js'
import { listSignalsForSubject } from '../storage/repos/signal-repo.js'
import { anySubjectExists, findSubject } from '../storage/repos/subject-repo.js'

export interface CaseView {
  case: ModerationCase
  subject: Subject
  signals: Signal[]
  reports: Report[]
  decisions: Decision[]
  history: AuditEntry[]
}

export async function getCaseView(db: Db, id: string): Promise<CaseView> {
  const found = await findCase(db, id)
  if (!found) throw new NotFoundError('case', id)
  const [subject, signals, reports, decisions] = await Promise.all([
    findSubject(db, found.subjectId),
    listSignalsForSubject(db, found.subjectId),
    listReportsForCase(db, id),
    listDecisionsForCase(db, id),
  ])
  if (!subject) throw new NotFoundError('subject', found.subjectId)
  const history = await listEntriesFor(db, [
    { type: 'case', id },
    { type: 'subject', id: subject.id },
    ...reports.map((r) => ({ type: 'report', id: r.id })),
    ...decisions.map((d) => ({ type: 'decision', id: d.id })),
  ])
  return { case: found, subject, signals, reports, decisions, history }
}

export function listCaseQueue(db: Db, query: CaseListQuery) {
  return listCases(db, query)
}

/** True once any content or report has been recorded (an empty install has none). */
export function hasAnySubject(db: Db): Promise<boolean> {
  return anySubjectExists(db)
}

import type { Appeal, AppealListQuery } from '../core/appeal.js'
import type { Decision } from '../core/decision.js'
import { NotFoundError } from '../core/errors.js'
import type { ModerationCase } from '../core/moderation-case.js'
import type { Notification } from '../core/notification.js'
import type { Db } from '../storage/database.js'
import {
  findAppeal,
  findAppealByReference,
  findAppealCaseDeadlines,
  listAppeals,
} from '../storage/repos/appeal-repo.js'
import { findCase } from '../storage/repos/case-repo.js'
import { findDecision } from '../storage/repos/decision-repo.js'
import { listNotificationsFor } from '../storage/repos/notification-repo.js'
import { tokenMatches } from './secret-token.js'

export interface AppealView {
  appeal: Appeal
  /** The decision under appeal, if the appeal is against one. */
  decision: Decision | null
  case: ModerationCase | null
  notifications: Notification[]
}

/** Appeals, expedited first, each with its case's deadlines (the queue's target, and the law's). */
export async function listAppealQueue(db: Db, query: AppealListQuery) {
  const { appeals, total } = await listAppeals(db, query)
  const caseIds = appeals.flatMap((a) => (a.caseId ? [a.caseId] : []))
  const deadlines = await findAppealCaseDeadlines(db, caseIds)
  const withDeadlines = appeals.map((appeal) => {
    const found = appeal.caseId ? deadlines.get(appeal.caseId) : undefined
    return {
      appeal,
      slaDeadline: found?.slaDeadline ?? null,
      legalDeadline: found?.legalDeadline ?? null,
    }
  })
  return { appeals: withDeadlines, total }
}

export async function getAppealView(db: Db, id: string): Promise<AppealView> {
  const appeal = await findAppeal(db, id)
  if (!appeal) throw new NotFoundError('appeal', id)
  const [decision, appealCase, notifications] = await Promise.all([
    appeal.decisionId ? findDecision(db, appeal.decisionId) : undefined,
    appeal.caseId ? findCase(db, appeal.caseId) : undefined,
    listNotificationsFor(db, { appealId: appeal.id }),
  ])
  return { appeal, decision: decision ?? null, case: appealCase ?? null, notifications }
}

/**
 * An appeal for its public status page: found only with its reference and the status token
 * given when it was filed; otherwise nothing is said about whether it exists.
 */
export async function findAppealWithToken(
  db: Db,
  reference: string,
  token: string | undefined,
): Promise<{ appeal: Appeal; case: ModerationCase | null } | undefined> {
  const found = await findAppealByReference(db, reference.toUpperCase())
  if (!found || !tokenMatches(token, found.tokenHash)) return undefined
  const appealCase = found.appeal.caseId ? await findCase(db, found.appeal.caseId) : undefined
  return { appeal: found.appeal, case: appealCase ?? null }
}

import { type Appeal, appealClosesAt, withinAppealWindow } from '../core/appeal.js'
import type { Decision } from '../core/decision.js'
import type { Notification } from '../core/notification.js'
import type { Db } from '../storage/database.js'
import { findAppealBy, findAppealTokenHash } from '../storage/repos/appeal-repo.js'
import { findDecision } from '../storage/repos/decision-repo.js'
import { listNotificationsFor } from '../storage/repos/notification-repo.js'
import { findReportWithTokenHash } from '../storage/repos/report-repo.js'
import { findAppealWithToken } from './appeal-view.js'
import type { AppealFiling } from './file-appeal.js'
import { tokenMatches } from './secret-token.js'
import type { ServiceContext } from './service-context.js'

/** How the public appeal page was reached: a reporter's status link or an author's appeal link. */
export type AppealLink =
  | { by: 'reporter'; reference: string; token: string }
  | { by: 'author'; decisionId: string; token: string }

export interface AppealPageState {
  link: AppealLink
  decision: Decision
  closesAt: Date
  /** False once the appeal window has closed. */
  open: boolean
  /** An appeal this person already made against the decision. */
  earlier: Appeal | undefined
}

export type AppealPageProblem = 'not_found' | 'not_decided'

/**
 * What the public appeal page needs before it shows the form: the decision the link is for,
 * proven by its token, and whether an appeal is still possible. Nothing is written.
 */
export async function appealPageState(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'policy'>,
  link: AppealLink,
): Promise<AppealPageState | AppealPageProblem> {
  const found = await linkedDecision(ctx.db, link)
  if (typeof found === 'string') return found
  const { decision, reportId } = found
  const windowDays = ctx.policy.appeals.windowDays
  const earlier = await findAppealBy(ctx.db, decision.id, {
    role: link.by,
    appellantId: null,
    reportId,
  })
  return {
    link,
    decision,
    closesAt: appealClosesAt(decision.createdAt, windowDays),
    open: withinAppealWindow(decision.createdAt, windowDays, ctx.clock.now()),
    earlier,
  }
}

async function linkedDecision(
  db: Db,
  link: AppealLink,
): Promise<{ decision: Decision; reportId: string | null } | AppealPageProblem> {
  if (link.by === 'author') {
    const decision = await findDecision(db, link.decisionId)
    if (!decision || !tokenMatches(link.token, await findAppealTokenHash(db, decision.id))) {
      return 'not_found'
    }
    return { decision, reportId: null }
  }
  const found = await findReportWithTokenHash(db, link.reference.toUpperCase())
  if (!found || !tokenMatches(link.token, found.statusTokenHash)) return 'not_found'
  const { report } = found
  if (!report.outcomeDecisionId) return 'not_decided'
  const decision = await findDecision(db, report.outcomeDecisionId)
  return decision ? { decision, reportId: report.id } : 'not_decided'
}

/** The filing for an appeal sent through the public page. */
export function filingFromPage(
  state: AppealPageState,
  answers: { grounds: string; email: string | undefined; followUp: boolean },
): AppealFiling {
  const { link } = state
  return {
    kind: 'decision',
    decisionId: state.decision.id,
    claim:
      link.by === 'author'
        ? { authorToken: link.token, email: answers.email }
        : { report: { reference: link.reference, token: link.token }, email: answers.email },
    grounds: answers.grounds,
    followUp: answers.followUp,
    channel: 'web',
  }
}

/** The appeal, its case and its messages for the public status page, with its token. */
export async function appealStatusView(
  db: Db,
  reference: string,
  token: string | undefined,
): Promise<
  | (NonNullable<Awaited<ReturnType<typeof findAppealWithToken>>> & {
      notifications: Notification[]
    })
  | undefined
> {
  const found = await findAppealWithToken(db, reference, token)
  if (!found) return undefined
  const notifications = await listNotificationsFor(db, { appealId: found.appeal.id })
  return { ...found, notifications }
}

import type { Decision } from '../core/decision.js'
import { NotFoundError } from '../core/errors.js'
import type { ModerationCase } from '../core/moderation-case.js'
import type { Notification } from '../core/notification.js'
import type { Report, ReportStatus } from '../core/report.js'
import type { Actor } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import { findCase } from '../storage/repos/case-repo.js'
import { findDecision } from '../storage/repos/decision-repo.js'
import { listNotificationsFor } from '../storage/repos/notification-repo.js'
import {
  findReportByReference,
  findReportWithTokenHash,
  listReports,
} from '../storage/repos/report-repo.js'
import { tokenMatches } from './secret-token.js'
import type { ServiceContext } from './service-context.js'

/** What a reporter or a flagger may see about one notice. */
export interface ReportStatusView {
  report: Report
  case: ModerationCase | undefined
  /** The label of the case's queue, from the policy. */
  queueLabel: string | undefined
  decision: Decision | undefined
  notifications: Notification[]
}

async function viewOf(
  db: Executor,
  ctx: Pick<ServiceContext, 'policy'>,
  report: Report,
): Promise<ReportStatusView> {
  const [found, notifications, decision] = await Promise.all([
    findCase(db, report.caseId),
    listNotificationsFor(db, { reportId: report.id }),
    report.outcomeDecisionId ? findDecision(db, report.outcomeDecisionId) : undefined,
  ])
  const queue = ctx.policy.queues.definitions.find((q) => q.id === found?.queue)
  return { report, case: found, queueLabel: queue?.label, decision, notifications }
}

/**
 * The report behind a private status link, or undefined when the reference is unknown or the
 * token does not match (the two look the same, so a guess learns nothing).
 */
export async function findReportByStatusToken(
  db: Executor,
  reference: string,
  token: string,
): Promise<Report | undefined> {
  const found = await findReportWithTokenHash(db, reference)
  if (!found || !tokenMatches(token, found.statusTokenHash)) return undefined
  return found.report
}

/** The status page's view of a report, reached with its private token. */
export async function getReportStatusByToken(
  ctx: Pick<ServiceContext, 'db' | 'policy'>,
  reference: string,
  token: string,
): Promise<ReportStatusView | undefined> {
  const report = await findReportByStatusToken(ctx.db, reference, token)
  return report ? viewOf(ctx.db, ctx, report) : undefined
}

/** Whether the actor may read this notice: staff any; a trusted flagger only its own. */
function mayRead(actor: Actor, report: Report): boolean {
  if (actor.role !== 'trusted_flagger') return true
  if (actor.flaggerId) return report.flaggerId === actor.flaggerId
  return report.filedBy === actor.id
}

/** One notice for the API; another flagger's notice is "not found", not "forbidden". */
export async function getReportForActor(
  ctx: Pick<ServiceContext, 'db' | 'policy'>,
  actor: Actor,
  reference: string,
): Promise<ReportStatusView> {
  const report = await findReportByReference(ctx.db, reference)
  if (!report || !mayRead(actor, report)) throw new NotFoundError('report', reference)
  return viewOf(ctx.db, ctx, report)
}

export interface ReportListQuery {
  status?: ReportStatus | undefined
  from?: Date | undefined
  to?: Date | undefined
  limit: number
  offset: number
}

/** Notices newest first; a trusted flagger sees only its own. */
export async function listReportsForActor(
  ctx: Pick<ServiceContext, 'db'>,
  actor: Actor,
  query: ReportListQuery,
): Promise<{ reports: Report[]; total: number }> {
  const own =
    actor.role !== 'trusted_flagger'
      ? {}
      : actor.flaggerId
        ? { flaggerId: actor.flaggerId }
        : { filedBy: actor.id }
  return listReports(ctx.db, { ...query, ...own })
}

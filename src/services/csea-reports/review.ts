import { type ChildAbuseReport, type CseaListQuery, isOverdue } from '../../core/csea-report.js'
import { NotFoundError } from '../../core/errors.js'
import {
  type MissingItem,
  missingScheduleOneItems,
  ncaReportSchema,
} from '../../core/nca-report.js'
import {
  findChildAbuseReport,
  listChildAbuseReports,
} from '../../storage/repos/child-abuse-report-repo.js'
import type { ServiceContext } from '../service-context.js'

export interface CseaReportSummary {
  report: ChildAbuseReport
  overdue: boolean
}

export interface CseaReportView extends CseaReportSummary {
  /** The report through the other channel this one duplicates, as it stands now. */
  duplicate: ChildAbuseReport | null
  /** Schedule 1 items the NCA report lacks, shown as "not available". */
  missing: MissingItem[]
}

type ReadContext = Pick<ServiceContext, 'db' | 'clock'>

/** Unsent reports first, soonest due first, each marked overdue when past its due time. */
export async function listCseaReports(
  ctx: ReadContext,
  query: CseaListQuery,
): Promise<{ reports: CseaReportSummary[]; total: number }> {
  const now = ctx.clock.now()
  const { reports, total } = await listChildAbuseReports(ctx.db, {
    ...(query.status ? { status: query.status } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.caseId ? { caseId: query.caseId } : {}),
    ...(query.overdue ? { dueBy: now } : {}),
    limit: query.limit,
    offset: query.offset,
  })
  return { reports: reports.map((report) => ({ report, overdue: isOverdue(report, now) })), total }
}

/** A report for review: what it says, what it lacks, and what it may duplicate. */
export async function getCseaReportView(ctx: ReadContext, id: string): Promise<CseaReportView> {
  const report = await findChildAbuseReport(ctx.db, id)
  if (!report) throw new NotFoundError('CSEA report', id)
  const duplicate = report.duplicateOf
    ? ((await findChildAbuseReport(ctx.db, report.duplicateOf)) ?? null)
    : null
  return {
    report,
    overdue: isOverdue(report, ctx.clock.now()),
    duplicate,
    missing: missingOf(report),
  }
}

export function missingOf(report: ChildAbuseReport): MissingItem[] {
  if (report.channel !== 'nca') return []
  const parsed = ncaReportSchema.safeParse(report.payload)
  return parsed.success ? missingScheduleOneItems(parsed.data) : []
}

import type { Decision } from '../core/decision.js'
import { ForbiddenError } from '../core/errors.js'
import {
  misuseStep,
  type NoticeAssessment,
  type ReporterRestriction,
  restrictionInForce,
  standingAfter,
} from '../core/misuse.js'
import type { Report } from '../core/report.js'
import { SYSTEM_ACTOR } from '../core/roles.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { listReportsForCase } from '../storage/repos/report-repo.js'
import {
  findReporterStanding,
  insertNoticeAssessments,
  lowerCasePriority,
  markReportDeprioritised,
  type NoticeAssessmentRecord,
  saveReporterStanding,
  tallyNotices,
} from '../storage/repos/reporter-standing-repo.js'
import { longDate } from './appeal-messages.js'
import { recordAudit } from './audit-log.js'
import { notify } from './notify.js'
import type { ServiceContext } from './service-context.js'

const DAY_MS = 86_400_000

type ReporterFields = Pick<Report, 'reporterId' | 'reporterEmail' | 'reporterAddress' | 'flaggerId'>

/**
 * The key a sender's notices are counted under (DSA Art. 23(2)): the trusted flagger, else the
 * reporter's account id, else their email, else the pseudonym of their address.
 */
export function reporterKeyOf(report: Partial<ReporterFields>): string | null {
  if (report.flaggerId) return `flagger:${report.flaggerId}`
  if (report.reporterId) return `id:${report.reporterId}`
  if (report.reporterEmail) return `email:${report.reporterEmail.toLowerCase()}`
  if (report.reporterAddress) return `address:${report.reporterAddress}`
  return null
}

/** The assessment a decision gave the notices of its case (decisionInput.noticeAssessment). */
function assessmentOf(decision: Decision): NoticeAssessment | null {
  return (decision as Decision & { noticeAssessment?: NoticeAssessment }).noticeAssessment ?? null
}

/**
 * A decision effect: records how the decision judged each notice of its case, once per notice,
 * and applies the misuse policy to each sender of a manifestly unfounded one: a warning first,
 * then their notices are deprioritised or refused for the policy's days.
 */
export async function assessNotices(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  _subject: Subject | undefined,
): Promise<void> {
  const reports = await listReportsForCase(tx, decision.caseId)
  const assessment = assessmentOf(decision)
  const at = decision.createdAt
  const records = assessmentRecords(reports, decision.id, assessment, at)
  const inserted = await insertNoticeAssessments(tx, records)
  if (inserted.length === 0) return
  await recordAudit(
    tx,
    SYSTEM_ACTOR,
    at,
    inserted.map((r) => ({
      action: 'notice.assessed',
      entityType: 'report',
      entityId: r.reportId,
      data: { decisionId: decision.id, assessment: r.assessment },
    })),
  )
  if (assessment !== 'manifestly_unfounded') return
  const byKey = new Map(inserted.map((r) => [r.reporterKey, r.reportId]))
  for (const [key, reportId] of byKey) {
    const report = reports.find((r) => r.id === reportId) as Report
    await applyMisusePolicy(tx, ctx, key, report, at)
  }
}

function assessmentRecords(
  reports: readonly Report[],
  decisionId: string,
  assessment: NoticeAssessment | null,
  assessedAt: Date,
): NoticeAssessmentRecord[] {
  return reports.flatMap((report) => {
    const reporterKey = reporterKeyOf(report)
    if (!reporterKey) return []
    return [
      {
        reportId: report.id,
        decisionId,
        reporterKey,
        assessment,
        noticeAt: report.createdAt,
        assessedAt,
      },
    ]
  })
}

async function applyMisusePolicy(
  tx: Executor,
  ctx: ServiceContext,
  reporterKey: string,
  contact: ReporterFields,
  at: Date,
): Promise<void> {
  const policy = ctx.policy.misuse
  const tally = await tallyNotices(
    tx,
    reporterKey,
    new Date(at.getTime() - policy.windowDays * DAY_MS),
  )
  const standing = await findReporterStanding(tx, reporterKey)
  const step = misuseStep(policy, tally, standing, at)
  if (!step) return
  const next = standingAfter(standing, step, reporterKey, at)
  await saveReporterStanding(tx, next)
  await recordAudit(tx, SYSTEM_ACTOR, at, [
    {
      action: step.kind === 'warning' ? 'reporter.warned' : 'reporter.restricted',
      entityType: 'reporter',
      entityId: reporterKey,
      data: {
        ...tally,
        ...(step.kind === 'restriction'
          ? { restriction: step.restriction, until: step.until.toISOString() }
          : {}),
      },
    },
  ])
  await notify(tx, ctx, {
    ...misuseMessage(step.kind === 'restriction' ? step : undefined, tally.manifestlyUnfounded),
    recipientRole: contact.flaggerId ? 'flagger' : 'reporter',
    recipientId: contact.flaggerId ?? contact.reporterId,
    recipientEmail: contact.reporterEmail,
    followUp: Boolean(contact.flaggerId || contact.reporterId || contact.reporterEmail),
  })
}

function misuseMessage(
  restricted: { restriction: ReporterRestriction; until: Date } | undefined,
  count: number,
) {
  const why = `${count} of the reports you sent us recently were clearly unfounded: nothing in them broke the law or our rules.`
  if (!restricted) {
    return {
      kind: 'reporter_warning' as const,
      subjectLine: 'A warning about your reports',
      body: [
        why,
        'Please only report things you believe break the law or our rules. If this goes on, we will deal with your reports more slowly, or stop taking them for a while.',
      ].join('\n\n'),
    }
  }
  const until = longDate(restricted.until)
  return {
    kind: 'reporter_restriction' as const,
    subjectLine: `We have limited your reports until ${until}`,
    body: [
      why,
      restricted.restriction === 'refuse'
        ? `We warned you before. Until ${until} we will not take reports from you.`
        : `We warned you before. Until ${until} we will look at your reports after everyone else's.`,
      'If you think this is wrong, you can complain to us.',
    ].join('\n\n'),
  }
}

/** The restriction in force on a sender of notices, if any (DSA Art. 23(2)). */
export async function reporterStanding(
  tx: Executor,
  ctx: Pick<ServiceContext, 'clock'>,
  reporterKey: string | null,
): Promise<{ restriction: ReporterRestriction; until: Date } | undefined> {
  if (!reporterKey) return undefined
  return restrictionInForce(await findReporterStanding(tx, reporterKey), ctx.clock.now())
}

/**
 * For the report intake: refuses a notice from a sender whose notices are refused for now, with
 * the date it ends; returns 'deprioritised' when their notices go to the back of the queue.
 */
export async function screenReporter(
  tx: Executor,
  ctx: Pick<ServiceContext, 'clock'>,
  reporter: Partial<ReporterFields>,
): Promise<'normal' | 'deprioritised'> {
  const standing = await reporterStanding(tx, ctx, reporterKeyOf(reporter))
  if (!standing) return 'normal'
  if (standing.restriction === 'deprioritise') return 'deprioritised'
  throw new ForbiddenError(
    `we are not taking reports from you until ${longDate(standing.until)}, because many of your recent reports were clearly unfounded (DSA Art. 23(2)); you can still complain about this`,
    { restrictedUntil: standing.until.toISOString(), restriction: standing.restriction },
  )
}

/**
 * Marks a deprioritised sender's notice (report.triage = 'deprioritised') and, when the notice
 * opened its case, gives the case the lowest priority. Audited.
 */
export async function deprioritiseNotice(
  tx: Executor,
  at: Date,
  notice: { reportId: string; caseId: string; openedCase: boolean },
): Promise<void> {
  await markReportDeprioritised(tx, notice.reportId)
  if (notice.openedCase) await lowerCasePriority(tx, notice.caseId, 0, at)
  await recordAudit(tx, SYSTEM_ACTOR, at, [
    {
      action: 'report.deprioritised',
      entityType: 'report',
      entityId: notice.reportId,
      data: { caseId: notice.caseId, casePriorityLowered: notice.openedCase },
    },
  ])
}

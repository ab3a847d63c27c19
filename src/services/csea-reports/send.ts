import { type ChildAbuseReport, referenceRetainUntil } from '../../core/csea-report.js'
import { ncaReportSchema } from '../../core/nca-report.js'
import { SYSTEM_ACTOR } from '../../core/roles.js'
import {
  type ChildAbuseReportPatch,
  findChildAbuseReport,
  updateChildAbuseReport,
} from '../../storage/repos/child-abuse-report-repo.js'
import { recordAudit } from '../audit-log.js'
import { sendNcmecDraft } from './send-ncmec.js'
import { CseaSendError, type CseaServiceContext } from './senders.js'

export interface SendAttempt {
  reportId: string
  /** The job's last try: a failure then waits for a person (POST …/send). */
  final: boolean
}

/** A send that failed and will be tried again; the job queue retries it with backoff. */
export class CseaSendFailed extends Error {
  override name = 'CseaSendFailed'
}

/**
 * Sends one approved (or failed) report through its channel, outside any transaction, then
 * stores the reference (kept five years) or the error, audited. Throws CseaSendFailed when the
 * failure is worth retrying and retries are left. A report already sent is left alone.
 */
export async function sendApprovedReport(
  ctx: CseaServiceContext,
  attempt: SendAttempt,
): Promise<void> {
  const report = await findChildAbuseReport(ctx.db, attempt.reportId)
  if (!report || (report.status !== 'approved' && report.status !== 'failed')) return
  let reference: string
  try {
    reference = await deliver(ctx, report)
  } catch (error) {
    const permanent = error instanceof CseaSendError && error.permanent
    const retrying = !permanent && !attempt.final
    await recordFailure(ctx, report, messageOf(error), retrying)
    if (retrying) throw new CseaSendFailed(messageOf(error))
    return
  }
  await recordSent(ctx, report, reference)
}

async function deliver(ctx: CseaServiceContext, report: ChildAbuseReport): Promise<string> {
  if (report.channel === 'ncmec') return sendNcmecDraft(ctx, report)
  if (!ctx.csea.nca) {
    throw new CseaSendError('no NCA endpoint is configured (VIGIL_NCA_URL)', { permanent: true })
  }
  const parsed = ncaReportSchema.safeParse(report.payload)
  if (!parsed.success) {
    throw new CseaSendError(`the stored NCA report is not valid: ${parsed.error.message}`, {
      permanent: true,
    })
  }
  return (await ctx.csea.nca.send(parsed.data)).reference
}

function recordSent(ctx: CseaServiceContext, report: ChildAbuseReport, reference: string) {
  const at = ctx.clock.now()
  return recordAttempt(
    ctx,
    report,
    at,
    {
      status: 'sent',
      external_reference: reference,
      sent_at: at,
      reference_retain_until: referenceRetainUntil(at),
      last_error: null,
      retrying: false,
    },
    { action: 'csea_report.sent', data: { reference, requestedBy: report.sentBy } },
  )
}

function recordFailure(
  ctx: CseaServiceContext,
  report: ChildAbuseReport,
  error: string,
  retrying: boolean,
) {
  const patch = { status: 'failed', last_error: error, retrying }
  const audit = { action: 'csea_report.failed', data: { error, retrying } }
  return recordAttempt(ctx, report, ctx.clock.now(), patch, audit)
}

/** Stores an attempt's outcome and audits it, unless the report left approved or failed meanwhile. */
async function recordAttempt(
  ctx: CseaServiceContext,
  report: ChildAbuseReport,
  at: Date,
  patch: ChildAbuseReportPatch,
  audit: { action: string; data: Record<string, unknown> },
): Promise<void> {
  const attempt = report.attempts + 1
  await ctx.db.transaction().execute(async (tx) => {
    const next = { ...patch, attempts: attempt, updated_at: at }
    if (!(await updateChildAbuseReport(tx, report.id, ['approved', 'failed'], next))) return
    await recordAudit(tx, SYSTEM_ACTOR, at, [
      {
        action: audit.action,
        entityType: 'csea_report',
        entityId: report.id,
        data: { caseId: report.caseId, channel: report.channel, attempt, ...audit.data },
      },
    ])
  })
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000)
}

import {
  type ChildAbuseReport,
  type CseaApproveInput,
  type CseaReportStatus,
  dueAtFor,
} from '../../core/csea-report.js'
import { ConflictError, ForbiddenError, NotFoundError } from '../../core/errors.js'
import { NCA_DECLARATION_TEXT } from '../../core/nca-report.js'
import type { Actor } from '../../core/roles.js'
import type { Executor } from '../../storage/database.js'
import {
  findChildAbuseReport,
  updateChildAbuseReport,
} from '../../storage/repos/child-abuse-report-repo.js'
import { findDecision } from '../../storage/repos/decision-repo.js'
import { recordAudit } from '../audit-log.js'
import { buildPayload } from './build-payload.js'
import { duplicateFor, overrideReasonFor } from './duplicates.js'
import { CSEA_SEND_JOB, CSEA_SEND_URGENT_JOB, type CseaServiceContext } from './senders.js'

/**
 * Approves a draft and queues its sending in the same transaction: the approver declares it
 * truthful (OSA s.69), may set its priority (P1 when a child is at imminent risk: due at once, and
 * sent before the others), and must give a reason to send an NCA report that duplicates an NCMEC
 * one. With the policy's four eyes, the approver is neither who drafted it nor who decided.
 */
export async function approveCseaReport(
  ctx: CseaServiceContext,
  actor: Actor,
  id: string,
  input: CseaApproveInput,
): Promise<ChildAbuseReport> {
  return ctx.db.transaction().execute(async (tx) => {
    const report = await lockedReport(tx, id, ['draft'], 'approved')
    await assertSecondPerson(tx, ctx, actor, report)
    assertCanSend(ctx, report)
    const approved = await approvedVersion(tx, ctx, actor, report, input)
    await updateChildAbuseReport(tx, id, ['draft'], {
      status: 'approved',
      priority: approved.priority,
      due_at: approved.dueAt,
      payload: JSON.stringify(approved.payload),
      duplicate_of: approved.duplicateOf,
      override_reason: approved.overrideReason,
      approved_by: actor.id,
      approved_at: approved.updatedAt,
      sent_by: actor.id,
      updated_at: approved.updatedAt,
    })
    await queueSending(tx, ctx, approved)
    await recordAudit(tx, actor, approved.updatedAt, [
      {
        action: 'csea_report.approved',
        entityType: 'csea_report',
        entityId: id,
        data: {
          ...{ caseId: report.caseId, channel: report.channel, priority: approved.priority },
          dueAt: approved.dueAt.toISOString(),
          ...{ duplicateOf: approved.duplicateOf, overrideReason: approved.overrideReason },
          declaration: report.channel === 'nca',
        },
      },
    ])
    return approved
  })
}

/** The report as approved: priority and due time, duplicate check, declaration, rebuilt. */
async function approvedVersion(
  tx: Executor,
  ctx: CseaServiceContext,
  actor: Actor,
  report: ChildAbuseReport,
  input: CseaApproveInput,
): Promise<ChildAbuseReport> {
  const at = ctx.clock.now()
  const priority = input.priority ?? report.priority
  const dueAt = dueAtFor(priority, report.createdAt, ctx.policy.cseaReporting.deadlineHours)
  const duplicate = await duplicateFor(tx, report)
  const overrideReason = overrideReasonFor(report, duplicate, input.duplicateOverride)
  const approved: ChildAbuseReport = {
    ...report,
    ...{ priority, dueAt, overrideReason, duplicateOf: duplicate?.id ?? null },
    ...{ status: 'approved', approvedBy: actor.id, approvedAt: at, sentBy: actor.id },
    updatedAt: at,
  }
  const declaration = {
    ...{ text: NCA_DECLARATION_TEXT, truthful: true as const },
    ...{ by: actor.id, byName: actor.name, at: at.toISOString() },
  }
  approved.payload = await buildPayload(tx, ctx, approved, declaration)
  return approved
}

/**
 * Sends a failed report again once the worker has given up on it (a permanent error, or no
 * retries left): back to approved and queued. Refused while the worker still retries it.
 */
export async function resendCseaReport(
  ctx: CseaServiceContext,
  actor: Actor,
  id: string,
  input: { duplicateOverride?: { reason: string } },
): Promise<ChildAbuseReport> {
  return ctx.db.transaction().execute(async (tx) => {
    const report = await lockedReport(tx, id, ['failed'], 'sent again')
    assertGivenUp(report)
    assertCanSend(ctx, report)
    const duplicate = await duplicateFor(tx, report)
    const overrideReason = overrideReasonFor(report, duplicate, input.duplicateOverride)
    const at = ctx.clock.now()
    const queued: ChildAbuseReport = {
      ...report,
      ...{ status: 'approved', sentBy: actor.id, updatedAt: at, overrideReason },
      duplicateOf: duplicate?.id ?? null,
    }
    await updateChildAbuseReport(tx, id, ['failed'], {
      ...{ status: 'approved', sent_by: actor.id, updated_at: at },
      ...{ duplicate_of: queued.duplicateOf, override_reason: overrideReason },
    })
    await queueSending(tx, ctx, queued)
    const data = { caseId: report.caseId, channel: report.channel, lastError: report.lastError }
    await recordAudit(tx, actor, at, [
      {
        action: 'csea_report.resent',
        entityType: 'csea_report',
        entityId: id,
        data: { ...data, overrideReason },
      },
    ])
    return queued
  })
}

function assertGivenUp(report: ChildAbuseReport): void {
  if (!report.retrying) return
  throw new ConflictError(
    `report ${report.id} failed (${report.lastError}) and the worker will try it again by itself; send it by hand only once it has given up`,
    { reason: 'retrying' },
  )
}

async function lockedReport(
  tx: Executor,
  id: string,
  from: readonly CseaReportStatus[],
  verb: string,
): Promise<ChildAbuseReport> {
  const report = await findChildAbuseReport(tx, id, { forUpdate: true })
  if (!report) throw new NotFoundError('CSEA report', id)
  if (!from.includes(report.status)) {
    throw new ConflictError(
      `report ${id} is ${report.status}; only a ${from.join(' or ')} report can be ${verb}`,
      { status: report.status },
    )
  }
  return report
}

async function assertSecondPerson(
  tx: Executor,
  ctx: CseaServiceContext,
  actor: Actor,
  report: ChildAbuseReport,
): Promise<void> {
  if (!ctx.policy.cseaReporting.fourEyes) return
  const decider = report.decisionId ? (await findDecision(tx, report.decisionId))?.decidedBy : null
  if (actor.id !== report.createdBy && actor.id !== decider) return
  throw new ForbiddenError(
    'a CSEA report is approved by a second person: you drafted it or made the decision behind it; ask another admin or child safety specialist (policy cseaReporting.fourEyes)',
    { reason: 'four_eyes' },
  )
}

/** Refuses to queue what cannot go anywhere: no endpoint, or (NCA) no registration. */
function assertCanSend(ctx: CseaServiceContext, report: ChildAbuseReport): void {
  if (report.channel === 'nca') {
    if (!ctx.csea.nca) {
      throw new ConflictError(
        'no NCA endpoint is configured (VIGIL_NCA_URL and VIGIL_NCA_TOKEN); file the report through the NCA portal meanwhile',
        { reason: 'not_configured', channel: 'nca' },
      )
    }
    if (!ctx.policy.cseaReporting.reporter.ncaRegistrationId) {
      throw new ConflictError(
        'the provider has no NCA registration in the policy (cseaReporting.reporter.ncaRegistrationId); the NCA asks providers to register before their first report',
        { reason: 'not_registered', channel: 'nca' },
      )
    }
  }
  if (report.channel === 'ncmec' && !ctx.csea.ncmec) {
    throw new ConflictError(
      'no NCMEC endpoint is configured (VIGIL_NCMEC_URL, VIGIL_NCMEC_USERNAME, VIGIL_NCMEC_PASSWORD)',
      { reason: 'not_configured', channel: 'ncmec' },
    )
  }
}

async function queueSending(
  tx: Executor,
  ctx: CseaServiceContext,
  report: ChildAbuseReport,
): Promise<void> {
  const queue = report.priority === 'P1' ? CSEA_SEND_URGENT_JOB : CSEA_SEND_JOB
  await ctx.jobs.send(tx, queue, { reportId: report.id })
}

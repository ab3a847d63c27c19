import type { ModerationCase } from '../core/moderation-case.js'
import {
  newReportReference,
  type Report,
  type ReportChannel,
  type ReporterKind,
  type ReportInput,
  recipientRoleOf,
} from '../core/report.js'
import { acknowledgementMessage } from '../core/report-messages.js'
import type { Actor } from '../core/roles.js'
import type { Signal, SignalSource } from '../core/signal.js'
import type { Executor } from '../storage/database.js'
import { insertReport } from '../storage/repos/report-repo.js'
import { insertSignals } from '../storage/repos/signal-repo.js'
import { ensureSubject, type SubjectUpsert } from '../storage/repos/subject-repo.js'
import { recordAudit } from './audit-log.js'
import { type IdempotencyClaim, onceForKey, type StoredResponse } from './idempotency.js'
import { notify } from './notify.js'
import { openOrJoinCase } from './open-case.js'
import { pseudonymFor } from './pseudonym.js'
import { enforceReportRateLimits } from './report-rate-limit.js'
import { deprioritiseNotice, screenReporter } from './reporter-misuse.js'
import { hashToken, newToken } from './secret-token.js'
import type { ServiceContext } from './service-context.js'
import { assertKnownHarm } from './validate-harm.js'

export interface ReportReceipt extends Record<string, unknown> {
  reference: string
  reportId: string
  caseId: string
  status: 'received'
  receivedAt: string
  /** The queue's label from the policy. */
  queue: string
  /** When a decision is due under the queue's target (Ofcom ICU D4 indicative timeframe). */
  expectedDecisionBy: string
  /** When the law requires action, e.g. 48 hours for intimate images (OSA s.10(3A)). */
  legalDeadline: string | null
  followUp: boolean
}

export interface FileReportOptions {
  claim?: IdempotencyClaim | undefined
  channel?: ReportChannel
  /** The client address Vigil saw (public page); API callers pass `reporter.address` instead. */
  address?: string | undefined
}

export interface FiledReport extends StoredResponse<ReportReceipt> {
  /** Public page only: the private status token; only its SHA-256 is stored. */
  statusToken?: string
}

const SOURCE_OF: Record<ReporterKind, SignalSource> = {
  user: 'user_report',
  non_user: 'user_report',
  trusted_flagger: 'trusted_flagger',
  authority: 'authority',
}

interface Filing extends ReportInput {
  reporterKind: ReporterKind
  channel: ReportChannel
  addressPseudonym: string | null
  statusTokenHash: string | null
}

/**
 * Files a notice: rate limits are counted first, the subject is recorded if new, and the notice
 * opens or joins its case. The reporter is acknowledged (Ofcom D4) when they gave an id or email.
 */
export async function fileReport(
  ctx: ServiceContext,
  actor: Actor,
  input: ReportInput,
  options: FileReportOptions = {},
): Promise<FiledReport> {
  assertKnownHarm(ctx.taxonomy, input.harm)
  const reporterKind = reporterKindOf(actor, input)
  const channel = options.channel ?? 'api'
  let statusToken: string | undefined
  const stored = await onceForKey<ReportReceipt>(ctx.db, options.claim, async (store) => {
    const address = options.address ?? input.reporter.address
    const addressPseudonym = address ? await pseudonymFor(ctx.db, ctx.clock, address) : null
    const identity = { ...input.reporter, kind: reporterKind, addressPseudonym }
    await enforceReportRateLimits(ctx, actor, identity)
    statusToken = channel === 'public_page' ? newToken(32) : undefined
    const statusTokenHash = statusToken ? hashToken(statusToken) : null
    const filing: Filing = { ...input, reporterKind, channel, addressPseudonym, statusTokenHash }
    const at = ctx.clock.now()
    const body = await ctx.db.transaction().execute(async (tx) => {
      const receipt = await recordReport(tx, ctx, actor, at, filing)
      await store(tx, 201, receipt, at)
      return receipt
    })
    return { statusCode: 201, body, replayed: false }
  })
  return statusToken && !stored.replayed ? { ...stored, statusToken } : stored
}

/** A registered flagger's key speaks with the kind it was registered as, whatever the body says. */
function reporterKindOf(actor: Actor, input: ReportInput): ReporterKind {
  if (actor.role !== 'trusted_flagger') return input.reporter.kind
  if (actor.flaggerKind) return actor.flaggerKind
  return input.reporter.kind === 'authority' ? 'authority' : 'trusted_flagger'
}

async function recordReport(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  at: Date,
  input: Filing,
): Promise<ReportReceipt> {
  const triage = await screenReporter(tx, ctx, {
    reporterId: input.reporter.id ?? null,
    reporterEmail: input.reporter.email ?? null,
    reporterAddress: input.addressPseudonym,
    flaggerId: actor.flaggerId ?? null,
  })
  const subject = await ensureSubject(tx, subjectFromReport(input, at))
  const source = SOURCE_OF[input.reporterKind]
  const trigger = {
    subjectId: subject.id,
    harm: input.harm,
    source,
    surface: input.subject.surface,
    reach: input.subject.reach,
  }
  const { case: opened, opened: openedCase } = await openOrJoinCase(tx, ctx, actor, at, trigger)
  const report = reportRecord(input, opened.id, subject.id, actor, at)
  await insertReport(tx, report, input.statusTokenHash)
  if (triage === 'deprioritised') {
    await deprioritiseNotice(tx, at, { reportId: report.id, caseId: opened.id, openedCase })
  }
  await insertSignals(tx, [reportSignal(report, source)])
  await auditFiled(tx, actor, at, report)
  await acknowledge(tx, ctx, report, opened)
  return receiptFor(ctx, report, opened, at)
}

async function auditFiled(tx: Executor, actor: Actor, at: Date, report: Report): Promise<void> {
  await recordAudit(tx, actor, at, [
    {
      action: 'report.filed',
      entityType: 'report',
      entityId: report.id,
      data: {
        reference: report.reference,
        caseId: report.caseId,
        harm: report.harm,
        reporterKind: report.reporterKind,
        channel: report.channel,
        followUp: report.followUp,
        flaggerId: report.flaggerId,
        declarations: report.declarations,
      },
    },
  ])
}

function receiptFor(
  ctx: ServiceContext,
  report: Report,
  opened: ModerationCase,
  at: Date,
): ReportReceipt {
  const queue = ctx.policy.queues.definitions.find((q) => q.id === opened.queue)
  return {
    reference: report.reference,
    reportId: report.id,
    caseId: opened.id,
    status: 'received',
    receivedAt: at.toISOString(),
    queue: queue?.label ?? opened.queue,
    expectedDecisionBy: opened.slaDeadline.toISOString(),
    legalDeadline: opened.legalDeadline?.toISOString() ?? null,
    followUp: report.followUp,
  }
}

/** The acknowledgement (Ofcom D4), owed when the reporter can be reached. */
async function acknowledge(
  tx: Executor,
  ctx: ServiceContext,
  report: Report,
  opened: ModerationCase,
): Promise<void> {
  if (!report.reporterId && !report.reporterEmail) return
  const message = acknowledgementMessage({
    reference: report.reference,
    expectedDecisionBy: opened.slaDeadline,
    legalDeadline: opened.legalDeadline,
  })
  await notify(tx, ctx, {
    kind: 'report_acknowledged',
    recipientRole: recipientRoleOf(report.reporterKind),
    recipientId: report.reporterId,
    recipientEmail: report.reporterEmail,
    reportId: report.id,
    ...message,
    followUp: report.followUp,
  })
}

function subjectFromReport(input: ReportInput, at: Date): SubjectUpsert {
  return {
    id: crypto.randomUUID(),
    externalId: input.subject.id,
    kind: input.subject.kind,
    surface: input.subject.surface,
    authorId: input.subject.author?.id ?? null,
    text: input.subject.text ?? null,
    url: input.subject.url ?? input.contentUrls[0] ?? null,
    media: [],
    metadata: {},
    verdict: null,
    at,
  }
}

function reportRecord(
  input: Filing,
  caseId: string,
  subjectId: string,
  actor: Actor,
  at: Date,
): Report {
  return {
    id: crypto.randomUUID(),
    reference: newReportReference(),
    caseId,
    subjectId,
    harm: input.harm,
    explanation: input.explanation,
    contentUrls: input.contentUrls,
    reporterKind: input.reporterKind,
    reporterId: input.reporter.id ?? null,
    reporterName: input.reporter.name ?? null,
    reporterEmail: input.reporter.email ?? null,
    reporterAddress: input.addressPseudonym,
    filedBy: actor.id,
    channel: input.channel,
    followUp: input.followUp ?? true,
    flaggerId: actor.flaggerId ?? null,
    declarations: input.declarations ?? null,
    triage: 'normal',
    outcome: null,
    outcomeAt: null,
    outcomeDecisionId: null,
    createdAt: at,
  }
}

function reportSignal(report: Report, source: SignalSource): Signal {
  return {
    id: crypto.randomUUID(),
    subjectId: report.subjectId,
    source,
    harm: report.harm,
    score: 1,
    action: 'review',
    matcher: 'report',
    evidence: { reportId: report.id, reference: report.reference },
    createdAt: report.createdAt,
  }
}

import {
  newReportReference,
  type Report,
  type ReporterKind,
  type ReportInput,
} from '../core/report.js'
import type { Actor } from '../core/roles.js'
import { DEFAULT_QUEUES } from '../core/routing.js'
import type { Signal, SignalSource } from '../core/signal.js'
import type { Executor } from '../storage/database.js'
import { insertReport } from '../storage/repos/report-repo.js'
import { insertSignals } from '../storage/repos/signal-repo.js'
import { ensureSubject, type SubjectUpsert } from '../storage/repos/subject-repo.js'
import { recordAudit } from './audit-log.js'
import { type IdempotencyClaim, onceForKey, type StoredResponse } from './idempotency.js'
import { openOrJoinCase } from './open-case.js'
import type { ServiceContext } from './service-context.js'
import { assertKnownHarm } from './validate-harm.js'

export interface ReportReceipt extends Record<string, unknown> {
  reference: string
  reportId: string
  caseId: string
  status: 'received'
  receivedAt: string
  queue: string
  /** When a decision is due under the queue's target (Ofcom ICU D4 indicative timeframe). */
  expectedDecisionBy: string
}

const SOURCE_OF: Record<ReporterKind, SignalSource> = {
  user: 'user_report',
  non_user: 'user_report',
  trusted_flagger: 'trusted_flagger',
  authority: 'authority',
}

/** Files a notice: the subject is recorded if new, and the notice opens or joins its case. */
export async function fileReport(
  ctx: ServiceContext,
  actor: Actor,
  input: ReportInput,
  claim?: IdempotencyClaim,
): Promise<StoredResponse<ReportReceipt>> {
  assertKnownHarm(ctx.taxonomy, input.harm)
  const reporterKind: ReporterKind =
    actor.role === 'trusted_flagger' ? 'trusted_flagger' : input.reporter.kind
  return onceForKey<ReportReceipt>(ctx.db, claim, async (store) => {
    const at = ctx.clock.now()
    const body = await ctx.db.transaction().execute(async (tx) => {
      const receipt = await recordReport(tx, ctx, actor, at, { ...input, reporterKind })
      await store(tx, 201, receipt, at)
      return receipt
    })
    return { statusCode: 201, body, replayed: false }
  })
}

async function recordReport(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  at: Date,
  input: ReportInput & { reporterKind: ReporterKind },
): Promise<ReportReceipt> {
  const subject = await ensureSubject(tx, subjectFromReport(input, at))
  const source = SOURCE_OF[input.reporterKind]
  const trigger = { subjectId: subject.id, harm: input.harm, source }
  const { case: opened } = await openOrJoinCase(tx, ctx.taxonomy, actor, at, trigger)
  const report = reportRecord(input, opened.id, subject.id, actor, at)
  await insertReport(tx, report)
  await insertSignals(tx, [reportSignal(report, source)])
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
      },
    },
  ])
  const queue = DEFAULT_QUEUES.find((q) => q.id === opened.queue)
  return {
    reference: report.reference,
    reportId: report.id,
    caseId: opened.id,
    status: 'received',
    receivedAt: at.toISOString(),
    queue: queue?.label ?? opened.queue,
    expectedDecisionBy: opened.slaDeadline.toISOString(),
  }
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
  input: ReportInput & { reporterKind: ReporterKind },
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
    filedBy: actor.id,
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

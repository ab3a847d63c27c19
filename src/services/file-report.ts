import {
  newReportReference,
  type Report,
  type ReporterKind,
  type ReportInput,
} from '../core/report.js'
import type { Actor } from '../core/roles.js'
import { DEFAULT_QUEUES } from '../core/routing.js'
import type { SignalSource } from '../core/signal.js'
import { insertReport } from '../storage/repos/report-repo.js'
import { insertSignals } from '../storage/repos/signal-repo.js'
import { upsertSubject } from '../storage/repos/subject-repo.js'
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
      const subject = await upsertSubject(
        tx,
        {
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
        },
        true,
      )
      const source = SOURCE_OF[reporterKind]
      const opened = await openOrJoinCase(tx, ctx.taxonomy, actor, at, {
        subjectId: subject.id,
        harm: input.harm,
        source,
      })
      const report: Report = {
        id: crypto.randomUUID(),
        reference: newReportReference(),
        caseId: opened.case.id,
        subjectId: subject.id,
        harm: input.harm,
        explanation: input.explanation,
        contentUrls: input.contentUrls,
        reporterKind,
        reporterId: input.reporter.id ?? null,
        reporterName: input.reporter.name ?? null,
        reporterEmail: input.reporter.email ?? null,
        filedBy: actor.id,
        createdAt: at,
      }
      await insertReport(tx, report)
      await insertSignals(tx, [
        {
          id: crypto.randomUUID(),
          subjectId: subject.id,
          source,
          harm: input.harm,
          score: 1,
          action: 'review',
          matcher: 'report',
          evidence: { reportId: report.id, reference: report.reference },
          createdAt: at,
        },
      ])
      await recordAudit(tx, actor, at, [
        {
          action: 'report.filed',
          entityType: 'report',
          entityId: report.id,
          data: {
            reference: report.reference,
            caseId: report.caseId,
            harm: report.harm,
            reporterKind,
          },
        },
      ])
      const queue = DEFAULT_QUEUES.find((q) => q.id === opened.case.queue)
      const receipt: ReportReceipt = {
        reference: report.reference,
        reportId: report.id,
        caseId: opened.case.id,
        status: 'received',
        receivedAt: at.toISOString(),
        queue: queue?.label ?? opened.case.queue,
        expectedDecisionBy: opened.case.slaDeadline.toISOString(),
      }
      await store(tx, 201, receipt, at)
      return receipt
    })
    return { statusCode: 201, body, replayed: false }
  })
}

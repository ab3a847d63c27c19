import type { Decision } from '../core/decision.js'
import { isRestrictive } from '../core/decision.js'
import { NotFoundError } from '../core/errors.js'
import { preservesHarm } from '../core/policy/evidence.js'
import type { Actor } from '../core/roles.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { findCase } from '../storage/repos/case-repo.js'
import { listReportsForCase } from '../storage/repos/report-repo.js'
import { recordAudit } from './audit-log.js'
import { assertMayHandleEvidence } from './evidence-access.js'
import { requireKeyring } from './evidence-vault.js'
import { JOB, type ServiceContext } from './service-context.js'

/** The `evidence.preserve` job's data: one preservation of a case. */
export interface PreservationJob {
  preservationId: string
  caseId: string
  /** Chooses the retention period; null when the case has no harm yet. */
  harm: string | null
  reason: string
  /** The actor who asked (or whose decision asked) for it. */
  requestedBy: string
  decisionId?: string
}

export interface PreservationReceipt {
  preservationId: string
  caseId: string
  queuedAt: Date
  /** The queued job's data, for a caller (the CLI) that runs it at once. */
  job: PreservationJob
}

/** Queues a preservation in the caller's transaction, so it exists exactly when its cause does. */
export async function queuePreservation(
  tx: Executor,
  ctx: Pick<ServiceContext, 'jobs'>,
  job: Omit<PreservationJob, 'preservationId'>,
): Promise<PreservationJob> {
  const queued: PreservationJob = { preservationId: crypto.randomUUID(), ...job }
  await ctx.jobs.send(tx, JOB.evidencePreserve, queued)
  return queued
}

/**
 * A decision effect: a decision that restricts content in a harm the evidence policy preserves
 * (by default CSEA, terrorism and threats to life) queues the preservation of its subject.
 * Reversals preserve nothing. With preservation off (PostgreSQL without a key) nothing is queued;
 * the server warned at start.
 */
export async function preserveOnDecision(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  _subject: Subject | undefined,
): Promise<void> {
  if (!ctx.evidence.keyring || decision.reversesDecisionId) return
  if (!isRestrictive(decision.actions)) return
  if (!preservesHarm(ctx.policy.evidence, decision.harm)) return
  await queuePreservation(tx, ctx, {
    caseId: decision.caseId,
    harm: decision.harm,
    reason: `decision ${decision.id} (${decision.harm})`,
    requestedBy: decision.decidedBy,
    decisionId: decision.id,
  })
}

/** An explicit request to preserve a case now (API, CLI); audited with the reason given. */
export async function preserveCaseEvidence(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  reason: string,
): Promise<PreservationReceipt> {
  assertMayHandleEvidence(actor)
  requireKeyring(ctx.evidence)
  const harm = await harmOfCase(ctx.db, caseId)
  const at = ctx.clock.now()
  const job = await ctx.db.transaction().execute(async (tx) => {
    const queued = await queuePreservation(tx, ctx, {
      caseId,
      harm,
      reason,
      requestedBy: actor.id,
    })
    await recordAudit(tx, actor, at, [
      {
        action: 'evidence.preservation_requested',
        entityType: 'case',
        entityId: caseId,
        data: { preservationId: queued.preservationId, reason },
      },
    ])
    return queued
  })
  return { preservationId: job.preservationId, caseId, queuedAt: at, job }
}

/** The harm that picks a case's retention: the case's own, else its latest report's. */
export async function harmOfCase(db: Executor, caseId: string): Promise<string | null> {
  const found = await findCase(db, caseId)
  if (!found) throw new NotFoundError('case', caseId)
  if (found.harm) return found.harm
  const reports = await listReportsForCase(db, caseId)
  return reports.at(-1)?.harm ?? null
}

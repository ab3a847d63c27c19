import {
  type Decision,
  type DecisionInput,
  decisionSourceOf,
  isRestrictive,
} from '../core/decision.js'
import { ConflictError, NotFoundError } from '../core/errors.js'
import { judgementChecklistFor } from '../core/judgement.js'
import { isClaimLive, type ModerationCase } from '../core/moderation-case.js'
import type { Actor } from '../core/roles.js'
import { buildStatementOfReasons } from '../core/statement-of-reasons.js'
import type { Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { findCaseForUpdate, setCaseStatus } from '../storage/repos/case-repo.js'
import { insertDecision, listNoticeOrigins } from '../storage/repos/decision-repo.js'
import { findSubject } from '../storage/repos/subject-repo.js'
import { type AuditEvent, recordAudit } from './audit-log.js'
import { syncBankMatchers } from './bank-sync.js'
import { applyDecisionEffects } from './decision-effects.js'
import type { ServiceContext } from './service-context.js'
import { takeDownCopies } from './take-down-copies.js'
import { assertKnownHarm } from './validate-harm.js'
import { emitWebhookEvent } from './webhook-events.js'

/** A decision before its statement of reasons is built from it. */
export type DecisionDraft = Omit<Decision, 'statementOfReasons'>

/**
 * Records an immutable decision on a case, closes the case and, in the same transaction, queues
 * the signed webhooks that tell the platform what to do. A reversal is a new decision.
 */
export async function recordDecision(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  input: DecisionInput,
): Promise<Decision> {
  assertKnownHarm(ctx.taxonomy, input.harm)
  const decision = await ctx.db
    .transaction()
    .execute((tx) => recordDecisionIn(tx, ctx, actor, caseId, input))
  await afterDecisionCommitted(ctx)
  return decision
}

/**
 * Call after committing a transaction that recorded or reversed decisions: this process's
 * matchers learn of the media the decisions banked or retracted at once (other processes within
 * the second, by polling the banks' revision).
 */
export async function afterDecisionCommitted(ctx: ServiceContext): Promise<void> {
  await syncBankMatchers(ctx)
}

/** The same in the caller's transaction: a rule's automatic decision is part of its ingest. */
export async function recordDecisionIn(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  input: DecisionInput,
): Promise<Decision> {
  assertKnownHarm(ctx.taxonomy, input.harm)
  const found = await findCaseForUpdate(tx, caseId)
  if (!found) throw new NotFoundError('case', caseId)
  const at = ctx.clock.now()
  assertNotClaimedByAnother(found, actor, at)
  const sourceType = decisionSourceOf(await listNoticeOrigins(tx, caseId))
  await setCaseStatus(tx, caseId, 'decided', at)
  return writeDecision(tx, ctx, actor, {
    id: crypto.randomUUID(),
    caseId,
    subjectId: found.subjectId,
    ...input,
    decidedBy: actor.id,
    decidedByName: actor.name,
    sourceType,
    reversesDecisionId: null,
    appealId: null,
    createdAt: at,
  })
}

/**
 * A live claim is a lock: only its holder decides the case. Vigil's own automatic decisions
 * (rules, copies of a removed intimate image) are not held back by a person's claim.
 */
function assertNotClaimedByAnother(found: ModerationCase, actor: Actor, at: Date): void {
  if (actor.role === 'system' || !isClaimLive(found, at) || found.assignee === actor.id) return
  throw new ConflictError(
    `case ${found.id} is claimed by ${found.assignee} until ${found.claimedUntil?.toISOString()}; ask them to release it, or an admin to reassign it, before deciding`,
    { assignee: found.assignee, claimedUntil: found.claimedUntil?.toISOString() },
  )
}

/**
 * Stores a decision with its statement of reasons, audits it, queues its webhooks and applies
 * its effects (messages, strikes, re-upload prevention) and takes down copies of a removed
 * intimate image, all in the caller's transaction.
 */
export async function writeDecision(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  draft: DecisionDraft,
  audit: readonly AuditEvent[] = [],
): Promise<Decision> {
  const subject = await findSubject(tx, draft.subjectId)
  const decision: Decision = { ...draft, statementOfReasons: statementFor(ctx, draft, subject) }
  await insertDecision(tx, decision)
  await recordAudit(tx, actor, decision.createdAt, [
    {
      action: 'decision.recorded',
      entityType: 'decision',
      entityId: decision.id,
      data: decisionAuditData(decision),
    },
    ...audit,
  ])
  await emitDecisionEvents(tx, ctx, decision, subject)
  await applyDecisionEffects(tx, ctx, decision, subject)
  // @NOTE Not an EFFECTS line: it records decisions itself, and an effect importing this module
  // would be an import cycle. It runs last, after the effects, as the list's order says.
  await takeDownCopies(tx, ctx, decision, subject, recordDecisionIn)
  return decision
}

/** What the audit log keeps of a decision: what, why and whether a judgement was recorded. */
function decisionAuditData(decision: Decision): Record<string, unknown> {
  return {
    caseId: decision.caseId,
    harm: decision.harm,
    actions: decision.actions.map((a) => a.type),
    sourceType: decision.sourceType,
    statementOfReasons: decision.statementOfReasons !== null,
    ...(decision.reversesDecisionId ? { reverses: decision.reversesDecisionId } : {}),
    ...(decision.appealId ? { appealId: decision.appealId } : {}),
    ...(decision.judgement
      ? {
          judgement: {
            checklist: judgementChecklistFor(decision.harm)?.harm ?? decision.harm,
            items: decision.judgement.items,
          },
        }
      : {}),
  }
}

/** The statement of reasons owed for a restriction (DSA Art. 17); none for other decisions. */
export function statementFor(
  ctx: Pick<ServiceContext, 'taxonomy' | 'policy'>,
  decision: DecisionDraft,
  subject: Subject | undefined,
): Record<string, unknown> | null {
  if (!subject || !isRestrictive(decision.actions)) return null
  const statement = buildStatementOfReasons({
    decision: { ...decision, statementOfReasons: null },
    subject,
    harm: ctx.taxonomy.get(decision.harm),
    appealWindowDays: ctx.policy.appeals.windowDays,
  })
  return { ...statement }
}

async function emitDecisionEvents(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
): Promise<void> {
  const at = decision.createdAt
  const subjectRef = { id: subject?.externalId, kind: subject?.kind, authorId: subject?.authorId }
  const payload = { decision: presentForWebhook(decision), subject: subjectRef }
  await emitWebhookEvent(tx, ctx.jobs, at, 'decision.recorded', payload)
  for (const action of decision.actions) {
    if (action.type === 'no_action') continue
    await emitWebhookEvent(tx, ctx.jobs, at, 'action.requested', {
      action,
      decisionId: decision.id,
      caseId: decision.caseId,
      subject: subjectRef,
      ...(decision.reversesDecisionId ? { reversesDecisionId: decision.reversesDecisionId } : {}),
    })
  }
}

function presentForWebhook(decision: Decision): Record<string, unknown> {
  return { ...decision, createdAt: decision.createdAt.toISOString() }
}

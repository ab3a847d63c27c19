import {
  type Appeal,
  type AppealChannel,
  type AppealKind,
  appealClosesAt,
  dayOf,
  newAppealReference,
  withinAppealWindow,
} from '../core/appeal.js'
import type { Decision } from '../core/decision.js'
import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import type { Subject, SubjectRef } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { findAppealBy, insertAppeal, insertAppealCase } from '../storage/repos/appeal-repo.js'
import { findDecision } from '../storage/repos/decision-repo.js'
import { ensureSubject, findSubject } from '../storage/repos/subject-repo.js'
import {
  type Appellant,
  type AppellantClaim,
  appellantOfDecision,
  complainant,
} from './appeal-appellant.js'
import { auditAppealFiled, isExpedited, newAppealCase } from './appeal-case.js'
import { acknowledgementMessage } from './appeal-messages.js'
import { appealStatusPath } from './appeal-tokens.js'
import { type IdempotencyClaim, onceForKey, type StoredResponse } from './idempotency.js'
import { notify } from './notify.js'
import { hashToken, newToken } from './secret-token.js'
import type { ServiceContext } from './service-context.js'

/** An appeal or complaint as the API or the public page takes it in. */
export interface AppealFiling {
  kind: AppealKind
  decisionId?: string | undefined
  /** For a complaint about content Vigil holds no decision on. */
  subject?: SubjectRef | undefined
  claim: AppellantClaim
  grounds: string
  followUp: boolean
  channel: AppealChannel
}

export interface AppealReceipt extends Record<string, unknown> {
  reference: string
  appealId: string
  caseId: string
  kind: AppealKind
  status: 'received'
  receivedAt: string
  /** The queue's label. */
  queue: string
  expedited: boolean
  /** When an answer is due under the queue's target (Ofcom ICU D4, D8). */
  expectedDecisionBy: string
  /** Shown once: with the reference it opens the public status page. */
  statusToken: string
  statusPath: string
}

interface Target {
  decision: Decision | null
  subject: Subject
  appellant: Appellant
  harm: string | null
}

/** The account complaints about the service itself are filed under (no content, no account). */
export const SERVICE_SUBJECT_ID = 'vigil:service'

/**
 * Files an appeal against a decision (within the policy's window, only by its author or a
 * reporter of its case) or a complaint, opening a case of kind `appeal` in the appeals queue, or
 * the expedited one for intimate image abuse (OSA s.21(2A)), and acknowledging it.
 */
export async function fileAppeal(
  ctx: ServiceContext,
  actor: Actor,
  filing: AppealFiling,
  claim?: IdempotencyClaim,
): Promise<StoredResponse<AppealReceipt>> {
  // @NOTE A replay returns the first receipt, status token included: the platform may have lost it.
  return onceForKey<AppealReceipt>(ctx.db, claim, async (store) => {
    const body = await ctx.db.transaction().execute(async (tx) => {
      const at = ctx.clock.now()
      const target = filing.decisionId
        ? await againstDecision(tx, ctx, filing, filing.decisionId, at)
        : await aboutSomethingElse(tx, filing, at)
      const receipt = await recordAppeal(tx, ctx, actor, filing, target, at)
      await store(tx, 201, receipt, at)
      return receipt
    })
    return { statusCode: 201, body, replayed: false }
  })
}

async function againstDecision(
  tx: Executor,
  ctx: ServiceContext,
  filing: AppealFiling,
  decisionId: string,
  at: Date,
): Promise<Target> {
  if (filing.kind !== 'decision' && filing.kind !== 'proactive_technology') {
    throw new InvalidInputError(
      `a ${filing.kind} complaint is not about a decision: leave out decisionId, or use kind "decision"`,
    )
  }
  const decision = await findDecision(tx, decisionId)
  if (!decision) throw new NotFoundError('decision', decisionId)
  const { windowDays } = ctx.policy.appeals
  if (!withinAppealWindow(decision.createdAt, windowDays, at)) {
    const lastDay = dayOf(appealClosesAt(decision.createdAt, windowDays))
    throw new ConflictError(
      `the time to appeal this decision ended on ${lastDay}: appeals are taken for ${windowDays} days after a decision`,
      { lastDay, windowDays },
    )
  }
  const subject = await findSubject(tx, decision.subjectId)
  if (!subject) throw new NotFoundError('subject', decision.subjectId)
  const appellant = await appellantOfDecision(tx, decision, subject, filing.claim)
  const earlier = await findAppealBy(tx, decision.id, {
    role: appellant.role,
    appellantId: appellant.id,
    reportId: appellant.report?.id ?? null,
  })
  if (earlier) {
    throw new ConflictError(
      `this decision has already been appealed by this person: appeal ${earlier.reference}`,
      { reference: earlier.reference },
    )
  }
  return { decision, subject, appellant, harm: decision.harm }
}

async function aboutSomethingElse(tx: Executor, filing: AppealFiling, at: Date): Promise<Target> {
  const appellant = await complainant(tx, filing.claim)
  if (filing.kind === 'proactive_technology' && !filing.subject && !appellant.report) {
    throw new InvalidInputError(
      'a complaint about proactive technology names the content it took down (subject) or the decision (decisionId)',
    )
  }
  const subject = await complaintSubject(tx, filing, appellant, at)
  return { decision: null, subject, appellant, harm: appellant.report?.harm ?? null }
}

/** The named content; else the appellant's report's content; else their account; else the service. */
async function complaintSubject(
  tx: Executor,
  filing: AppealFiling,
  appellant: Appellant,
  at: Date,
): Promise<Subject> {
  const ref = filing.subject
  if (ref) {
    return ensureSubject(tx, {
      ...blankSubject(at),
      externalId: ref.id,
      kind: ref.kind,
      surface: ref.surface,
      authorId: ref.author?.id ?? null,
      text: ref.text ?? null,
      url: ref.url ?? null,
    })
  }
  const reported = appellant.report ? await findSubject(tx, appellant.report.subjectId) : undefined
  if (reported) return reported
  const externalId = appellant.id ?? SERVICE_SUBJECT_ID
  return ensureSubject(tx, { ...blankSubject(at), externalId, kind: 'account' })
}

function blankSubject(at: Date) {
  return {
    id: crypto.randomUUID(),
    surface: 'public' as const,
    authorId: null,
    text: null,
    url: null,
    media: [],
    metadata: {},
    verdict: null,
    at,
  }
}

async function recordAppeal(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  filing: AppealFiling,
  target: Target,
  at: Date,
): Promise<AppealReceipt> {
  const expedited = isExpedited(ctx, [target.harm, target.appellant.report?.harm])
  const { opened, basis, label } = newAppealCase(ctx, target.subject.id, target.harm, expedited, at)
  await insertAppealCase(tx, opened, basis)
  const appeal = appealRecord(filing, target, opened.id, expedited, at)
  const token = newToken()
  await insertAppeal(tx, appeal, hashToken(token))
  await auditAppealFiled(tx, actor, appeal, opened, at)
  await notify(tx, ctx, {
    ...acknowledgementMessage(appeal, opened.slaDeadline),
    recipientRole: 'appellant',
    recipientId: appeal.appellantId,
    recipientEmail: appeal.appellantEmail,
    appealId: appeal.id,
    ...(appeal.decisionId ? { decisionId: appeal.decisionId } : {}),
    ...(appeal.reportId ? { reportId: appeal.reportId } : {}),
    followUp: appeal.followUp && Boolean(appeal.appellantId || appeal.appellantEmail),
  })
  return {
    reference: appeal.reference,
    appealId: appeal.id,
    caseId: opened.id,
    kind: appeal.kind,
    status: 'received',
    receivedAt: at.toISOString(),
    queue: label,
    expedited,
    expectedDecisionBy: opened.slaDeadline.toISOString(),
    statusToken: token,
    statusPath: appealStatusPath(appeal.reference, token),
  }
}

function appealRecord(
  filing: AppealFiling,
  target: Target,
  caseId: string,
  expedited: boolean,
  at: Date,
): Appeal {
  return {
    id: crypto.randomUUID(),
    reference: newAppealReference(),
    kind: filing.kind,
    decisionId: target.decision?.id ?? null,
    caseId,
    appellantRole: target.appellant.role,
    appellantId: target.appellant.id,
    appellantEmail: target.appellant.email,
    reportId: target.appellant.report?.id ?? null,
    grounds: filing.grounds,
    status: 'open',
    expedited,
    channel: filing.channel,
    followUp: filing.followUp,
    outcomeReasons: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: at,
  }
}

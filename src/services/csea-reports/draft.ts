import {
  type ChildAbuseReport,
  type CseaChannel,
  type CseaPriority,
  dueAtFor,
  isUnsent,
} from '../../core/csea-report.js'
import { type Decision, isRestrictive } from '../../core/decision.js'
import { ConflictError, NotFoundError } from '../../core/errors.js'
import { touchesCsea } from '../../core/media-access.js'
import { type Actor, SYSTEM_ACTOR } from '../../core/roles.js'
import type { Subject } from '../../core/subject.js'
import { CSEA_HARM_ID } from '../../core/taxonomy.js'
import type { Executor } from '../../storage/database.js'
import { findCaseForUpdate } from '../../storage/repos/case-repo.js'
import {
  findLiveReportOfCase,
  insertChildAbuseReport,
  listUnsentReportsOfCase,
  updateChildAbuseReport,
} from '../../storage/repos/child-abuse-report-repo.js'
import { listDecisionsForCase } from '../../storage/repos/decision-repo.js'
import { listReportsForCase } from '../../storage/repos/report-repo.js'
import { findSubject } from '../../storage/repos/subject-repo.js'
import { recordAudit } from '../audit-log.js'
import type { ServiceContext } from '../service-context.js'
import { buildPayload, reportKeysOf } from './build-payload.js'
import { duplicateFor } from './duplicates.js'

/** NCMEC first, so an NCA draft of the same case sees it and is flagged as a duplicate. */
const DRAFT_ORDER: readonly CseaChannel[] = ['ncmec', 'nca']

export interface DraftRequest {
  caseId: string
  channel: CseaChannel
  priority?: CseaPriority
}

/**
 * A decision effect: a decision that restricts content for CSEA (illegal.csea or below) drafts a
 * report for each channel of the policy, NCMEC first so an NCA draft sees it as a duplicate; once
 * per case and channel. A reversal retracts the reports of the reversed decision not yet sent.
 */
export async function draftReportsForDecision(
  tx: Executor,
  ctx: ServiceContext,
  decision: Decision,
  subject: Subject | undefined,
): Promise<void> {
  if (decision.reversesDecisionId) {
    await retractUnsent(tx, decision, decision.reversesDecisionId)
    return
  }
  const isCsea = ctx.taxonomy.isUnder(decision.harm, CSEA_HARM_ID)
  if (!subject || !isCsea || !isRestrictive(decision.actions)) return
  const { channels, defaultPriority } = ctx.policy.cseaReporting
  for (const channel of DRAFT_ORDER.filter((c) => channels.includes(c))) {
    const input = { caseId: decision.caseId, decision, subject, channel, priority: defaultPriority }
    await draftIn(tx, ctx, SYSTEM_ACTOR, input)
  }
}

/** Drafts a case's report through a channel by hand; the live one when the case has one. */
export async function draftCseaReport(
  ctx: ServiceContext,
  actor: Actor,
  request: DraftRequest,
): Promise<{ report: ChildAbuseReport; created: boolean }> {
  return ctx.db.transaction().execute(async (tx) => {
    const found = await findCaseForUpdate(tx, request.caseId)
    if (!found) throw new NotFoundError('case', request.caseId)
    const existing = await findLiveReportOfCase(tx, found.id, request.channel)
    if (existing) return { report: existing, created: false }
    const [subject, decisions, notices] = await Promise.all([
      findSubject(tx, found.subjectId),
      listDecisionsForCase(tx, found.id),
      listReportsForCase(tx, found.id),
    ])
    const harms = [found.harm, ...decisions.map((d) => d.harm), ...notices.map((n) => n.harm)]
    if (!subject || !touchesCsea(harms)) {
      throw new ConflictError(
        `case ${found.id} is not about child sexual abuse (no CSEA harm on the case, its notices or its decisions); a CSEA report needs one`,
      )
    }
    const priority = request.priority ?? ctx.policy.cseaReporting.defaultPriority
    const input = { caseId: found.id, decision: null, subject, channel: request.channel, priority }
    return draftIn(tx, ctx, actor, input)
  })
}

interface DraftInput {
  caseId: string
  decision: Decision | null
  subject: Subject
  channel: CseaChannel
  priority: CseaPriority
}

async function draftIn(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  input: DraftInput,
): Promise<{ report: ChildAbuseReport; created: boolean }> {
  const { caseId } = input
  const existing = await findLiveReportOfCase(tx, caseId, input.channel)
  if (existing) return { report: existing, created: false }
  const at = ctx.clock.now()
  const draft = newDraft(ctx, actor, input, at)
  draft.duplicateOf = (await duplicateFor(tx, draft))?.id ?? null
  draft.payload = await buildPayload(tx, ctx, draft, null)
  if (!(await insertChildAbuseReport(tx, draft))) {
    return {
      report: (await findLiveReportOfCase(tx, caseId, input.channel)) ?? draft,
      created: false,
    }
  }
  await recordAudit(tx, actor, at, [
    {
      action: 'csea_report.drafted',
      entityType: 'csea_report',
      entityId: draft.id,
      data: {
        caseId,
        channel: draft.channel,
        priority: draft.priority,
        dueAt: draft.dueAt.toISOString(),
        decisionId: draft.decisionId,
        duplicateOf: draft.duplicateOf,
      },
    },
  ])
  return { report: draft, created: true }
}

function newDraft(
  ctx: ServiceContext,
  actor: Actor,
  input: DraftInput,
  at: Date,
): ChildAbuseReport {
  return {
    id: crypto.randomUUID(),
    caseId: input.caseId,
    decisionId: input.decision?.id ?? null,
    subjectId: input.subject.id,
    ...reportKeysOf(input.subject),
    channel: input.channel,
    priority: input.priority,
    status: 'draft',
    payload: {},
    supplied: null,
    dueAt: dueAtFor(input.priority, at, ctx.policy.cseaReporting.deadlineHours),
    externalReference: null,
    duplicateOf: null,
    overrideReason: null,
    createdBy: actor.id,
    createdAt: at,
    approvedBy: null,
    approvedAt: null,
    sentBy: null,
    sentAt: null,
    attempts: 0,
    lastError: null,
    retrying: false,
    referenceRetainUntil: null,
    updatedAt: at,
  }
}

/** Retracts the unsent reports the reversed decision drafted; sent ones stay as they are. */
async function retractUnsent(tx: Executor, reversal: Decision, originalId: string): Promise<void> {
  const unsent = await listUnsentReportsOfCase(tx, reversal.caseId)
  for (const report of unsent.filter((r) => r.decisionId === originalId && isUnsent(r.status))) {
    const patch = { status: 'retracted', retrying: false, updated_at: reversal.createdAt }
    if (!(await updateChildAbuseReport(tx, report.id, [report.status], patch))) continue
    await recordAudit(tx, SYSTEM_ACTOR, reversal.createdAt, [
      {
        action: 'csea_report.retracted',
        entityType: 'csea_report',
        entityId: report.id,
        data: {
          caseId: report.caseId,
          reason: `decision ${originalId} was reversed by ${reversal.id}`,
        },
      },
    ])
  }
}

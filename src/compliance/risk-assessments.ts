import type { Clock } from '../core/clock.js'
import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors.js'
import {
  type ApprovalInput,
  approvalProblems,
  type RiskAssessmentInput,
  settleHarms,
} from '../core/risk-assessment.js'
import type {
  AlternativeMeasure,
  AlternativeMeasureInput,
  RiskAssessment,
} from '../core/risk-record.js'
import type { Actor } from '../core/roles.js'
import type { Db, Executor } from '../storage/database.js'
import { insertAuditEntries } from '../storage/repos/audit-repo.js'
import {
  approveDraft,
  findAssessment,
  insertAlternative,
  insertDraft,
  listAssessments,
  supersedeApproved,
  updateDraft,
} from '../storage/repos/risk-assessment-repo.js'
import { liveEvidence } from './live-evidence.js'

/** What the risk assessment's use cases need; the AppContext has it all. */
export interface RecordsContext {
  db: Db
  clock: Clock
}

// @NOTE recordAudit lives in services, which this layer may not import; audit() is that insert.
async function audit(
  tx: Executor,
  actor: Actor,
  at: Date,
  action: string,
  entityId: string,
  data: Record<string, unknown>,
): Promise<void> {
  const entityType = action.startsWith('alternative') ? 'alternative_measure' : 'risk_assessment'
  await insertAuditEntries(tx, [
    { occurredAt: at, actor: actor.id, action, entityType, entityId, data },
  ])
}

function content(input: RiskAssessmentInput) {
  return {
    profile: input.profile,
    harms: settleHarms(input.harms),
    responsiblePerson: input.responsiblePerson,
    completedBy: input.completedBy,
    completedOn: input.completedOn,
    reviewedOn: input.reviewedOn ?? null,
    riskProfilesConsulted: input.riskProfilesConsulted,
    notes: input.notes ?? null,
  }
}

function levels(a: Pick<RiskAssessment, 'harms'>): Record<string, string> {
  return Object.fromEntries(a.harms.map((h) => [h.kind, h.level]))
}

/** Starts the next version as a draft; refused while another draft is open. */
export async function createDraftAssessment(
  ctx: RecordsContext,
  actor: Actor,
  input: RiskAssessmentInput,
): Promise<RiskAssessment> {
  const at = ctx.clock.now()
  return ctx.db.transaction().execute(async (tx) => {
    const id = crypto.randomUUID()
    const draft = await insertDraft(tx, { ...content(input), id, createdBy: actor.id, at })
    if (!draft) {
      const open = (await listAssessments(tx)).find((a) => a.status === 'draft')
      throw new ConflictError(
        `version ${open?.version ?? '?'} is already a draft: edit it (PUT /v1/risk-assessments/${open?.id ?? '{id}'}) or approve it first`,
        { draftId: open?.id },
      )
    }
    await audit(tx, actor, at, 'risk_assessment.drafted', id, {
      version: draft.version,
      levels: levels(draft),
    })
    return draft
  })
}

function refuseChange(a: RiskAssessment): never {
  throw new ConflictError(
    `version ${a.version} is ${a.status}: an approved version is never changed; create a new version (POST /v1/risk-assessments), which supersedes it once approved`,
    { status: a.status, version: a.version },
  )
}

/** Replaces a draft's content; approved and superseded versions are refused. */
export async function updateDraftAssessment(
  ctx: RecordsContext,
  actor: Actor,
  id: string,
  input: RiskAssessmentInput,
): Promise<RiskAssessment> {
  const at = ctx.clock.now()
  return ctx.db.transaction().execute(async (tx) => {
    const current = await findAssessment(tx, id, { forUpdate: true })
    if (!current) throw new NotFoundError('risk assessment', id)
    if (current.status !== 'draft' || !(await updateDraft(tx, id, content(input), at))) {
      refuseChange(current)
    }
    const updated = (await findAssessment(tx, id)) as RiskAssessment
    await audit(tx, actor, at, 'risk_assessment.edited', id, {
      version: updated.version,
      levels: levels(updated),
    })
    return updated
  })
}

/**
 * Approves a draft: it becomes the current assessment, with the live evidence as it stands now
 * kept beside it, and the version it replaces is marked superseded (kept, never deleted).
 */
export async function approveAssessment(
  ctx: RecordsContext,
  actor: Actor,
  id: string,
  input: ApprovalInput,
): Promise<RiskAssessment> {
  const at = ctx.clock.now()
  return ctx.db.transaction().execute(async (tx) => {
    const draft = await findAssessment(tx, id, { forUpdate: true })
    if (!draft) throw new NotFoundError('risk assessment', id)
    if (draft.status !== 'draft') refuseChange(draft)
    const problems = approvalProblems(draft)
    if (problems.length > 0) {
      throw new InvalidInputError(`version ${draft.version} cannot be approved yet`, { problems })
    }
    const evidence = await liveEvidence(tx, at)
    const superseded = await supersedeApproved(tx, at)
    await approveDraft(tx, id, {
      by: input.approvedBy,
      actor: actor.id,
      at,
      liveEvidence: evidence,
    })
    if (superseded) {
      await audit(tx, actor, at, 'risk_assessment.superseded', superseded, { by: id })
    }
    await audit(tx, actor, at, 'risk_assessment.approved', id, {
      version: draft.version,
      approvedBy: input.approvedBy,
      supersedes: superseded ?? null,
    })
    return (await findAssessment(tx, id)) as RiskAssessment
  })
}

export async function getAssessmentOrThrow(ctx: RecordsContext, id: string) {
  const found = await findAssessment(ctx.db, id)
  if (!found) throw new NotFoundError('risk assessment', id)
  return found
}

/** Every version, newest first: the history kept for at least three years. */
export function assessmentHistory(ctx: RecordsContext): Promise<RiskAssessment[]> {
  return listAssessments(ctx.db)
}

/** Records an alternative to a Code measure (OSA s.23(4)); a later record adds to the history. */
export async function recordAlternativeMeasure(
  ctx: RecordsContext,
  actor: Actor,
  input: AlternativeMeasureInput,
): Promise<AlternativeMeasure> {
  const alternative: AlternativeMeasure = {
    ...input,
    id: crypto.randomUUID(),
    recordedByActor: actor.id,
    recordedAt: ctx.clock.now(),
  }
  await ctx.db.transaction().execute(async (tx) => {
    await insertAlternative(tx, alternative)
    await audit(tx, actor, alternative.recordedAt, 'alternative_measure.recorded', alternative.id, {
      measure: input.measure,
      recordedBy: input.recordedBy,
    })
  })
  return alternative
}

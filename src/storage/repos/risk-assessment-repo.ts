import { type Selectable, sql } from 'kysely'
import type { AssessmentStatus, Person } from '../../core/risk-assessment.js'
import type { AlternativeMeasure, LiveEvidence, RiskAssessment } from '../../core/risk-record.js'
import type { Executor } from '../database.js'
import type { AlternativeMeasureTable, RiskAssessmentTable } from '../schema/risk-assessment.js'

// @NOTE Versions are inserted, edited while drafts, approved and superseded; never deleted (the
// migration's trigger refuses deletes within three years of supersession and any change to an
// approved version but its supersession).

export function rowToAssessment(row: Selectable<RiskAssessmentTable>): RiskAssessment {
  return {
    id: row.id,
    version: row.version,
    status: row.status as AssessmentStatus,
    profile: row.profile,
    harms: row.harms,
    responsiblePerson: row.responsible_person,
    completedBy: row.completed_by,
    completedOn: row.completed_on,
    reviewedOn: row.reviewed_on,
    riskProfilesConsulted: row.risk_profiles as RiskAssessment['riskProfilesConsulted'],
    notes: row.notes,
    liveEvidence: row.live_evidence as LiveEvidence | null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    approvedBy: row.approved_by,
    approvedByActor: row.approved_by_actor,
    approvedAt: row.approved_at,
    supersededAt: row.superseded_at,
  }
}

type Content = Pick<
  RiskAssessment,
  | 'profile'
  | 'harms'
  | 'responsiblePerson'
  | 'completedBy'
  | 'completedOn'
  | 'reviewedOn'
  | 'riskProfilesConsulted'
  | 'notes'
>

function contentColumns(c: Content) {
  return {
    profile: JSON.stringify(c.profile),
    harms: JSON.stringify(c.harms),
    responsible_person: JSON.stringify(c.responsiblePerson),
    completed_by: JSON.stringify(c.completedBy),
    completed_on: c.completedOn,
    reviewed_on: c.reviewedOn,
    risk_profiles: JSON.stringify(c.riskProfilesConsulted),
    notes: c.notes,
  }
}

/**
 * Inserts a draft as the next version; undefined when a draft already exists (or another
 * request took the version number first).
 */
export async function insertDraft(
  db: Executor,
  draft: Content & { id: string; createdBy: string; at: Date },
): Promise<RiskAssessment | undefined> {
  const row = await db
    .insertInto('risk_assessment')
    .values({
      id: draft.id,
      version: sql<number>`(select coalesce(max(version), 0) + 1 from risk_assessment)`,
      status: 'draft',
      ...contentColumns(draft),
      live_evidence: null,
      created_by: draft.createdBy,
      created_at: draft.at,
      updated_at: draft.at,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst()
  return row ? rowToAssessment(row) : undefined
}

/** Replaces a draft's content; false when it is not (or no longer) a draft. */
export async function updateDraft(
  db: Executor,
  id: string,
  content: Content,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('risk_assessment')
    .set({ ...contentColumns(content), updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function findAssessment(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RiskAssessment | undefined> {
  let query = db.selectFrom('risk_assessment').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row ? rowToAssessment(row) : undefined
}

export async function findApprovedAssessment(db: Executor): Promise<RiskAssessment | undefined> {
  const row = await db
    .selectFrom('risk_assessment')
    .selectAll()
    .where('status', '=', 'approved')
    .executeTakeFirst()
  return row ? rowToAssessment(row) : undefined
}

/** Every version, newest first. */
export async function listAssessments(db: Executor): Promise<RiskAssessment[]> {
  const rows = await db
    .selectFrom('risk_assessment')
    .selectAll()
    .orderBy('version', 'desc')
    .execute()
  return rows.map(rowToAssessment)
}

/** Marks the approved version superseded (if any); its id. */
export async function supersedeApproved(db: Executor, at: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('risk_assessment')
    .set({ status: 'superseded', superseded_at: at })
    .where('status', '=', 'approved')
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

export async function approveDraft(
  db: Executor,
  id: string,
  approval: { by: Person; actor: string; at: Date; liveEvidence: LiveEvidence },
): Promise<boolean> {
  const result = await db
    .updateTable('risk_assessment')
    .set({
      status: 'approved',
      approved_by: JSON.stringify(approval.by),
      approved_by_actor: approval.actor,
      approved_at: approval.at,
      live_evidence: JSON.stringify(approval.liveEvidence),
      updated_at: approval.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

function rowToAlternative(row: Selectable<AlternativeMeasureTable>): AlternativeMeasure {
  return {
    id: row.id,
    measure: row.measure,
    description: row.description,
    howItComplies: row.how_it_complies,
    freedomOfExpression: row.freedom_of_expression,
    privacy: row.privacy,
    recordedBy: row.recorded_by,
    recordedByActor: row.recorded_by_actor,
    recordedAt: row.recorded_at,
  }
}

export async function insertAlternative(db: Executor, a: AlternativeMeasure): Promise<void> {
  await db
    .insertInto('alternative_measure')
    .values({
      id: a.id,
      measure: a.measure,
      description: a.description,
      how_it_complies: a.howItComplies,
      freedom_of_expression: a.freedomOfExpression,
      privacy: a.privacy,
      recorded_by: JSON.stringify(a.recordedBy),
      recorded_by_actor: a.recordedByActor,
      recorded_at: a.recordedAt,
    })
    .execute()
}

/** Every alternative measure recorded, newest first. */
export async function listAlternatives(db: Executor): Promise<AlternativeMeasure[]> {
  const rows = await db
    .selectFrom('alternative_measure')
    .selectAll()
    .orderBy('recorded_at', 'desc')
    .orderBy('id')
    .execute()
  return rows.map(rowToAlternative)
}

import { type Selectable, sql } from 'kysely'
import type { ActionType, Decision, NoticeOrigin } from '../../core/decision.js'
import type { Executor } from '../database.js'
import type { DecisionTable } from '../schema/decision.js'

type DecisionRow = Selectable<DecisionTable>

export function rowToDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    caseId: row.case_id,
    subjectId: row.subject_id,
    harm: row.harm,
    ground: row.ground,
    actions: row.actions,
    statement: row.statement,
    automatedDetection: row.automated_detection,
    automatedDecision: row.automated_decision as Decision['automatedDecision'],
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    sourceType: row.source_type as Decision['sourceType'],
    statementOfReasons: row.statement_of_reasons,
    reversesDecisionId: row.reverses_decision_id,
    appealId: row.appeal_id,
    ...(row.judgement ? { judgement: row.judgement } : {}),
    createdAt: row.created_at,
  }
}

export async function insertDecision(db: Executor, d: Decision): Promise<void> {
  await db
    .insertInto('decision')
    .values({
      id: d.id,
      case_id: d.caseId,
      subject_id: d.subjectId,
      harm: d.harm,
      ground: JSON.stringify(d.ground),
      actions: JSON.stringify(d.actions),
      statement: d.statement,
      automated_detection: d.automatedDetection,
      automated_decision: d.automatedDecision,
      decided_by: d.decidedBy,
      decided_by_name: d.decidedByName,
      source_type: d.sourceType,
      statement_of_reasons: d.statementOfReasons ? JSON.stringify(d.statementOfReasons) : null,
      reverses_decision_id: d.reversesDecisionId,
      appeal_id: d.appealId,
      judgement: d.judgement ? JSON.stringify(d.judgement) : null,
      created_at: d.createdAt,
      facet_method: sql<string | null>`(select c.priority_basis->>'source'
        from moderation_case c where c.id = ${d.caseId})`,
    })
    .execute()
}

export async function listDecisionsForCase(db: Executor, caseId: string): Promise<Decision[]> {
  const rows = await db
    .selectFrom('decision')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute()
  return rows.map(rowToDecision)
}

export async function findDecision(db: Executor, id: string): Promise<Decision | undefined> {
  const row = await db.selectFrom('decision').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? rowToDecision(row) : undefined
}

/** The decision that reverses `decisionId`, if there is one (at most one: a unique index). */
export async function findReversalOf(
  db: Executor,
  decisionId: string,
): Promise<Decision | undefined> {
  const row = await db
    .selectFrom('decision')
    .selectAll()
    .where('reverses_decision_id', '=', decisionId)
    .executeTakeFirst()
  return row ? rowToDecision(row) : undefined
}

/** Who filed each notice on the case: the reporter's kind and, for a registered flagger, its kind. */
export async function listNoticeOrigins(db: Executor, caseId: string): Promise<NoticeOrigin[]> {
  const rows = await db
    .selectFrom('report')
    .leftJoin('trusted_flagger', 'trusted_flagger.id', 'report.flagger_id')
    .select(['report.reporter_kind', 'trusted_flagger.kind as flagger_kind'])
    .where('report.case_id', '=', caseId)
    .execute()
  return rows.map((row) => ({
    reporterKind: row.reporter_kind,
    flaggerKind: (row.flagger_kind as NoticeOrigin['flaggerKind']) ?? null,
  }))
}

/**
 * Of the given subjects, those copy detection must leave alone: already taken down (a decision
 * with one of `actions`, everywhere, that no later decision reversed), or taken down once and
 * restored by a reversal (a person decided the content may stay).
 */
export async function subjectsSettled(
  db: Executor,
  subjectIds: readonly string[],
  actions: readonly ActionType[],
): Promise<Set<string>> {
  if (subjectIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('decision as d')
    .select(['d.subject_id', 'd.actions', 'd.reverses_decision_id'])
    .where('d.subject_id', 'in', [...subjectIds])
    .where(({ or, eb, not, exists, selectFrom }) =>
      or([
        eb('d.reverses_decision_id', 'is not', null),
        not(
          exists(
            selectFrom('decision as r')
              .select('r.id')
              .whereRef('r.reverses_decision_id', '=', 'd.id'),
          ),
        ),
      ]),
    )
    .execute()
  const settled = rows.filter(
    (row) =>
      row.reverses_decision_id !== null ||
      row.actions.some((a) => actions.includes(a.type) && !a.territories?.length),
  )
  return new Set(settled.map((row) => row.subject_id))
}

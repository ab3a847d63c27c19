import type { Selectable } from 'kysely'
import type { Decision } from '../../core/decision.js'
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
      created_at: d.createdAt,
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

import type { CaseKind, CaseStatus, Escalation, ModerationCase } from '../core/moderation-case.js'
import type { Actor } from '../core/roles.js'
import type { PriorityBasis } from '../core/routing.js'
import type { Db } from '../storage/database.js'
import { type CaseFilter, findPriorityBasis, listCases } from '../storage/repos/case-repo.js'

export interface CaseListRequest {
  status?: CaseStatus | undefined
  queue?: string | undefined
  kind?: CaseKind | undefined
  /** An actor id, "me" or "none". */
  assignee?: string | undefined
  /** A step, or "none". */
  escalation?: Escalation | 'none' | undefined
  limit: number
  offset: number
}

/** Cases matching every filter given, by priority then age (oldest first). */
export function listCasesFor(
  db: Db,
  actor: Actor,
  request: CaseListRequest,
): Promise<{ cases: ModerationCase[]; total: number }> {
  const { assignee, escalation, ...rest } = request
  const filter: CaseFilter = {
    ...rest,
    ...(assignee === undefined
      ? {}
      : { assignee: assignee === 'none' ? null : assignee === 'me' ? actor.id : assignee }),
    ...(escalation === undefined ? {} : { escalation: escalation === 'none' ? null : escalation }),
  }
  return listCases(db, filter)
}

/** The parts of the case's priority, or null for a case opened without them (e.g. an appeal). */
export async function getCasePriorityBasis(db: Db, caseId: string): Promise<PriorityBasis | null> {
  return (await findPriorityBasis(db, caseId)) ?? null
}

import type { Insertable, Selectable } from 'kysely'
import type {
  CaseKind,
  CaseStatus,
  Escalation,
  ModerationCase,
} from '../../core/moderation-case.js'
import type { PriorityBasis } from '../../core/routing.js'
import type { Executor } from '../database.js'
import type { ModerationCaseTable } from '../schema/moderation-case.js'

export type CaseRow = Selectable<ModerationCaseTable>

export function rowToCase(row: CaseRow): ModerationCase {
  return {
    id: row.id,
    subjectId: row.subject_id,
    kind: row.kind as CaseKind,
    status: row.status as CaseStatus,
    queue: row.queue,
    priority: row.priority,
    harm: row.harm,
    slaDeadline: row.sla_deadline,
    assignee: row.assignee,
    claimedUntil: row.claimed_until,
    legalDeadline: row.legal_deadline,
    escalation: row.escalation as Escalation | null,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function caseToRow(c: ModerationCase): Insertable<ModerationCaseTable> {
  return {
    id: c.id,
    subject_id: c.subjectId,
    kind: c.kind,
    status: c.status,
    queue: c.queue,
    priority: c.priority,
    harm: c.harm,
    sla_deadline: c.slaDeadline,
    assignee: c.assignee,
    claimed_until: c.claimedUntil,
    legal_deadline: c.legalDeadline,
    escalation: c.escalation,
    decided_at: c.decidedAt,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  }
}

/** Locks the subject's open case, if any, so concurrent reports join it one at a time. */
export async function findOpenCaseForSubject(
  db: Executor,
  subjectId: string,
): Promise<ModerationCase | undefined> {
  const row = await db
    .selectFrom('moderation_case')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'open')
    .where('kind', '=', 'content')
    .forUpdate()
    .executeTakeFirst()
  return row ? rowToCase(row) : undefined
}

/** Inserts unless the subject already has an open case; returns whether it inserted. */
export async function insertCaseIfNoneOpen(
  db: Executor,
  c: ModerationCase,
  basis?: PriorityBasis,
): Promise<boolean> {
  const result = await db
    .insertInto('moderation_case')
    .values({ ...caseToRow(c), priority_basis: basis ? JSON.stringify(basis) : null })
    .onConflict((oc) =>
      oc
        .column('subject_id')
        .where('status', '=', 'open')
        .where('kind', '=', 'content')
        .doNothing(),
    )
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

export interface CaseRaise {
  priority: number
  slaDeadline: Date
  legalDeadline: Date | null
  queue: string
  basis?: PriorityBasis
  at: Date
}

export async function raiseCasePriority(db: Executor, id: string, changes: CaseRaise) {
  await db
    .updateTable('moderation_case')
    .set({
      priority: changes.priority,
      sla_deadline: changes.slaDeadline,
      legal_deadline: changes.legalDeadline,
      queue: changes.queue,
      updated_at: changes.at,
      ...(changes.basis ? { priority_basis: JSON.stringify(changes.basis) } : {}),
    })
    .where('id', '=', id)
    .execute()
}

export async function findPriorityBasis(
  db: Executor,
  id: string,
): Promise<PriorityBasis | null | undefined> {
  const row = await db
    .selectFrom('moderation_case')
    .select('priority_basis')
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? row.priority_basis : undefined
}

export async function setCaseStatus(
  db: Executor,
  id: string,
  status: CaseStatus,
  at: Date,
): Promise<void> {
  await db
    .updateTable('moderation_case')
    .set({
      status,
      updated_at: at,
      decided_at: status === 'decided' ? at : null,
      ...(status === 'decided' ? { claimed_until: null } : {}),
    })
    .where('id', '=', id)
    .execute()
}

export async function findCase(db: Executor, id: string): Promise<ModerationCase | undefined> {
  const row = await db
    .selectFrom('moderation_case')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? rowToCase(row) : undefined
}

export async function findCaseForUpdate(
  db: Executor,
  id: string,
): Promise<ModerationCase | undefined> {
  const row = await db
    .selectFrom('moderation_case')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  return row ? rowToCase(row) : undefined
}

export interface CaseFilter {
  status?: CaseStatus | undefined
  queue?: string | undefined
  kind?: CaseKind | undefined
  /** An actor id, or null for cases nobody is assigned. */
  assignee?: string | null | undefined
  /** An escalation step, or null for cases not escalated. */
  escalation?: Escalation | null | undefined
  limit: number
  offset: number
}

/** Highest priority first, then oldest first. */
export async function listCases(
  db: Executor,
  query: CaseFilter,
): Promise<{ cases: ModerationCase[]; total: number }> {
  let base = db.selectFrom('moderation_case')
  if (query.status) base = base.where('status', '=', query.status)
  if (query.queue) base = base.where('queue', '=', query.queue)
  if (query.kind) base = base.where('kind', '=', query.kind)
  if (query.assignee !== undefined) {
    base = base.where('assignee', query.assignee === null ? 'is' : '=', query.assignee)
  }
  if (query.escalation !== undefined) {
    base = base.where('escalation', query.escalation === null ? 'is' : '=', query.escalation)
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('priority', 'desc')
      .orderBy('created_at', 'asc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { cases: rows.map(rowToCase), total: Number(count.n) }
}

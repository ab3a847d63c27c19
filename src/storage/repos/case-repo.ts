import type {
  CaseKind,
  CaseListQuery,
  CaseStatus,
  Escalation,
  ModerationCase,
} from '../../core/moderation-case.js'
import type { Executor } from '../database.js'
import type { ModerationCaseTable } from '../schema/moderation-case.js'

export function rowToCase(row: ModerationCaseTable): ModerationCase {
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

export function caseToRow(c: ModerationCase): ModerationCaseTable {
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
export async function insertCaseIfNoneOpen(db: Executor, c: ModerationCase): Promise<boolean> {
  const result = await db
    .insertInto('moderation_case')
    .values(caseToRow(c))
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

export async function raiseCasePriority(
  db: Executor,
  id: string,
  changes: { priority: number; slaDeadline: Date; queue: string; at: Date },
): Promise<void> {
  await db
    .updateTable('moderation_case')
    .set({
      priority: changes.priority,
      sla_deadline: changes.slaDeadline,
      queue: changes.queue,
      updated_at: changes.at,
    })
    .where('id', '=', id)
    .execute()
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

/** Highest priority first, then oldest first. */
export async function listCases(
  db: Executor,
  query: CaseListQuery,
): Promise<{ cases: ModerationCase[]; total: number }> {
  let base = db.selectFrom('moderation_case')
  if (query.status) base = base.where('status', '=', query.status)
  if (query.queue) base = base.where('queue', '=', query.queue)
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

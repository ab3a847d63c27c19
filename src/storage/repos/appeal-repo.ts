import type { Selectable } from 'kysely'
import type {
  Appeal,
  AppealChannel,
  AppealKind,
  AppealListQuery,
  AppealStatus,
  AppellantRole,
} from '../../core/appeal.js'
import type { ModerationCase } from '../../core/moderation-case.js'
import type { PriorityBasis } from '../../core/routing.js'
import type { Executor } from '../database.js'
import type { AppealTable } from '../schema/report-appeal.js'
import { caseToRow } from './case-repo.js'

type AppealRow = Selectable<AppealTable>

export function rowToAppeal(row: AppealRow): Appeal {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind as AppealKind,
    decisionId: row.decision_id,
    caseId: row.case_id,
    appellantRole: row.appellant_role as AppellantRole,
    appellantId: row.appellant_id,
    appellantEmail: row.appellant_email,
    reportId: row.report_id,
    grounds: row.grounds,
    status: row.status as AppealStatus,
    expedited: row.expedited,
    channel: row.channel as AppealChannel,
    followUp: row.follow_up,
    outcomeReasons: row.outcome_reasons,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  }
}

/** Inserts an appeal with the SHA-256 of its status token. */
export async function insertAppeal(db: Executor, a: Appeal, tokenHash: string): Promise<void> {
  await db
    .insertInto('appeal')
    .values({
      id: a.id,
      reference: a.reference,
      kind: a.kind,
      decision_id: a.decisionId,
      case_id: a.caseId,
      appellant_role: a.appellantRole,
      appellant_id: a.appellantId,
      appellant_email: a.appellantEmail,
      report_id: a.reportId,
      grounds: a.grounds,
      status: a.status,
      expedited: a.expedited,
      channel: a.channel,
      follow_up: a.followUp,
      token_hash: tokenHash,
      outcome_reasons: a.outcomeReasons,
      decided_by: a.decidedBy,
      decided_at: a.decidedAt,
      created_at: a.createdAt,
    })
    .execute()
}

/** An appeal's case is its own row (kind `appeal`): the one-open-case rule covers content only. */
export async function insertAppealCase(
  db: Executor,
  c: ModerationCase,
  basis: PriorityBasis,
): Promise<void> {
  await db
    .insertInto('moderation_case')
    .values({ ...caseToRow(c), priority_basis: JSON.stringify(basis) })
    .execute()
}

export async function findAppeal(db: Executor, id: string): Promise<Appeal | undefined> {
  const row = await db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? rowToAppeal(row) : undefined
}

export async function findAppealForUpdate(db: Executor, id: string): Promise<Appeal | undefined> {
  const row = await db
    .selectFrom('appeal')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  return row ? rowToAppeal(row) : undefined
}

/** The appeal with this reference and its token hash, for the public status page. */
export async function findAppealByReference(
  db: Executor,
  reference: string,
): Promise<{ appeal: Appeal; tokenHash: string | null } | undefined> {
  const row = await db
    .selectFrom('appeal')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst()
  return row ? { appeal: rowToAppeal(row), tokenHash: row.token_hash } : undefined
}

/** An earlier appeal by the same person against the same decision, if any. */
export async function findAppealBy(
  db: Executor,
  decisionId: string,
  by: { role: AppellantRole; appellantId: string | null; reportId: string | null },
): Promise<Appeal | undefined> {
  let query = db
    .selectFrom('appeal')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .where('appellant_role', '=', by.role)
  if (by.reportId) query = query.where('report_id', '=', by.reportId)
  else if (by.appellantId) query = query.where('appellant_id', '=', by.appellantId)
  const row = await query.orderBy('created_at', 'desc').executeTakeFirst()
  return row ? rowToAppeal(row) : undefined
}

/** Expedited first, then oldest first. */
export async function listAppeals(
  db: Executor,
  query: AppealListQuery,
): Promise<{ appeals: Appeal[]; total: number }> {
  let base = db.selectFrom('appeal')
  if (query.status) base = base.where('status', '=', query.status)
  if (query.kind) base = base.where('kind', '=', query.kind)
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('expedited', 'desc')
      .orderBy('created_at', 'asc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { appeals: rows.map(rowToAppeal), total: Number(count.n) }
}

export async function settleAppeal(
  db: Executor,
  id: string,
  outcome: { status: AppealStatus; reasons: string; decidedBy: string; at: Date },
): Promise<void> {
  await db
    .updateTable('appeal')
    .set({
      status: outcome.status,
      outcome_reasons: outcome.reasons,
      decided_by: outcome.decidedBy,
      decided_at: outcome.at,
    })
    .where('id', '=', id)
    .execute()
}

/** Keeps the SHA-256 of a decision's author appeal token; false when it already has one. */
export async function insertAppealToken(
  db: Executor,
  decisionId: string,
  tokenHash: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('appeal_token')
    .values({ decision_id: decisionId, token_hash: tokenHash, created_at: at })
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

export async function findAppealTokenHash(
  db: Executor,
  decisionId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('appeal_token')
    .select('token_hash')
    .where('decision_id', '=', decisionId)
    .executeTakeFirst()
  return row?.token_hash
}

/** The SLA and legal deadlines of appeals' cases, by case id. */
export async function findAppealCaseDeadlines(
  db: Executor,
  caseIds: readonly string[],
): Promise<Map<string, { slaDeadline: Date; legalDeadline: Date | null }>> {
  if (caseIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('moderation_case')
    .select(['id', 'sla_deadline', 'legal_deadline'])
    .where('id', 'in', caseIds)
    .execute()
  return new Map(
    rows.map((r) => [r.id, { slaDeadline: r.sla_deadline, legalDeadline: r.legal_deadline }]),
  )
}

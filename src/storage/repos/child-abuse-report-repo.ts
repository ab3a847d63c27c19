import { type Selectable, type SqlBool, sql, type Updateable } from 'kysely'
import type {
  ChildAbuseReport,
  CseaChannel,
  CseaPriority,
  CseaReportStatus,
} from '../../core/csea-report.js'
import type { Executor } from '../database.js'
import type { ChildAbuseReportTable } from '../schema/child-abuse-report.js'

type Row = Selectable<ChildAbuseReportTable>
export type ChildAbuseReportPatch = Updateable<ChildAbuseReportTable>

const UNSENT: CseaReportStatus[] = ['draft', 'approved', 'failed']

export function rowToChildAbuseReport(row: Row): ChildAbuseReport {
  return {
    id: row.id,
    caseId: row.case_id,
    decisionId: row.decision_id,
    subjectId: row.subject_id,
    accountId: row.account_id,
    mediaSha256: row.media_sha256,
    channel: row.channel as CseaChannel,
    priority: row.priority as CseaPriority,
    status: row.status as CseaReportStatus,
    payload: row.payload,
    supplied: row.supplied,
    dueAt: row.due_at,
    externalReference: row.external_reference,
    duplicateOf: row.duplicate_of,
    overrideReason: row.override_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    sentBy: row.sent_by,
    sentAt: row.sent_at,
    attempts: row.attempts,
    lastError: row.last_error,
    retrying: row.retrying,
    referenceRetainUntil: row.reference_retain_until,
    updatedAt: row.updated_at,
  }
}

/** Inserts the report unless the case has a live one of the channel already; whether it did. */
export async function insertChildAbuseReport(db: Executor, r: ChildAbuseReport): Promise<boolean> {
  const inserted = await db
    .insertInto('child_abuse_report')
    .values({
      id: r.id,
      case_id: r.caseId,
      decision_id: r.decisionId,
      subject_id: r.subjectId,
      account_id: r.accountId,
      media_sha256: r.mediaSha256,
      channel: r.channel,
      priority: r.priority,
      status: r.status,
      payload: JSON.stringify(r.payload),
      supplied: r.supplied ? JSON.stringify(r.supplied) : null,
      due_at: r.dueAt,
      external_reference: r.externalReference,
      duplicate_of: r.duplicateOf,
      override_reason: r.overrideReason,
      created_by: r.createdBy,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
    })
    .onConflict((oc) =>
      oc.columns(['case_id', 'channel']).where('status', '<>', 'retracted').doNothing(),
    )
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function findChildAbuseReport(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ChildAbuseReport | undefined> {
  let query = db.selectFrom('child_abuse_report').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row ? rowToChildAbuseReport(row) : undefined
}

/** The case's live (not retracted) report of the channel, if any. */
export async function findLiveReportOfCase(
  db: Executor,
  caseId: string,
  channel: CseaChannel,
): Promise<ChildAbuseReport | undefined> {
  const row = await db
    .selectFrom('child_abuse_report')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('channel', '=', channel)
    .where('status', '<>', 'retracted')
    .executeTakeFirst()
  return row ? rowToChildAbuseReport(row) : undefined
}

/** The case's reports not yet sent (drafts, approved, failed), locked for the caller. */
export async function listUnsentReportsOfCase(
  db: Executor,
  caseId: string,
): Promise<ChildAbuseReport[]> {
  const rows = await db
    .selectFrom('child_abuse_report')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', 'in', UNSENT)
    .orderBy('created_at')
    .forUpdate()
    .execute()
  return rows.map(rowToChildAbuseReport)
}

export interface ChildAbuseReportFilter {
  status?: CseaReportStatus
  channel?: CseaChannel
  caseId?: string
  /** Only unsent reports due at or before this time. */
  dueBy?: Date
  limit: number
  offset: number
}

/** Unsent reports first, soonest due first; then the rest, newest first. */
export async function listChildAbuseReports(
  db: Executor,
  filter: ChildAbuseReportFilter,
): Promise<{ reports: ChildAbuseReport[]; total: number }> {
  let query = db.selectFrom('child_abuse_report')
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.channel) query = query.where('channel', '=', filter.channel)
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId)
  if (filter.dueBy) {
    query = query.where('status', 'in', UNSENT).where('due_at', '<=', filter.dueBy)
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy(sql`case when status in ('draft', 'approved', 'failed') then 0 else 1 end`)
      .orderBy(sql`case when status in ('draft', 'approved', 'failed') then due_at end`)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { reports: rows.map(rowToChildAbuseReport), total: Number(count.n) }
}

/** The live report through `channel` about the same case, else the oldest about the same media. */
export async function findReportAboutSame(
  db: Executor,
  about: {
    channel: CseaChannel
    caseId: string
    mediaSha256: readonly string[]
    excludeId: string
  },
): Promise<ChildAbuseReport | undefined> {
  const row = await db
    .selectFrom('child_abuse_report')
    .selectAll()
    .where('channel', '=', about.channel)
    .where('status', '<>', 'retracted')
    .where('id', '<>', about.excludeId)
    .where((eb) =>
      eb.or([
        eb('case_id', '=', about.caseId),
        ...(about.mediaSha256.length > 0
          ? [sql<SqlBool>`media_sha256 && ${[...about.mediaSha256]}::text[]`]
          : []),
      ]),
    )
    .orderBy(sql`case when case_id = ${about.caseId} then 0 else 1 end`)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
  return row ? rowToChildAbuseReport(row) : undefined
}

/** Sent reports (with their reference) about the same account or media, oldest first. */
export async function listSentReportsAbout(
  db: Executor,
  about: { accountId: string | null; mediaSha256: readonly string[]; excludeId: string },
): Promise<ChildAbuseReport[]> {
  const probes = [
    ...(about.accountId ? [sql<SqlBool>`account_id = ${about.accountId}`] : []),
    ...(about.mediaSha256.length > 0
      ? [sql<SqlBool>`media_sha256 && ${[...about.mediaSha256]}::text[]`]
      : []),
  ]
  if (probes.length === 0) return []
  const rows = await db
    .selectFrom('child_abuse_report')
    .selectAll()
    .where('status', '=', 'sent')
    .where('external_reference', 'is not', null)
    .where('id', '<>', about.excludeId)
    .where((eb) => eb.or(probes))
    .orderBy('sent_at')
    .limit(50)
    .execute()
  return rows.map(rowToChildAbuseReport)
}

/** Applies `patch` when the report is in one of `from`; whether it was. */
export async function updateChildAbuseReport(
  db: Executor,
  id: string,
  from: readonly CseaReportStatus[],
  patch: ChildAbuseReportPatch,
): Promise<boolean> {
  const result = await db
    .updateTable('child_abuse_report')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

import type { Selectable } from 'kysely'
import type {
  Declarations,
  Report,
  ReportChannel,
  ReporterKind,
  ReportOutcome,
  ReportStatus,
} from '../../core/report.js'
import type { Executor } from '../database.js'
import type { ReportTable } from '../schema/report.js'

type ReportRow = Selectable<ReportTable>

export function rowToReport(row: ReportRow): Report {
  return {
    id: row.id,
    reference: row.reference,
    caseId: row.case_id,
    subjectId: row.subject_id,
    harm: row.harm,
    explanation: row.explanation,
    contentUrls: row.content_urls,
    reporterKind: row.reporter_kind as ReporterKind,
    reporterId: row.reporter_id,
    reporterName: row.reporter_name,
    reporterEmail: row.reporter_email,
    reporterAddress: row.reporter_address,
    filedBy: row.filed_by,
    channel: row.channel as ReportChannel,
    followUp: row.follow_up,
    flaggerId: row.flagger_id,
    declarations: row.declarations as Declarations | null,
    triage: row.triage,
    outcome: row.outcome as ReportOutcome | null,
    outcomeAt: row.outcome_at,
    outcomeDecisionId: row.outcome_decision_id,
    createdAt: row.created_at,
  }
}

/** Stores a report; `statusTokenHash` is the SHA-256 of the reporter's private status token. */
export async function insertReport(
  db: Executor,
  r: Report,
  statusTokenHash: string | null = null,
): Promise<void> {
  await db
    .insertInto('report')
    .values({
      id: r.id,
      reference: r.reference,
      case_id: r.caseId,
      subject_id: r.subjectId,
      harm: r.harm,
      explanation: r.explanation,
      content_urls: JSON.stringify(r.contentUrls),
      reporter_kind: r.reporterKind,
      reporter_id: r.reporterId,
      reporter_name: r.reporterName,
      reporter_email: r.reporterEmail,
      reporter_address: r.reporterAddress,
      filed_by: r.filedBy,
      channel: r.channel,
      follow_up: r.followUp,
      flagger_id: r.flaggerId,
      declarations: r.declarations ? JSON.stringify(r.declarations) : null,
      triage: r.triage,
      status_token_hash: statusTokenHash,
      created_at: r.createdAt,
    })
    .execute()
}

export async function listReportsForCase(db: Executor, caseId: string): Promise<Report[]> {
  const rows = await db
    .selectFrom('report')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(rowToReport)
}

export async function findReportByReference(
  db: Executor,
  reference: string,
): Promise<Report | undefined> {
  return (await findReportWithTokenHash(db, reference))?.report
}

/** The report and the hash of its status token, for checking a status link. */
export async function findReportWithTokenHash(
  db: Executor,
  reference: string,
): Promise<{ report: Report; statusTokenHash: string | null } | undefined> {
  const row = await db
    .selectFrom('report')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst()
  return row ? { report: rowToReport(row), statusTokenHash: row.status_token_hash } : undefined
}

/** The reports of a case filed by the given reporter account, oldest first. */
export async function listReportsOfReporter(
  db: Executor,
  caseId: string,
  reporterId: string,
): Promise<Report[]> {
  const rows = await db
    .selectFrom('report')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('reporter_id', '=', reporterId)
    .orderBy('created_at')
    .execute()
  return rows.map(rowToReport)
}

export interface ReportFilter {
  /** Only notices filed by this registered flagger, or else by this key. */
  flaggerId?: string
  filedBy?: string
  status?: ReportStatus
  from?: Date
  to?: Date
  limit: number
  offset: number
}

/** Reports newest first, with the total that match. */
export async function listReports(
  db: Executor,
  filter: ReportFilter,
): Promise<{ reports: Report[]; total: number }> {
  let query = db.selectFrom('report')
  if (filter.flaggerId) query = query.where('flagger_id', '=', filter.flaggerId)
  if (filter.filedBy) query = query.where('filed_by', '=', filter.filedBy)
  if (filter.status === 'received') query = query.where('outcome', 'is', null)
  if (filter.status === 'decided') query = query.where('outcome', 'is not', null)
  if (filter.from) query = query.where('created_at', '>=', filter.from)
  if (filter.to) query = query.where('created_at', '<', filter.to)
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { reports: rows.map(rowToReport), total: Number(count.n) }
}

/** Records what became of the case's reports (Ofcom D5). */
export async function setReportOutcome(
  db: Executor,
  caseId: string,
  outcome: { outcome: ReportOutcome; at: Date; decisionId: string },
): Promise<void> {
  await db
    .updateTable('report')
    .set({
      outcome: outcome.outcome,
      outcome_at: outcome.at,
      outcome_decision_id: outcome.decisionId,
    })
    .where('case_id', '=', caseId)
    .execute()
}

export async function countReports(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('report')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

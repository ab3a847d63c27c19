import type { Selectable } from 'kysely'
import type { Report, ReporterKind } from '../../core/report.js'
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
    filedBy: row.filed_by,
    createdAt: row.created_at,
  }
}

export async function insertReport(db: Executor, r: Report): Promise<void> {
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
      filed_by: r.filedBy,
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
    .execute()
  return rows.map(rowToReport)
}

export async function findReportByReference(
  db: Executor,
  reference: string,
): Promise<Report | undefined> {
  const row = await db
    .selectFrom('report')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst()
  return row ? rowToReport(row) : undefined
}

export async function countReports(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('report')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

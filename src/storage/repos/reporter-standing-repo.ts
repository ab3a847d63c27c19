import type { Selectable } from 'kysely'
import type {
  NoticeAssessment,
  NoticeTally,
  ReporterRestriction,
  ReporterStanding,
} from '../../core/misuse.js'
import type { Executor } from '../database.js'
import type { ReporterStandingTable } from '../schema/report-appeal.js'

function rowToStanding(row: Selectable<ReporterStandingTable>): ReporterStanding {
  return {
    reporterKey: row.reporter_key,
    warnedAt: row.warned_at,
    restriction: row.restriction as ReporterRestriction | null,
    restrictedUntil: row.restricted_until,
    updatedAt: row.updated_at,
  }
}

export async function findReporterStanding(
  db: Executor,
  reporterKey: string,
): Promise<ReporterStanding | undefined> {
  const row = await db
    .selectFrom('reporter_standing')
    .selectAll()
    .where('reporter_key', '=', reporterKey)
    .executeTakeFirst()
  return row ? rowToStanding(row) : undefined
}

export async function saveReporterStanding(db: Executor, s: ReporterStanding): Promise<void> {
  const values = {
    warned_at: s.warnedAt,
    restriction: s.restriction,
    restricted_until: s.restrictedUntil,
    updated_at: s.updatedAt,
  }
  await db
    .insertInto('reporter_standing')
    .values({ reporter_key: s.reporterKey, ...values })
    .onConflict((oc) => oc.column('reporter_key').doUpdateSet(values))
    .execute()
}

export interface NoticeAssessmentRecord {
  reportId: string
  decisionId: string
  reporterKey: string
  assessment: NoticeAssessment | null
  noticeAt: Date
  assessedAt: Date
}

/** Records how a decision judged notices; a notice judged before keeps its first assessment. */
export async function insertNoticeAssessments(
  db: Executor,
  records: readonly NoticeAssessmentRecord[],
): Promise<NoticeAssessmentRecord[]> {
  if (records.length === 0) return []
  const rows = await db
    .insertInto('notice_assessment')
    .values(
      records.map((r) => ({
        report_id: r.reportId,
        decision_id: r.decisionId,
        reporter_key: r.reporterKey,
        assessment: r.assessment,
        notice_at: r.noticeAt,
        assessed_at: r.assessedAt,
      })),
    )
    .onConflict((oc) => oc.column('report_id').doNothing())
    .returning('report_id')
    .execute()
  const inserted = new Set(rows.map((row) => row.report_id))
  return records.filter((r) => inserted.has(r.reportId))
}

/** The sender's decided notices sent since `since`, and how many were manifestly unfounded. */
export async function tallyNotices(
  db: Executor,
  reporterKey: string,
  since: Date,
): Promise<NoticeTally> {
  const row = await db
    .selectFrom('notice_assessment')
    .select((eb) => [
      eb.fn.countAll<number>().as('decided'),
      eb.fn
        .count<number>('report_id')
        .filterWhere('assessment', '=', 'manifestly_unfounded')
        .as('unfounded'),
    ])
    .where('reporter_key', '=', reporterKey)
    .where('notice_at', '>=', since)
    .executeTakeFirstOrThrow()
  return { decided: Number(row.decided), manifestlyUnfounded: Number(row.unfounded) }
}

export async function markReportDeprioritised(db: Executor, reportId: string): Promise<void> {
  await db
    .updateTable('report')
    .set({ triage: 'deprioritised' })
    .where('id', '=', reportId)
    .execute()
}

/** Sets an open case's priority down to `priority` (never raises it). */
export async function lowerCasePriority(
  db: Executor,
  caseId: string,
  priority: number,
  at: Date,
): Promise<void> {
  await db
    .updateTable('moderation_case')
    .set({ priority, updated_at: at })
    .where('id', '=', caseId)
    .where('status', '=', 'open')
    .where('priority', '>', priority)
    .execute()
}

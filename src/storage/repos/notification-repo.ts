import type { Selectable } from 'kysely'
import type {
  Notification,
  NotificationKind,
  NotificationStatus,
  RecipientRole,
} from '../../core/notification.js'
import type { Executor } from '../database.js'
import type { NotificationTable } from '../schema/report-appeal.js'

function rowToNotification(row: Selectable<NotificationTable>): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    recipientRole: row.recipient_role as RecipientRole,
    recipientId: row.recipient_id,
    recipientEmail: row.recipient_email,
    ...(row.report_id ? { reportId: row.report_id } : {}),
    ...(row.decision_id ? { decisionId: row.decision_id } : {}),
    ...(row.appeal_id ? { appealId: row.appeal_id } : {}),
    subjectLine: row.subject_line,
    body: row.body,
    status: row.status as NotificationStatus,
    createdAt: row.created_at,
  }
}

export async function insertNotification(db: Executor, n: Notification): Promise<void> {
  await db
    .insertInto('notification')
    .values({
      id: n.id,
      kind: n.kind,
      recipient_role: n.recipientRole,
      recipient_id: n.recipientId,
      recipient_email: n.recipientEmail,
      report_id: n.reportId ?? null,
      decision_id: n.decisionId ?? null,
      appeal_id: n.appealId ?? null,
      subject_line: n.subjectLine,
      body: n.body,
      status: n.status,
      created_at: n.createdAt,
    })
    .execute()
}

/** The messages about a report, an appeal or a decision, oldest first. */
export async function listNotificationsFor(
  db: Executor,
  about: { reportId?: string; appealId?: string; decisionId?: string },
): Promise<Notification[]> {
  let query = db.selectFrom('notification').selectAll()
  if (about.reportId) query = query.where('report_id', '=', about.reportId)
  if (about.appealId) query = query.where('appeal_id', '=', about.appealId)
  if (about.decisionId) query = query.where('decision_id', '=', about.decisionId)
  const rows = await query.orderBy('created_at').orderBy('id').execute()
  return rows.map(rowToNotification)
}

import { countdown } from '../../lib/countdown'
import { formatTime } from '../../lib/format-time'
import { type CseaReportSummary, isUnsent } from './csea-data'

/** A report's due time as a countdown while it is unsent; when it went, once sent. */
export function DueTime({ report, now }: { report: CseaReportSummary; now: Date }) {
  if (report.status === 'sent' && report.sentAt) {
    return <>sent {formatTime(report.sentAt)}</>
  }
  if (!isUnsent(report.status)) return <>not due</>
  const left = countdown(new Date(report.dueAt), now)
  const state = report.overdue ? 'overdue' : left.state
  return (
    <time dateTime={report.dueAt} className={`countdown-${state}`} title={formatTime(report.dueAt)}>
      {report.overdue && left.state !== 'overdue' ? 'overdue' : left.text}
    </time>
  )
}

import { useState } from 'react'
import { useApi } from '../../api/api-context'
import type { ConsoleUser } from '../../api/views'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { formatTime } from '../../lib/format-time'
import { useLoad } from '../../lib/use-load'
import { useServerNow } from '../../lib/use-now'
import { shortId } from '../queues/queue-data'
import { ApproveForm, ResendForm } from './ApproveForm'
import {
  CHANNEL_LABELS,
  type CseaReportView,
  cseaRights,
  loadCseaReport,
  STATUS_LABELS,
} from './csea-data'
import { DueTime } from './DueTime'
import { ReportSections } from './ReportSections'
import './csea.css'

/**
 * A CSEA report for review before it is sent: the report as it will go, the Schedule 1 items it
 * lacks, any duplicate, and the approval with its declaration (or sending again after a failure).
 */
export function CseaReportPage({ reportId, user }: { reportId: string; user: ConsoleUser }) {
  const api = useApi()
  const { state } = useLoad(() => loadCseaReport(api, reportId), reportId)
  const [changed, setChanged] = useState<{ report: CseaReportView; message: string }>()
  const report = changed?.report ?? (state.status === 'ok' ? state.data : undefined)
  return (
    <>
      <p className="breadcrumb">
        <Link to="/csea-reports">All CSEA reports</Link>
      </p>
      <PageHeading>
        {report
          ? `${CHANNEL_LABELS[report.channel]} report on case ${shortId(report.caseId)}`
          : 'CSEA report'}
      </PageHeading>
      <p role="status" id="csea-status" className="status-line">
        {changed?.message ?? ''}
      </p>
      {state.status === 'loading' ? <p aria-live="polite">Loading the report…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {report ? (
        <Review
          report={report}
          user={user}
          onChanged={(next, message) => setChanged({ report: next, message })}
        />
      ) : null}
    </>
  )
}

interface ReviewProps {
  report: CseaReportView
  user: ConsoleUser
  onChanged: (report: CseaReportView, message: string) => void
}

function Review({ report, user, onChanged }: ReviewProps) {
  const rights = cseaRights(user.role)
  return (
    <>
      <ReportFacts report={report} />
      {report.duplicate ? <DuplicateWarning report={report} /> : null}
      <MissingItems report={report} />
      {report.status === 'draft' && rights.approve ? (
        <ApproveForm report={report} onChanged={onChanged} />
      ) : null}
      {report.status === 'failed' && rights.send ? (
        <ResendForm report={report} onChanged={onChanged} />
      ) : null}
      <section aria-labelledby="payload-heading" className="csea-payload">
        <h2 id="payload-heading">
          {report.status === 'sent' ? 'The report as sent' : 'The report as it will be sent'}
        </h2>
        <ReportSections payload={report.payload} />
      </section>
    </>
  )
}

function ReportFacts({ report }: { report: CseaReportView }) {
  const now = useServerNow(undefined)
  return (
    <dl className="csea-facts" id="csea-facts">
      <dt>Status</dt>
      <dd id="csea-report-status">{STATUS_LABELS[report.status]}</dd>
      <dt>Priority</dt>
      <dd>{report.priority}</dd>
      <dt>Due</dt>
      <dd>
        <DueTime report={report} now={now} />
      </dd>
      <dt>Case</dt>
      <dd>
        <Link to={`/cases/${report.caseId}`}>Case {shortId(report.caseId)}</Link>
      </dd>
      <dt>Drafted</dt>
      <dd>
        {formatTime(report.createdAt)} by {report.createdBy}
      </dd>
      {report.approvedAt ? (
        <>
          <dt>Approved</dt>
          <dd>
            {formatTime(report.approvedAt)} by {report.approvedBy}
          </dd>
        </>
      ) : null}
      {report.externalReference ? (
        <>
          <dt>Reference</dt>
          <dd id="csea-reference">
            {report.externalReference}
            {report.referenceRetainUntil
              ? ` (kept until ${formatTime(report.referenceRetainUntil)})`
              : ''}
          </dd>
        </>
      ) : null}
      {report.lastError ? (
        <>
          <dt>Last error</dt>
          <dd>
            {report.lastError} ({report.attempts} {report.attempts === 1 ? 'attempt' : 'attempts'}
            {report.retrying ? ', will retry' : ''})
          </dd>
        </>
      ) : null}
    </dl>
  )
}

function DuplicateWarning({ report }: { report: CseaReportView }) {
  const other = report.duplicate
  if (!other) return null
  return (
    <div className="notice notice-warning" id="duplicate-warning">
      <strong>Possible duplicate.</strong> The {CHANNEL_LABELS[other.channel]} report{' '}
      <Link to={`/csea-reports/${other.id}`}>{shortId(other.id)}</Link> ({other.status}
      {other.externalReference ? `, reference ${other.externalReference}` : ''}) is about the same
      case or media.{' '}
      {report.channel === 'nca'
        ? 'The NCA asks providers not to duplicate reports made to NCMEC: approve this one only with a reason it must go to the NCA as well.'
        : 'NCMEC reports are flagged but never held back.'}
      {report.overrideReason ? ` Reason given: ${report.overrideReason}` : ''}
    </div>
  )
}

function MissingItems({ report }: { report: CseaReportView }) {
  return (
    <section aria-labelledby="missing-heading" className="csea-missing" id="csea-missing">
      <h2 id="missing-heading">Not available</h2>
      {report.missing.length === 0 ? (
        <p>The report has every Schedule 1 item.</p>
      ) : (
        <>
          <p>
            These Schedule 1 items are not in the report. They are sent as not available, never
            guessed; the platform can supply account and upload details before approval.
          </p>
          <ul id="missing-items">
            {report.missing.map((m) => (
              <li key={m.path} data-missing={m.path}>
                {m.label}: not available
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { formatTime } from '../../lib/format-time'
import { useLoad } from '../../lib/use-load'
import { useServerNow } from '../../lib/use-now'
import { shortId } from '../queues/queue-data'
import {
  CHANNEL_LABELS,
  type CseaFilter,
  type CseaReportSummary,
  type CseaStatus,
  loadCseaReports,
  urgentFirst,
} from './csea-data'
import { DueTime } from './DueTime'
import './csea.css'

const STATUSES: { value: CseaStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'approved', label: 'Approved, not sent yet' },
  { value: 'failed', label: 'Failed' },
  { value: 'sent', label: 'Sent' },
  { value: 'retracted', label: 'Retracted' },
]

/** Reports of child sexual abuse to the NCA and NCMEC: unsent P1 first, then soonest due. */
export function CseaReportsPage() {
  const api = useApi()
  const [filter, setFilter] = useState<CseaFilter>({ status: 'all', overdueOnly: false })
  const { state } = useLoad(
    () => loadCseaReports(api, filter),
    `${filter.status}:${filter.overdueOnly}`,
  )
  const now = useServerNow(undefined)
  return (
    <>
      <PageHeading>CSEA reports</PageHeading>
      <p className="lede">
        Reports of child sexual exploitation and abuse to the NCA (Online Safety Act s.66) and to
        NCMEC. Each is reviewed and approved by a person before it is sent.
      </p>
      <div className="csea-filter">
        <label htmlFor="csea-status">Show</label>
        <select
          id="csea-status"
          value={filter.status}
          onChange={(e) => setFilter({ ...filter, status: e.target.value as CseaFilter['status'] })}
        >
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            id="csea-overdue"
            checked={filter.overdueOnly}
            onChange={(e) => setFilter({ ...filter, overdueOnly: e.target.checked })}
          />{' '}
          Overdue only
        </label>
      </div>
      {state.status === 'loading' ? <p aria-live="polite">Loading the reports…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <ReportTable reports={urgentFirst(state.data.reports)} total={state.data.total} now={now} />
      ) : null}
    </>
  )
}

interface TableProps {
  reports: CseaReportSummary[]
  total: number
  now: Date
}

function ReportTable({ reports, total, now }: TableProps) {
  if (reports.length === 0) return <p id="csea-empty">No reports here.</p>
  return (
    <table className="data" id="csea-table">
      <caption>
        {reports.length < total
          ? `The first ${reports.length} of ${total} reports`
          : `${total} ${total === 1 ? 'report' : 'reports'}`}
        , unsent P1 first
      </caption>
      <thead>
        <tr>
          <th scope="col">Report</th>
          <th scope="col">Channel</th>
          <th scope="col">Priority</th>
          <th scope="col">Status</th>
          <th scope="col">Due</th>
          <th scope="col">Duplicate</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr key={r.id} data-report={r.id} className={r.overdue ? 'row-overdue' : undefined}>
            <th scope="row">
              <Link to={`/csea-reports/${r.id}`} id={`csea-open-${r.id}`}>
                {CHANNEL_LABELS[r.channel]} report on case {shortId(r.caseId)}
              </Link>
              <span className="case-meta">drafted {formatTime(r.createdAt)}</span>
            </th>
            <td>{CHANNEL_LABELS[r.channel]}</td>
            <td data-cell="priority">
              <span className={r.priority === 'P1' ? 'tag tag-p1' : 'tag'}>{r.priority}</span>
            </td>
            <td data-cell="status">
              {r.status}
              {r.externalReference ? (
                <span className="case-meta">reference {r.externalReference}</span>
              ) : null}
            </td>
            <td data-cell="due">
              <DueTime report={r} now={now} />
            </td>
            <td data-cell="duplicate">
              {r.duplicateOf ? <strong className="nearing">possible duplicate</strong> : 'no'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

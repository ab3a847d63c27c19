import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { caseDeadline, countdown } from '../../lib/countdown'
import { formatTime } from '../../lib/format-time'
import { useLoad } from '../../lib/use-load'
import './appeals.css'
import {
  type AppealStatusFilter,
  type AppealSummary,
  appellantLabel,
  kindLabel,
  loadAppeals,
} from './appeal-data'

const FILTERS: { value: AppealStatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'upheld', label: 'Upheld' },
  { value: 'reversed', label: 'Reversed' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
]

/** Appeals and complaints, expedited first, then oldest first, with each one's deadline. */
export function AppealsPage() {
  const api = useApi()
  const [status, setStatus] = useState<AppealStatusFilter>('open')
  const { state } = useLoad(() => loadAppeals(api, status), status)
  return (
    <>
      <PageHeading>Appeals</PageHeading>
      <p className="lede">
        Appeals against decisions and complaints. Expedited appeals (intimate image abuse) come
        first, then the oldest.
      </p>
      <div className="appeals-filter">
        <label htmlFor="appeal-status">Show</label>
        <select
          id="appeal-status"
          value={status}
          onChange={(event) => setStatus(event.target.value as AppealStatusFilter)}
        >
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {state.status === 'loading' ? <p aria-live="polite">Loading appeals…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <AppealTable appeals={state.data.appeals} total={state.data.total} />
      ) : null}
    </>
  )
}

function AppealTable({ appeals, total }: { appeals: AppealSummary[]; total: number }) {
  if (appeals.length === 0) return <p id="appeal-empty">No appeals here.</p>
  const now = new Date()
  return (
    <table className="data" id="appeal-table">
      <caption>
        {appeals.length < total
          ? `The first ${appeals.length} of ${total} appeals`
          : `${total} ${total === 1 ? 'appeal' : 'appeals'}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Kind</th>
          <th scope="col">From</th>
          <th scope="col">Received</th>
          <th scope="col">Deadline</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {appeals.map((a) => (
          <tr key={a.id} data-appeal={a.id}>
            <th scope="row">
              <Link to={`/appeals/${a.id}`}>{a.reference}</Link>
              {a.expedited ? <span className="tag tag-expedited"> Expedited</span> : null}
            </th>
            <td>{kindLabel(a.kind)}</td>
            <td>{appellantLabel(a.appellantRole)}</td>
            <td>
              <time dateTime={a.createdAt}>{formatTime(a.createdAt)}</time>
            </td>
            <td data-cell="deadline">
              <DeadlineCell appeal={a} now={now} />
            </td>
            <td data-cell="status">{a.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function DeadlineCell({ appeal, now }: { appeal: AppealSummary; now: Date }) {
  if (!appeal.slaDeadline) return <>none</>
  if (appeal.status !== 'open') return <>decided</>
  const deadline = caseDeadline(appeal.slaDeadline, appeal.legalDeadline)
  const left = countdown(deadline.at, now)
  return (
    <time
      dateTime={deadline.at.toISOString()}
      className={`countdown-${left.state}`}
      title={formatTime(deadline.at.toISOString())}
    >
      {left.text}
      {deadline.kind === 'legal' ? ' (legal deadline)' : ''}
    </time>
  )
}

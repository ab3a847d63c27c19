import { Link } from '../../components/Link'
import { countdown } from '../../lib/countdown'
import { formatTime } from '../../lib/format-time'
import { shortId } from '../queues/queue-data'
import { holdState, type LegalHoldView, type PreservationRequestView } from './evidence-data'

interface HoldsTableProps {
  holds: LegalHoldView[]
  mayRelease: boolean
  onRelease: (hold: LegalHoldView) => void
}

/** Legal holds, newest first: what each covers, why, for whom, and whether it still holds. */
export function HoldsTable({ holds, mayRelease, onRelease }: HoldsTableProps) {
  if (holds.length === 0) return <p id="holds-empty">No legal hold has been placed.</p>
  return (
    <table className="data" id="holds-table">
      <caption>
        {holds.length} legal {holds.length === 1 ? 'hold' : 'holds'}, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Covers</th>
          <th scope="col">Reason</th>
          <th scope="col">Requester</th>
          <th scope="col">Placed</th>
          <th scope="col">Expires</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {holds.map((hold) => (
          <HoldRow key={hold.id} hold={hold} mayRelease={mayRelease} onRelease={onRelease} />
        ))}
      </tbody>
    </table>
  )
}

interface HoldRowProps {
  hold: LegalHoldView
  mayRelease: boolean
  onRelease: (hold: LegalHoldView) => void
}

function HoldRow({ hold, mayRelease, onRelease }: HoldRowProps) {
  const state = holdState(hold)
  return (
    <tr data-hold={hold.id} data-state={state}>
      <th scope="row">
        <Covers hold={hold} />
      </th>
      <td>{hold.reason}</td>
      <td>{hold.requester}</td>
      <td>
        <time dateTime={hold.placedAt}>{formatTime(hold.placedAt)}</time>
        <span className="case-meta">by {hold.placedBy}</span>
      </td>
      <td>
        {hold.expiresAt ? (
          <time dateTime={hold.expiresAt}>{formatTime(hold.expiresAt)}</time>
        ) : (
          'until released'
        )}
      </td>
      <td data-cell="state">
        {state}
        {hold.releasedAt ? (
          <span className="case-meta">
            {formatTime(hold.releasedAt)} by {hold.releasedBy}: {hold.releaseReason}
          </span>
        ) : null}
      </td>
      <td>
        {mayRelease && state === 'active' ? (
          <button type="button" id={`release-${hold.id}`} onClick={() => onRelease(hold)}>
            Release<span className="visually-hidden"> the hold: {hold.reason}</span>
          </button>
        ) : null}
      </td>
    </tr>
  )
}

function Covers({ hold }: { hold: LegalHoldView }) {
  if (hold.caseId) return <Link to={`/cases/${hold.caseId}`}>Case {shortId(hold.caseId)}</Link>
  return <>Subject {hold.subjectId ? shortId(hold.subjectId) : 'unknown'}, every case</>
}

/** Authorities' preservation requests, soonest deadline first; overdue ones stand out. */
export function RequestsTable({
  requests,
  now,
}: {
  requests: PreservationRequestView[]
  now: Date
}) {
  if (requests.length === 0) {
    return <p id="requests-empty">No preservation request has been recorded.</p>
  }
  return (
    <table className="data" id="requests-table">
      <caption>
        {requests.length} preservation {requests.length === 1 ? 'request' : 'requests'}, soonest
        deadline first
      </caption>
      <thead>
        <tr>
          <th scope="col">Authority and reference</th>
          <th scope="col">Case</th>
          <th scope="col">Received</th>
          <th scope="col">Preserve by</th>
          <th scope="col">Standing</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <RequestRow key={r.id} request={r} now={now} />
        ))}
      </tbody>
    </table>
  )
}

function RequestRow({ request: r, now }: { request: PreservationRequestView; now: Date }) {
  const left = countdown(new Date(r.preserveBy), now)
  return (
    <tr data-request={r.id} className={r.overdue ? 'row-overdue' : undefined}>
      <th scope="row">
        {r.authority}
        <span className="case-meta">{r.reference}</span>
      </th>
      <td>
        <Link to={`/cases/${r.caseId}`}>Case {shortId(r.caseId)}</Link>
      </td>
      <td>
        <time dateTime={r.receivedAt}>{formatTime(r.receivedAt)}</time>
      </td>
      <td>
        <time dateTime={r.preserveBy}>{formatTime(r.preserveBy)}</time>
        {r.status === 'pending' ? (
          <span className={`case-meta countdown-${left.state}`}>{left.text}</span>
        ) : null}
      </td>
      <td data-cell="standing">
        <Standing request={r} />
      </td>
    </tr>
  )
}

function Standing({ request }: { request: PreservationRequestView }) {
  if (request.overdue) return <strong className="overdue">overdue: not preserved yet</strong>
  if (request.met) {
    return <>met: preserved {request.preservedAt ? formatTime(request.preservedAt) : ''}</>
  }
  if (request.preservedAt) return <>preserved late, {formatTime(request.preservedAt)}</>
  return <>pending</>
}

import { useEffect, useRef } from 'react'
import type { CaseView, ConsoleUser } from '../../api/views'
import { Link } from '../../components/Link'
import { caseDeadline, countdown } from '../../lib/countdown'
import { shortId } from './queue-data'

interface CaseTableProps {
  cases: CaseView[]
  now: Date
  user: ConsoleUser
  busyId: string | undefined
  /** The case just claimed or released: its remaining button takes the focus. */
  focusId: string | undefined
  onClaim: (id: string) => void
  onRelease: (id: string) => void
  /** Cases ticked for a bulk decision; the select column shows when `onSelect` is given. */
  selected?: ReadonlySet<string>
  onSelect?: (id: string, on: boolean) => void
  /** What to say when there are no cases; the default suits an unfiltered queue. */
  emptyText?: string
}

export function CaseTable(props: CaseTableProps) {
  const { cases, now, user, busyId, focusId, onClaim, onRelease, selected, onSelect } = props
  if (cases.length === 0) {
    return <p id="no-cases">{props.emptyText ?? 'No open cases in this queue. Well done.'}</p>
  }
  return (
    <table className="data" id="case-table">
      <caption>Open cases, highest priority first</caption>
      <thead>
        <tr>
          {onSelect ? (
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
          ) : null}
          <th scope="col" className="num">
            Priority
          </th>
          <th scope="col">Case</th>
          <th scope="col">Time left</th>
          <th scope="col">Claim</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <CaseRow
            key={c.id}
            c={c}
            now={now}
            mine={c.assignee === `user:${user.id}`}
            canRelease={user.role === 'admin'}
            busy={busyId === c.id}
            focus={focusId === c.id}
            onClaim={onClaim}
            onRelease={onRelease}
            selected={selected?.has(c.id) ?? false}
            onSelect={onSelect}
          />
        ))}
      </tbody>
    </table>
  )
}

interface CaseRowProps {
  c: CaseView
  now: Date
  mine: boolean
  canRelease: boolean
  busy: boolean
  focus: boolean
  onClaim: (id: string) => void
  onRelease: (id: string) => void
  selected: boolean
  onSelect: ((id: string, on: boolean) => void) | undefined
}

function CaseRow(props: CaseRowProps) {
  const { c, now, mine, canRelease, busy, focus, onClaim, onRelease, selected, onSelect } = props
  const deadline = caseDeadline(c.slaDeadline, c.legalDeadline)
  const left = countdown(deadline.at, now, c.escalation === 'nearing')
  const claimedNow = c.claimed && c.claimedUntil !== null && new Date(c.claimedUntil) > now
  const label = `case ${shortId(c.id)}`
  const actions = useRef<HTMLTableCellElement>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the button changes with the claim.
  useEffect(() => {
    if (focus) actions.current?.querySelector('button')?.focus()
  }, [focus, claimedNow])
  return (
    <tr data-case={c.id}>
      {onSelect ? (
        <td>
          <input
            type="checkbox"
            id={`select-${c.id}`}
            aria-label={`Select ${label}`}
            checked={selected}
            onChange={(e) => onSelect(c.id, e.target.checked)}
          />
        </td>
      ) : null}
      <td className="num">{c.priority}</td>
      <th scope="row">
        <Link className="case-harm" to={`/cases/${c.id}`} id={`open-${c.id}`}>
          {c.harm ?? 'no harm named'}
        </Link>
        <span className="case-meta">
          {c.kind === 'appeal' ? 'Appeal' : 'Content'} · {label}
        </span>
      </th>
      <td className={`countdown countdown-${left.state}`}>
        <time dateTime={deadline.at.toISOString()} title={deadline.at.toLocaleString()}>
          {left.text}
        </time>
        {deadline.kind === 'legal' ? <span className="tag">legal deadline</span> : null}
        {left.state === 'nearing' ? <span className="tag">nearing</span> : null}
      </td>
      <td data-cell="claim">
        {claimedNow ? (mine ? 'Claimed by you' : 'Claimed by someone else') : 'Unclaimed'}
      </td>
      <td ref={actions}>
        {claimedNow && (mine || canRelease) ? (
          <button
            type="button"
            id={`release-${c.id}`}
            disabled={busy}
            onClick={() => onRelease(c.id)}
          >
            Release <span className="visually-hidden">{label}</span>
          </button>
        ) : null}
        {claimedNow ? null : (
          <button
            type="button"
            id={`claim-${c.id}`}
            className="primary"
            disabled={busy}
            onClick={() => onClaim(c.id)}
          >
            Claim <span className="visually-hidden">{label}</span>
          </button>
        )}
      </td>
    </tr>
  )
}

import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useLoad } from '../../lib/use-load'
import { type CaseDetail, type HarmView, harmLabel, loadStanding } from './case-data'

/** The author's strikes, restrictions and the next step of the repeat-offender ladder. */
export function StandingPanel({ accountId, harms }: { accountId: string; harms: HarmView[] }) {
  const api = useApi()
  const { state } = useLoad(() => loadStanding(api, accountId), accountId)
  return (
    <section aria-labelledby="standing-heading" className="case-section" id="case-standing">
      <h2 id="standing-heading">Author {accountId}</h2>
      {state.status === 'loading' ? <p>Loading the author’s history…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <>
          <p id="standing-summary">
            Standing: <strong>{state.data.status}</strong>, {state.data.points} live strike points
            {state.data.suspendedUntil
              ? `, suspended until ${new Date(state.data.suspendedUntil).toLocaleString()}`
              : ''}
            .
            {state.data.nextStep
              ? ` Next step: ${state.data.nextStep.action} after ${state.data.nextStep.pointsToGo} more ${state.data.nextStep.pointsToGo === 1 ? 'point' : 'points'}.`
              : ''}
          </p>
          {state.data.history.strikes.length === 0 ? (
            <p>No strikes on record.</p>
          ) : (
            <ul className="evidence-list">
              {state.data.history.strikes.map((s) => (
                <li key={s.id}>
                  {harmLabel(harms, s.harm)}, {s.severity} points,{' '}
                  {new Date(s.createdAt).toLocaleDateString()}
                  {s.removedAt ? ` (removed: ${s.removedReason ?? 'reversed'})` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  )
}

/** Why the case sits where it does, and when it is due. */
export function PriorityPanel({ c }: { c: CaseDetail }) {
  const parts = c.priorityBreakdown.parts
  return (
    <section aria-labelledby="priority-heading" className="case-section" id="case-priority">
      <h2 id="priority-heading">Priority {c.priorityBreakdown.value}</h2>
      <p className="case-meta">{c.priorityBreakdown.formula}</p>
      {parts ? (
        <dl className="priority-parts">
          <dt>Severity</dt>
          <dd>{parts.severity}</dd>
          <dt>Reach</dt>
          <dd>
            {parts.reach} (factor {parts.reachFactor})
          </dd>
          <dt>Source trust</dt>
          <dd>
            {parts.source}, {parts.trust}
          </dd>
          <dt>Rule floor</dt>
          <dd>{parts.ruleFloor ?? 'none'}</dd>
          <dt>Escalation boost</dt>
          <dd>{parts.escalationBoost}</dd>
        </dl>
      ) : null}
      <h3>Deadlines</h3>
      <ul className="evidence-list">
        <li>SLA: {new Date(c.slaDeadline).toLocaleString()}</li>
        <li>
          Legal deadline:{' '}
          {c.legalDeadline ? new Date(c.legalDeadline).toLocaleString() : 'none for this harm'}
        </li>
      </ul>
    </section>
  )
}

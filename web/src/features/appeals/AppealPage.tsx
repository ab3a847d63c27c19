import { useState } from 'react'
import { consoleMay } from '../../../../src/core/console-roles'
import type { ConsoleRole } from '../../../../src/core/roles'
import { useApi } from '../../api/api-context'
import type { ConsoleUser } from '../../api/views'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { formatTime } from '../../lib/format-time'
import { roleLabel } from '../../lib/roles'
import { useLoad } from '../../lib/use-load'
import { AppealDecisionForm } from './AppealDecisionForm'
import './appeals.css'
import {
  type AppealDetail,
  actionsText,
  appellantLabel,
  type DecisionView,
  kindLabel,
  loadAppeal,
} from './appeal-data'

const DECIDE_PATH = '/v1/appeals/{id}/decision'

/** One appeal: the appellant's grounds, the decision under appeal, and the decision form. */
export function AppealPage({ appealId, user }: { appealId: string; user: ConsoleUser }) {
  const api = useApi()
  const { state, reload } = useLoad(() => loadAppeal(api, appealId), appealId)
  const heading = state.status === 'ok' ? `Appeal ${state.data.reference}` : 'Appeal'
  return (
    <>
      <p className="breadcrumb">
        <Link to="/appeals">All appeals</Link>
      </p>
      <PageHeading>{heading}</PageHeading>
      {state.status === 'loading' ? <p aria-live="polite">Loading the appeal…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <>
          <AppealSummaryList appeal={state.data} />
          <Grounds appeal={state.data} />
          {state.data.decision ? <OriginalDecision decision={state.data.decision} /> : null}
          <DecideSection appeal={state.data} user={user} onDecided={reload} />
        </>
      ) : null}
    </>
  )
}

function AppealSummaryList({ appeal }: { appeal: AppealDetail }) {
  return (
    <dl className="appeal-facts" id="appeal-facts">
      <dt>Kind</dt>
      <dd>{kindLabel(appeal.kind)}</dd>
      <dt>From</dt>
      <dd>{appellantLabel(appeal.appellantRole)}</dd>
      <dt>Received</dt>
      <dd>{formatTime(appeal.createdAt)}</dd>
      <dt>Route</dt>
      <dd>{appeal.expedited ? 'Expedited (intimate image abuse)' : 'Standard'}</dd>
      <dt>Status</dt>
      <dd id="appeal-status">{appeal.status}</dd>
    </dl>
  )
}

function Grounds({ appeal }: { appeal: AppealDetail }) {
  return (
    <section aria-labelledby="grounds-heading">
      <h2 id="grounds-heading">The appellant’s grounds</h2>
      <blockquote className="appeal-quote" id="appeal-grounds">
        {appeal.grounds}
      </blockquote>
    </section>
  )
}

function OriginalDecision({ decision }: { decision: DecisionView }) {
  const ground =
    decision.ground.type === 'illegal'
      ? `Illegal content: ${decision.ground.offence}`
      : `Terms of service: ${decision.ground.clause} (version ${decision.ground.version})`
  return (
    <section aria-labelledby="decision-heading" id="original-decision">
      <h2 id="decision-heading">The decision under appeal</h2>
      <dl className="appeal-facts">
        <dt>Decided</dt>
        <dd>
          {formatTime(decision.createdAt)} by {decision.decidedByName ?? decision.decidedBy}
        </dd>
        <dt>Harm</dt>
        <dd>{decision.harm}</dd>
        <dt>Ground</dt>
        <dd>{ground}</dd>
        <dt>Actions</dt>
        <dd id="decision-actions">{actionsText(decision.actions)}</dd>
      </dl>
      <h3>Statement of reasons</h3>
      <blockquote className="appeal-quote" id="decision-statement">
        {decision.statement}
      </blockquote>
    </section>
  )
}

interface DecideProps {
  appeal: AppealDetail
  user: ConsoleUser
  onDecided: () => Promise<void>
}

function DecideSection({ appeal, user, onDecided }: DecideProps) {
  const may = consoleMay(user.role as ConsoleRole, 'POST', DECIDE_PATH)
  const ownDecision = appeal.decision?.decidedBy === `user:${user.id}`
  const [done, setDone] = useState('')
  async function decided(confirmation: string): Promise<void> {
    setDone(confirmation)
    await onDecided()
  }
  return (
    <section aria-labelledby="decide-heading" id="decide">
      <h2 id="decide-heading">Decide the appeal</h2>
      <p role="status" id="decide-status" className="status-line">
        {done}
      </p>
      {appeal.status !== 'open' ? (
        <p id="appeal-settled">
          {appeal.status} {appeal.decidedAt ? `on ${formatTime(appeal.decidedAt)}` : ''}:{' '}
          {appeal.outcomeReasons}
        </p>
      ) : !may ? (
        <p id="decide-not-allowed">
          Your role, {roleLabel(user.role)}, does not decide appeals. An admin, a moderator or an
          appeals reviewer does.
        </p>
      ) : (
        <>
          {ownDecision ? (
            <p id="own-decision-note">
              You made the decision under appeal: a different person must decide this appeal.
            </p>
          ) : null}
          <AppealDecisionForm appeal={appeal} onDecided={decided} />
        </>
      )}
    </section>
  )
}

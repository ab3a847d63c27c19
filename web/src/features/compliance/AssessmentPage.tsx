import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { useLoad } from '../../lib/use-load'
import { HarmTable, HistoryTable, LiveTable, ProfileFacts, RecordFacts } from './AssessmentSections'
import {
  type AssessmentExport,
  assessmentPageHref,
  currentVersion,
  type History,
  loadAssessment,
  loadHistory,
} from './compliance-data'
import './compliance.css'

/** The illegal-content risk assessment (OSA s.9): the approved version, its evidence, history. */
export function AssessmentPage() {
  const api = useApi()
  const [chosen, setChosen] = useState<string>()
  const { state } = useLoad(() => loadHistory(api), 'risk-assessments')
  const history = state.status === 'ok' ? state.data : undefined
  const shown = chosen ?? (history ? currentVersion(history)?.id : undefined)
  return (
    <>
      <PageHeading>Risk assessment</PageHeading>
      <p className="lede">
        The illegal-content risk assessment: the service, the risk of each kind of illegal harm with
        its evidence, Vigil’s own figures, and every version. See also the{' '}
        <Link to="/compliance/measures">code measures</Link> it calls for.
      </p>
      {state.status === 'loading' ? <p aria-live="polite">Loading the risk assessment…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {history && !shown ? <NoAssessment /> : null}
      {history && shown ? <Shown history={history} id={shown} onShow={setChosen} /> : null}
    </>
  )
}

function NoAssessment() {
  return (
    <p id="assessment-empty">
      No risk assessment yet. An admin drafts one with{' '}
      <code>vigil compliance assessment create</code> or <code>POST /v1/risk-assessments</code>,
      then approves it.
    </p>
  )
}

function Shown(props: { history: History; id: string; onShow: (id: string) => void }) {
  const api = useApi()
  const { state } = useLoad(() => loadAssessment(api, props.id), props.id)
  return (
    <>
      {state.status === 'loading' ? <p aria-live="polite">Loading the version…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? <Version e={state.data} /> : null}
      <section className="compliance-section" aria-labelledby="history-heading">
        <h2 id="history-heading">Version history</h2>
        <HistoryTable versions={props.history.assessments} shown={props.id} onShow={props.onShow} />
      </section>
    </>
  )
}

function Version({ e }: { e: AssessmentExport }) {
  const a = e.assessment
  return (
    <>
      <p className="compliance-toolbar">
        <a href={assessmentPageHref(a.id)} id="assessment-html">
          Open version {a.version} as a page to print or send
        </a>
      </p>
      <section className="compliance-section" aria-labelledby="record-heading">
        <h2 id="record-heading">The record</h2>
        <RecordFacts a={a} />
      </section>
      <section className="compliance-section" aria-labelledby="profile-heading">
        <h2 id="profile-heading">The service</h2>
        <ProfileFacts p={a.profile} />
      </section>
      <section className="compliance-section" aria-labelledby="harms-heading">
        <h2 id="harms-heading">Risk levels</h2>
        <HarmTable harms={a.harms} />
      </section>
      <section className="compliance-section" aria-labelledby="live-heading">
        <h2 id="live-heading">Live evidence</h2>
        <LiveTable e={e} />
      </section>
    </>
  )
}

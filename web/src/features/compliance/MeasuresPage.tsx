import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { formatTime } from '../../lib/format-time'
import { useLoad } from '../../lib/use-load'
import {
  appliesWords,
  loadMatrix,
  MATRIX_PAGE_HREF,
  type Matrix,
  type MatrixRow,
  STATUS_WORDS,
} from './compliance-data'
import './compliance.css'

/** Which code measures apply to the approved assessment, why, and what Vigil carries out. */
export function MeasuresPage() {
  const api = useApi()
  const { state } = useLoad(() => loadMatrix(api), 'measures')
  return (
    <>
      <PageHeading>Code measures</PageHeading>
      <p className="lede">
        Which measures of Ofcom’s codes apply to this service and why, from the approved{' '}
        <Link to="/compliance/assessment">risk assessment</Link>, and whether Vigil’s configuration
        carries each out.
      </p>
      {state.status === 'loading' ? <p aria-live="polite">Working out the measures…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' && !state.data ? (
        <p id="measures-empty">
          No approved risk assessment yet: the measures follow from it. Approve one first.
        </p>
      ) : null}
      {state.status === 'ok' && state.data ? <MatrixView m={state.data} /> : null}
    </>
  )
}

function MatrixView({ m }: { m: Matrix }) {
  const [all, setAll] = useState(false)
  const rows = all ? m.measures : m.measures.filter((r) => r.applies !== 'no')
  return (
    <>
      <MatrixFacts m={m} />
      <section className="compliance-section" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Gaps</h2>
        <Gaps gaps={m.gaps} />
      </section>
      <div className="compliance-toolbar">
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show
          measures that do not apply
        </label>
        <a href={MATRIX_PAGE_HREF} id="matrix-html">
          Open as a page to print or send
        </a>
      </div>
      <MeasureTable rows={rows} />
      <ul className="compliance-list" id="matrix-notes">
        {m.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </>
  )
}

function MatrixFacts({ m }: { m: Matrix }) {
  const { large, multiRisk, childrenLikely } = m.applicability
  return (
    <dl className="compliance-facts" id="matrix-facts">
      <dt>Assessment</dt>
      <dd>
        Version {m.assessment.version} of {m.assessment.serviceName} ({m.assessment.status}
        {m.assessment.approvedAt ? `, approved ${formatTime(m.assessment.approvedAt)}` : ''})
      </dd>
      <dt>Large</dt>
      <dd data-fact="large">{large.reason}</dd>
      <dt>Multi-risk</dt>
      <dd data-fact="multi-risk">{multiRisk.reason}</dd>
      <dt>Children likely to access</dt>
      <dd>{childrenLikely ? 'Yes: the Protection of Children Codes apply too' : 'No'}</dd>
    </dl>
  )
}

function Gaps({ gaps }: { gaps: Matrix['gaps'] }) {
  if (gaps.length === 0) return <p id="gaps-none">None: Vigil carries out every measure it can.</p>
  return (
    <ul className="compliance-list" id="gap-list">
      {gaps.map((g) => (
        <li key={g.gap} data-measures={g.measures.join(' ')}>
          <strong>{g.measures.join(', ')}</strong> ({STATUS_WORDS[g.status]}): {g.gap}
          {g.alternativeRecorded ? ' An alternative measure is recorded.' : ''}
        </li>
      ))}
    </ul>
  )
}

function MeasureTable({ rows }: { rows: MatrixRow[] }) {
  return (
    <table className="data" id="measure-table">
      <caption>{rows.length} measures; ⚠ marks rows not checked against the primary text</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">What it asks</th>
          <th scope="col">Applies?</th>
          <th scope="col">Vigil</th>
          <th scope="col">Alternatives</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <MeasureRowView key={r.key} r={r} />
        ))}
      </tbody>
    </table>
  )
}

function MeasureRowView({ r }: { r: MatrixRow }) {
  return (
    <tr data-measure={r.key} data-applies={r.applies}>
      <th scope="row">
        {r.key}
        {r.unverified ? <span title="not checked against the primary text"> ⚠</span> : null}
      </th>
      <td>
        {r.measure}
        <span className="compliance-note">
          Applies to: {r.appliesTo}. {r.impl}
        </span>
      </td>
      <td data-cell="applies">
        <strong>{appliesWords(r)}</strong>
        <span className="compliance-note">{r.reason}</span>
      </td>
      <td data-cell="status">
        <StatusCell row={r} />
      </td>
      <td>
        {r.alternatives.length === 0
          ? '—'
          : r.alternatives.map((a) => <p key={a.id}>{a.description}</p>)}
      </td>
    </tr>
  )
}

function StatusCell({ row }: { row: MatrixRow }) {
  const s = row.status
  if (!s) return <>—</>
  return (
    <>
      <span className={`status-${s.status}`} data-status={s.status}>
        {STATUS_WORDS[s.status]}
      </span>
      <ul className="compliance-list">
        {s.evidence.map((e) => (
          <li key={e}>{e}</li>
        ))}
        {s.gaps.map((g) => (
          <li key={g}>
            <strong>To do:</strong> {g}
          </li>
        ))}
      </ul>
      {s.outsideVigil ? (
        <span className="compliance-note">Outside Vigil: {s.outsideVigil}</span>
      ) : null}
    </>
  )
}

import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { formatTime } from '../../lib/format-time'
import { useLoad } from '../../lib/use-load'
import './rules.css'
import { loadRules, type RuleDetail } from './rule-data'

/** Detection rules by name, with their state, current version and last week's outcomes. */
export function RulesPage() {
  const api = useApi()
  const { state } = useLoad(() => loadRules(api), 'rules')
  return (
    <>
      <PageHeading>Rules</PageHeading>
      <p className="lede">
        Detection rules run on content as it arrives. Shadow a rule first, watch its outcomes,
        back-test it against past decisions, then make it live.
      </p>
      {state.status === 'loading' ? <p aria-live="polite">Loading rules…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? <RuleTable rules={state.data} /> : null}
    </>
  )
}

function RuleTable({ rules }: { rules: RuleDetail[] }) {
  if (rules.length === 0) {
    return <p id="rule-empty">No rules yet. An admin creates one with the API or `vigil rules`.</p>
  }
  return (
    <table className="data" id="rule-table">
      <caption>
        {rules.length} {rules.length === 1 ? 'rule' : 'rules'}; outcomes of the last 7 days
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">State</th>
          <th scope="col">Version</th>
          <th scope="col">Live outcomes</th>
          <th scope="col">Shadow outcomes</th>
          <th scope="col">Changed</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.id} data-rule={r.id}>
            <th scope="row">
              <Link to={`/rules/${r.id}`}>{r.name}</Link>
            </th>
            <td data-cell="state">
              <span className={`tag rule-state-${r.state}`}>{r.state}</span>
            </td>
            <td data-cell="version">{r.currentVersion}</td>
            <td data-cell="live">{r.outcomes.live}</td>
            <td data-cell="shadow">{r.outcomes.shadow}</td>
            <td>
              <time dateTime={r.updatedAt}>{formatTime(r.updatedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

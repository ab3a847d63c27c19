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
import { BacktestForm } from './BacktestForm'
import './rules.css'
import { RuleStateForm } from './RuleStateForm'
import { RuleVersionForm } from './RuleVersionForm'
import {
  BACKTEST_PATH,
  loadRule,
  RULE_STATE_LABELS,
  type RuleDetail,
  STATE_PATH,
  VERSIONS_PATH,
} from './rule-data'

/** One rule: its facts, its versions with their source, and what the reader's role may do. */
export function RulePage({ ruleId, user }: { ruleId: string; user: ConsoleUser }) {
  const api = useApi()
  const { state, reload } = useLoad(() => loadRule(api, ruleId), ruleId)
  const role = user.role as ConsoleRole
  const mayEdit = consoleMay(role, 'POST', VERSIONS_PATH, ['admin'])
  const mayState = consoleMay(role, 'POST', STATE_PATH, ['admin'])
  const mayBacktest = consoleMay(role, 'POST', BACKTEST_PATH)
  return (
    <>
      <p className="breadcrumb">
        <Link to="/rules">All rules</Link>
      </p>
      <PageHeading>{state.status === 'ok' ? `Rule ${state.data.name}` : 'Rule'}</PageHeading>
      {state.status === 'loading' ? <p aria-live="polite">Loading the rule…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <>
          <RuleFacts rule={state.data} />
          {mayState ? <RuleStateForm rule={state.data} onChanged={reload} /> : null}
          {mayBacktest ? <BacktestForm rule={state.data} /> : null}
          {mayEdit ? (
            <RuleVersionForm rule={state.data} onSaved={reload} />
          ) : (
            <p id="edit-not-allowed">
              Your role, {roleLabel(user.role)}, does not change rules. An admin does.
            </p>
          )}
          <Versions rule={state.data} />
        </>
      ) : null}
    </>
  )
}

function RuleFacts({ rule }: { rule: RuleDetail }) {
  return (
    <dl className="rule-facts" id="rule-facts">
      <dt>State</dt>
      <dd id="rule-state">{RULE_STATE_LABELS[rule.state]}</dd>
      <dt>Current version</dt>
      <dd id="rule-version">{rule.currentVersion}</dd>
      <dt>Description</dt>
      <dd>{rule.description ?? 'none'}</dd>
      <dt>Outcomes since {formatTime(rule.outcomes.since)}</dt>
      <dd id="rule-outcomes">
        {rule.outcomes.live} live, {rule.outcomes.shadow} shadow
      </dd>
    </dl>
  )
}

function Versions({ rule }: { rule: RuleDetail }) {
  const newest = [...rule.versions].sort((a, b) => b.version - a.version)
  return (
    <section aria-labelledby="versions-heading" className="rule-versions" id="rule-versions">
      <h2 id="versions-heading">Versions</h2>
      {newest.map((v) => (
        <details key={v.version} open={v.version === rule.currentVersion} data-version={v.version}>
          <summary>
            Version {v.version} ({v.format}), {formatTime(v.createdAt)} by {v.createdBy}
            {v.version === rule.currentVersion ? ', current' : ''}
          </summary>
          <pre className="rule-source">{v.source}</pre>
        </details>
      ))}
    </section>
  )
}

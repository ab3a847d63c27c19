import { type FormEvent, useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatTime } from '../../lib/format-time'
import { messageOf } from '../../lib/use-load'
import { type BacktestView, backtest, percent, type RuleDetail } from './rule-data'

const DAY = 86_400_000

/** Replays stored subjects through a version of the rule and scores it against decisions. */
export function BacktestForm({ rule }: { rule: RuleDetail }) {
  const api = useApi()
  const [since, setSince] = useState(() =>
    new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10),
  )
  const [version, setVersion] = useState('')
  const [result, setResult] = useState<BacktestView>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!since) return setError('Give the date to replay content from.')
    setBusy(true)
    setError(undefined)
    try {
      const body = { since, ...(version ? { version: Number(version) } : {}) }
      setResult(await backtest(api, rule.id, body))
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="backtest-heading">
      <h2 id="backtest-heading">Back-test</h2>
      <form id="backtest-form" className="rule-form" onSubmit={(e) => void submit(e)}>
        {error ? <ErrorNotice id="backtest-error">{error}</ErrorNotice> : null}
        <label htmlFor="backtest-since">Replay content first seen on or after</label>
        <input
          id="backtest-since"
          type="date"
          value={since}
          onChange={(e) => setSince(e.target.value)}
        />
        <label htmlFor="backtest-version">Version</label>
        <select id="backtest-version" value={version} onChange={(e) => setVersion(e.target.value)}>
          <option value="">The current one ({rule.currentVersion})</option>
          {rule.versions.map((v) => (
            <option key={v.version} value={String(v.version)}>
              Version {v.version}
            </option>
          ))}
        </select>
        <button type="submit" id="run-backtest" disabled={busy}>
          {busy ? 'Replaying…' : 'Run the back-test'}
        </button>
      </form>
      <div role="status" id="backtest-status">
        {result ? <BacktestResult result={result} /> : null}
      </div>
    </section>
  )
}

function BacktestResult({ result }: { result: BacktestView }) {
  const { counts } = result
  return (
    <dl className="rule-facts" id="backtest-result">
      <dt>Replayed</dt>
      <dd>
        Version {result.version}: {result.subjects} subjects from {formatTime(result.since)} to{' '}
        {formatTime(result.until)}; the rule matched {result.matched}
      </dd>
      <dt>Precision</dt>
      <dd id="backtest-precision">{percent(result.precision)}</dd>
      <dt>Recall</dt>
      <dd id="backtest-recall">{percent(result.recall)}</dd>
      <dt>Matched, and a person restricted it</dt>
      <dd id="backtest-tp">{counts.tp}</dd>
      <dt>Matched, and a person did not restrict it</dt>
      <dd id="backtest-fp">{counts.fp}</dd>
      <dt>Missed: a person restricted it</dt>
      <dd id="backtest-fn">{counts.fn}</dd>
      <dt>Not matched, not restricted</dt>
      <dd id="backtest-tn">{counts.tn}</dd>
      <dt>Undecided (outside the figures)</dt>
      <dd id="backtest-undecided">
        {result.undecided.subjects} subjects, {result.undecided.matched} matched
      </dd>
    </dl>
  )
}

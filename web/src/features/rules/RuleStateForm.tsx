import { type FormEvent, useState } from 'react'
import { RULE_STATES, type RuleState } from '../../../../src/core/rule'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { messageOf } from '../../lib/use-load'
import { changeState, RULE_STATE_LABELS, type RuleDetail } from './rule-data'

interface Props {
  rule: RuleDetail
  onChanged: () => Promise<void>
}

/** Moves the rule between draft, shadow and live (admins only). */
export function RuleStateForm({ rule, onChanged }: Props) {
  const api = useApi()
  const [target, setTarget] = useState<RuleState>(rule.state)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const changed = await changeState(api, rule.id, target)
      // @NOTE Reload first, so the page never says "now shadow" beside the old state.
      await onChanged()
      setDone(`Rule ${changed.name} is now ${changed.state}.`)
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="state-heading">
      <h2 id="state-heading">State</h2>
      <form id="rule-state-form" className="rule-form" onSubmit={(e) => void submit(e)}>
        {error ? <ErrorNotice id="state-error">{error}</ErrorNotice> : null}
        <p role="status" id="state-status" className="status-line">
          {done}
        </p>
        <label htmlFor="rule-new-state">Move the rule to</label>
        <select
          id="rule-new-state"
          value={target}
          onChange={(e) => setTarget(e.target.value as RuleState)}
        >
          {RULE_STATES.map((s) => (
            <option key={s} value={s}>
              {RULE_STATE_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="submit" id="change-state" disabled={busy || target === rule.state}>
          {busy ? 'Changing…' : 'Change the state'}
        </button>
      </form>
    </section>
  )
}

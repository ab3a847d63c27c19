import { type FormEvent, useRef, useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { messageOf } from '../../lib/use-load'
import {
  type AppealDecisionBody,
  type AppealDetail,
  decideAppeal,
  restrictedNothing,
} from './appeal-data'
import {
  EMPTY_DECISION,
  type NewDecisionDraft,
  NewDecisionFields,
  toReplacement,
} from './NewDecisionFields'

type Outcome = AppealDecisionBody['outcome']

const OUTCOME_LABELS: Record<Outcome, string> = {
  upheld: 'Uphold: the decision stands',
  reversed: 'Reverse: the decision was wrong',
  resolved: 'Resolved: the complaint is answered',
}

interface FormProps {
  appeal: AppealDetail
  /** Called with a confirmation to announce once the appeal is decided. */
  onDecided: (confirmation: string) => Promise<void>
}

/** Upheld or reversed (or resolved, for a complaint) with reasons the appellant is sent. */
export function AppealDecisionForm({ appeal, onDecided }: FormProps) {
  const api = useApi()
  const outcomes: Outcome[] = appeal.decisionId ? ['upheld', 'reversed'] : ['resolved']
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const [reasons, setReasons] = useState('')
  const [draft, setDraft] = useState<NewDecisionDraft>(EMPTY_DECISION)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const errorRef = useRef<HTMLDivElement>(null)
  const needsNew = outcome === 'reversed' && !!appeal.decision && restrictedNothing(appeal.decision)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const problem = check(outcome, reasons)
    if (problem || !outcome) return fail(problem ?? 'Choose an outcome.')
    setBusy(true)
    setError(undefined)
    try {
      const body: AppealDecisionBody = { outcome, reasons: reasons.trim() }
      if (needsNew) body.decision = toReplacement(draft)
      const settled = await decideAppeal(api, appeal.id, body)
      await onDecided(
        `Appeal ${settled.appeal.reference} ${settled.appeal.status}. The appellant is told.`,
      )
    } catch (caught) {
      fail(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  function fail(message: string): void {
    setError(message)
    window.setTimeout(() => errorRef.current?.focus(), 0)
  }

  return (
    <form
      id="appeal-decision-form"
      className="appeal-form"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {error ? (
        <div ref={errorRef} tabIndex={-1}>
          <ErrorNotice id="decision-error">{error}</ErrorNotice>
        </div>
      ) : null}
      <OutcomeFieldset outcomes={outcomes} value={outcome} onChange={setOutcome} />
      <label htmlFor="appeal-reasons">Reasons (sent to the appellant)</label>
      <textarea
        id="appeal-reasons"
        rows={5}
        value={reasons}
        onChange={(e) => setReasons(e.target.value)}
        aria-invalid={error !== undefined && reasons.trim() === '' ? true : undefined}
      />
      {needsNew ? <NewDecisionFields draft={draft} onChange={setDraft} /> : null}
      <button type="submit" id="decide-appeal" disabled={busy}>
        {busy ? 'Deciding…' : 'Decide the appeal'}
      </button>
    </form>
  )
}

function check(outcome: Outcome | undefined, reasons: string): string | undefined {
  if (!outcome) return 'Choose an outcome: uphold or reverse the decision.'
  if (reasons.trim() === '')
    return 'Give the reasons, in plain words: they are sent to the appellant.'
  return undefined
}

interface OutcomeProps {
  outcomes: readonly Outcome[]
  value: Outcome | undefined
  onChange: (outcome: Outcome) => void
}

function OutcomeFieldset({ outcomes, value, onChange }: OutcomeProps) {
  return (
    <fieldset>
      <legend>Outcome</legend>
      {outcomes.map((o) => (
        <div key={o} className="appeal-choice">
          <input
            type="radio"
            id={`outcome-${o}`}
            name="outcome"
            value={o}
            checked={value === o}
            onChange={() => onChange(o)}
          />
          <label htmlFor={`outcome-${o}`}>{OUTCOME_LABELS[o]}</label>
        </div>
      ))}
    </fieldset>
  )
}

import type { FormEvent } from 'react'
import type { HarmView, JudgementChecklist } from './case-data'
import { GroundFields, JudgementFields, LabelTextField } from './DecisionFields'
import { type DecisionDraft, FORM_ACTIONS, toggleAction } from './decision-draft'

interface DecisionFormProps {
  draft: DecisionDraft
  harms: HarmView[]
  checklist: JudgementChecklist | undefined
  checklistProblem: string | undefined
  busy: boolean
  onChange: (draft: DecisionDraft) => void
  onSubmit: () => void
}

/** The decision: harm, ground, actions, statement and the judgement checklist. */
export function DecisionForm(props: DecisionFormProps) {
  const { draft, harms, checklist, checklistProblem, busy, onChange, onSubmit } = props
  function submit(event: FormEvent): void {
    event.preventDefault()
    onSubmit()
  }
  return (
    <form className="decision-form" id="decision-form" onSubmit={submit} noValidate>
      <label htmlFor="decision-harm">Harm</label>
      <select
        id="decision-harm"
        value={draft.harm}
        onChange={(e) => onChange({ ...draft, harm: e.target.value, judgement: {} })}
      >
        <option value="">Choose the harm…</option>
        {harms.map((h) => (
          <option key={h.id} value={h.id}>
            {h.label} ({h.id})
          </option>
        ))}
      </select>
      <JudgementFields
        draft={draft}
        checklist={checklist}
        problem={checklistProblem}
        onChange={onChange}
      />
      <GroundFields draft={draft} harms={harms} onChange={onChange} />
      <ActionFields draft={draft} onChange={onChange} />
      <label htmlFor="decision-statement">Statement: the facts and your reasoning</label>
      <textarea
        id="decision-statement"
        rows={4}
        value={draft.statement}
        onChange={(e) => onChange({ ...draft, statement: e.target.value })}
      />
      <p>
        <button type="submit" className="primary" id="decide" disabled={busy}>
          {busy ? 'Recording…' : 'Record the decision'}
        </button>
      </p>
    </form>
  )
}

function ActionFields({
  draft,
  onChange,
}: {
  draft: DecisionDraft
  onChange: (d: DecisionDraft) => void
}) {
  const chosen = new Set(draft.actions)
  return (
    <fieldset id="decision-actions">
      <legend>Actions</legend>
      {FORM_ACTIONS.map((a) => (
        <div key={a.type}>
          <label>
            <input
              type="checkbox"
              id={`action-${a.type}`}
              checked={chosen.has(a.type)}
              onChange={(e) => onChange(toggleAction(draft, a.type, e.target.checked))}
            />{' '}
            {a.label}
          </label>
          {a.type === 'geo_restrict' && chosen.has('geo_restrict') ? (
            <div className="inline-field">
              <label htmlFor="action-territories">Territories (ISO codes, e.g. GB, DE)</label>
              <input
                type="text"
                id="action-territories"
                value={draft.territories}
                onChange={(e) => onChange({ ...draft, territories: e.target.value })}
              />
            </div>
          ) : null}
          {a.type === 'label' && chosen.has('label') ? (
            <LabelTextField draft={draft} onChange={onChange} />
          ) : null}
        </div>
      ))}
      {chosen.has('suspend_account') || chosen.has('terminate_account') ? (
        <div className="inline-field">
          <label htmlFor="action-duration">Duration in hours (empty: indefinitely)</label>
          <input
            type="number"
            min={1}
            id="action-duration"
            value={draft.durationHours}
            onChange={(e) => onChange({ ...draft, durationHours: e.target.value })}
          />
        </div>
      ) : null}
    </fieldset>
  )
}

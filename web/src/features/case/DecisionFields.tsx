import { type HarmView, harmLine, type JudgementChecklist } from './case-data'
import { type DecisionDraft, LABEL_MAX_LENGTH, labelProblem } from './decision-draft'

interface FieldsProps {
  draft: DecisionDraft
  onChange: (draft: DecisionDraft) => void
}

/** The words a `label` action shows on the content; the author's statement quotes them. */
export function LabelTextField({ draft, onChange }: FieldsProps) {
  const problem = labelProblem(draft)
  const left = LABEL_MAX_LENGTH - draft.labelText.trim().length
  return (
    <div className="inline-field">
      <label htmlFor="action-label-text">Label text: the warning people see on the content</label>
      <input
        type="text"
        id="action-label-text"
        value={draft.labelText}
        aria-describedby="action-label-text-hint"
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange({ ...draft, labelText: e.target.value })}
      />
      <span className={problem ? 'field-problem' : 'case-meta'} id="action-label-text-hint">
        {problem ??
          `Optional; up to ${LABEL_MAX_LENGTH} characters (${left} left). The statement quotes it.`}
      </span>
    </div>
  )
}

/** Illegal under an offence, or against a clause of a version of the terms. */
export function GroundFields({ draft, harms, onChange }: FieldsProps & { harms: HarmView[] }) {
  const offences = [...new Set(harmLine(harms, draft.harm).flatMap((h) => h.offences ?? []))]
  return (
    <fieldset id="decision-ground">
      <legend>Ground</legend>
      <label>
        <input
          type="radio"
          name="ground"
          id="ground-illegal"
          checked={draft.groundType === 'illegal'}
          onChange={() => onChange({ ...draft, groundType: 'illegal' })}
        />{' '}
        Illegal content
      </label>
      {draft.groundType === 'illegal' ? (
        <div className="inline-field">
          <label htmlFor="ground-offence">Offence</label>
          <input
            type="text"
            id="ground-offence"
            list="offence-options"
            value={draft.offence}
            onChange={(e) => onChange({ ...draft, offence: e.target.value })}
          />
          <datalist id="offence-options">
            {offences.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </div>
      ) : null}
      <label>
        <input
          type="radio"
          name="ground"
          id="ground-terms"
          checked={draft.groundType === 'terms'}
          onChange={() => onChange({ ...draft, groundType: 'terms' })}
        />{' '}
        Against our terms of service
      </label>
      {draft.groundType === 'terms' ? (
        <div className="inline-field">
          <label htmlFor="ground-clause">Clause</label>
          <input
            type="text"
            id="ground-clause"
            value={draft.clause}
            onChange={(e) => onChange({ ...draft, clause: e.target.value })}
          />
          <label htmlFor="ground-version">Version of the terms, e.g. 2026-01</label>
          <input
            type="text"
            id="ground-version"
            value={draft.version}
            onChange={(e) => onChange({ ...draft, version: e.target.value })}
          />
        </div>
      ) : null}
    </fieldset>
  )
}

interface JudgementProps extends FieldsProps {
  checklist: JudgementChecklist | undefined
  problem: string | undefined
}

/** The illegal content judgement checklist (Ofcom ICU C1), recorded with the decision. */
export function JudgementFields({ draft, checklist, problem, onChange }: JudgementProps) {
  if (!draft.harm) return null
  if (problem) return <p className="case-meta">{problem}</p>
  if (!checklist) return <p className="case-meta">Loading the judgement checklist…</p>
  return (
    <fieldset id="judgement-checklist">
      <legend>{checklist.title}</legend>
      {checklist.items.map((item) => (
        <div key={item.id}>
          <label>
            <input
              type="checkbox"
              id={`judgement-${item.id}`}
              aria-describedby={`judgement-${item.id}-guidance`}
              checked={draft.judgement[item.id] === true}
              onChange={(e) =>
                onChange({
                  ...draft,
                  judgement: { ...draft.judgement, [item.id]: e.target.checked },
                })
              }
            />{' '}
            {item.question}
          </label>
          <span className="judgement-guidance" id={`judgement-${item.id}-guidance`}>
            {item.guidance}
          </span>
        </div>
      ))}
      <label htmlFor="judgement-note">Note on the judgement (optional)</label>
      <textarea
        id="judgement-note"
        rows={2}
        value={draft.judgementNote}
        onChange={(e) => onChange({ ...draft, judgementNote: e.target.value })}
      />
    </fieldset>
  )
}

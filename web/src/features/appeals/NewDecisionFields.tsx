import { useApi } from '../../api/api-context'
import { useLoad } from '../../lib/use-load'
import { loadHarms, type ReplacementDecision } from './appeal-data'

export interface NewDecisionDraft {
  harm: string
  groundType: 'illegal' | 'terms'
  offence: string
  clause: string
  version: string
  action: string
  statement: string
}

export const EMPTY_DECISION: NewDecisionDraft = {
  harm: '',
  groundType: 'terms',
  offence: '',
  clause: '',
  version: '',
  action: 'remove',
  statement: '',
}

const ACTIONS = [
  'remove',
  'disable',
  'demote',
  'age_restrict',
  'restrict_interaction',
  'label',
  'demonetise',
  'suspend_account',
  'terminate_account',
]

export function toReplacement(d: NewDecisionDraft): ReplacementDecision {
  return {
    harm: d.harm,
    ground:
      d.groundType === 'illegal'
        ? { type: 'illegal', offence: d.offence.trim() }
        : { type: 'terms', clause: d.clause.trim(), version: d.version.trim() },
    actions: [{ type: d.action }],
    statement: d.statement.trim(),
  }
}

interface FieldsProps {
  draft: NewDecisionDraft
  onChange: (draft: NewDecisionDraft) => void
}

/** A reporter appealed a refusal to act: reversing it records this new decision on the case. */
export function NewDecisionFields({ draft, onChange }: FieldsProps) {
  const api = useApi()
  const { state } = useLoad(() => loadHarms(api), 'harms')
  const set = (patch: Partial<NewDecisionDraft>) => onChange({ ...draft, ...patch })
  return (
    <fieldset id="new-decision">
      <legend>The new decision (the one under appeal restricted nothing)</legend>
      <label htmlFor="new-harm">Harm</label>
      <select id="new-harm" value={draft.harm} onChange={(e) => set({ harm: e.target.value })}>
        <option value="">{state.status === 'ok' ? 'Choose a harm' : 'Loading harms…'}</option>
        {state.status === 'ok'
          ? state.data.map((h) => (
              <option key={h.id} value={h.id}>
                {h.label} ({h.id})
              </option>
            ))
          : null}
      </select>
      <GroundFields draft={draft} set={set} />
      <label htmlFor="new-action">Action</label>
      <select
        id="new-action"
        value={draft.action}
        onChange={(e) => set({ action: e.target.value })}
      >
        {ACTIONS.map((a) => (
          <option key={a} value={a}>
            {a.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <label htmlFor="new-statement">Statement of reasons</label>
      <textarea
        id="new-statement"
        rows={4}
        value={draft.statement}
        onChange={(e) => set({ statement: e.target.value })}
      />
    </fieldset>
  )
}

interface TextFieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
}

function TextField({ id, label, value, onChange }: TextFieldProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  )
}

interface GroundProps {
  draft: NewDecisionDraft
  set: (patch: Partial<NewDecisionDraft>) => void
}

/** The law or the terms clause the new decision rests on. */
function GroundFields({ draft, set }: GroundProps) {
  return (
    <>
      <label htmlFor="new-ground">Ground</label>
      <select
        id="new-ground"
        value={draft.groundType}
        onChange={(e) => set({ groundType: e.target.value as NewDecisionDraft['groundType'] })}
      >
        <option value="terms">Terms of service</option>
        <option value="illegal">Illegal content</option>
      </select>
      {draft.groundType === 'illegal' ? (
        <TextField
          id="new-offence"
          label="Offence"
          value={draft.offence}
          onChange={(offence) => set({ offence })}
        />
      ) : (
        <>
          <TextField
            id="new-clause"
            label="Terms clause"
            value={draft.clause}
            onChange={(clause) => set({ clause })}
          />
          <TextField
            id="new-version"
            label="Version of the terms"
            value={draft.version}
            onChange={(version) => set({ version })}
          />
        </>
      )}
    </>
  )
}

import type { Action, ActionType } from '../../../../src/core/decision'
import { type DecisionBody, defaultOffence, type HarmView, harmLabel } from './case-data'

/** The actions the form offers, in the order a moderator weighs them. */
export const FORM_ACTIONS: { type: ActionType; label: string }[] = [
  { type: 'no_action', label: 'No action' },
  { type: 'remove', label: 'Remove' },
  { type: 'disable', label: 'Disable access' },
  { type: 'demote', label: 'Demote' },
  { type: 'age_restrict', label: 'Age-restrict' },
  { type: 'restrict_interaction', label: 'Restrict interaction' },
  { type: 'label', label: 'Label' },
  { type: 'geo_restrict', label: 'Restrict in some territories' },
  { type: 'demonetise', label: 'Demonetise' },
  { type: 'suspend_account', label: 'Suspend the account' },
  { type: 'terminate_account', label: 'Terminate the account' },
]

/** The longest label text the API takes (the `label` of an action in src/core/decision.ts). */
export const LABEL_MAX_LENGTH = 200

/** The decision form as typed, before it becomes a request body. */
export interface DecisionDraft {
  harm: string
  groundType: 'illegal' | 'terms'
  offence: string
  clause: string
  version: string
  actions: ActionType[]
  /** Comma- or space-separated ISO codes, for geo_restrict. */
  territories: string
  /** The warning a `label` action puts on the content; empty means a label without words. */
  labelText: string
  /** Hours, for suspend_account and terminate_account; empty means indefinitely. */
  durationHours: string
  statement: string
  /** Checklist answers by item id. */
  judgement: Record<string, boolean>
  judgementNote: string
}

export function emptyDraft(harm: string, harms: readonly HarmView[]): DecisionDraft {
  return {
    harm,
    groundType: harms.find((h) => h.id === harm)?.illegal === false ? 'terms' : 'illegal',
    offence: harm ? defaultOffence(harms, harm) : '',
    clause: '',
    version: '',
    actions: [],
    territories: '',
    labelText: '',
    durationHours: '',
    statement: '',
    judgement: {},
    judgementNote: '',
  }
}

/** The `r` shortcut: remove as illegal under the case's harm, with a plain statement. */
export function removeDraft(draft: DecisionDraft, harms: readonly HarmView[]): DecisionDraft {
  const label = harmLabel(harms, draft.harm)
  return {
    ...draft,
    groundType: 'illegal',
    offence: draft.offence || defaultOffence(harms, draft.harm),
    actions: ['remove'],
    statement:
      draft.statement || `We reviewed the content and found it illegal (${label}). We removed it.`,
  }
}

/** The `n` shortcut: no action, saying what was checked. */
export function noActionDraft(draft: DecisionDraft, harms: readonly HarmView[]): DecisionDraft {
  const label = harmLabel(harms, draft.harm)
  return {
    ...draft,
    offence: draft.offence || defaultOffence(harms, draft.harm),
    actions: ['no_action'],
    statement:
      draft.statement ||
      `We reviewed the content for ${label} and found nothing that breaks the law or our terms.`,
  }
}

export function toggleAction(draft: DecisionDraft, type: ActionType, on: boolean): DecisionDraft {
  if (!on) return { ...draft, actions: draft.actions.filter((a) => a !== type) }
  // @NOTE No action excludes every other action, and any other action excludes no action.
  const rest = type === 'no_action' ? [] : draft.actions.filter((a) => a !== 'no_action')
  return { ...draft, actions: [...rest, type] }
}

function toAction(type: ActionType, draft: DecisionDraft): Action {
  if (type === 'geo_restrict') {
    const territories = draft.territories
      .toUpperCase()
      .split(/[\s,]+/)
      .filter(Boolean)
    return { type, territories }
  }
  if (type === 'label') {
    const label = draft.labelText.trim()
    return label ? { type, label } : { type }
  }
  const hours = Number.parseInt(draft.durationHours, 10)
  if ((type === 'suspend_account' || type === 'terminate_account') && hours > 0) {
    return { type, durationHours: hours }
  }
  return { type }
}

/** The request body for the decision and the statement preview; the API judges its validity. */
export function draftBody(draft: DecisionDraft, checklist: readonly string[]): DecisionBody {
  const ground =
    draft.groundType === 'illegal'
      ? { type: 'illegal' as const, offence: draft.offence.trim() }
      : { type: 'terms' as const, clause: draft.clause.trim(), version: draft.version.trim() }
  const body: DecisionBody = {
    harm: draft.harm,
    ground,
    actions: draft.actions.map((type) => toAction(type, draft)),
    statement: draft.statement.trim(),
  }
  const note = draft.judgementNote.trim()
  // @NOTE A checklist nobody touched is left out rather than recorded as "not met" throughout.
  if (checklist.length > 0 && (checklist.some((id) => draft.judgement[id]) || note)) {
    body.judgement = {
      items: checklist.map((id) => ({ id, met: draft.judgement[id] === true })),
      ...(note ? { note } : {}),
    }
  }
  return body
}

/** What is wrong with the label text, as the API would refuse it; undefined when it is fine. */
export function labelProblem(draft: DecisionDraft): string | undefined {
  if (!draft.actions.includes('label')) return undefined
  const length = draft.labelText.trim().length
  return length > LABEL_MAX_LENGTH
    ? `The label text has ${length} characters; shorten it to ${LABEL_MAX_LENGTH} or fewer.`
    : undefined
}

/** True when the draft has what a preview needs, so the preview does not nag half-way. */
export function previewable(draft: DecisionDraft): boolean {
  return draft.harm !== '' && draft.actions.length > 0 && draft.statement.trim() !== ''
}

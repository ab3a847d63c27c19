// The queue page's filters, kept in the URL query (`?escalation=overdue&assignee=me&kind=appeal`)
// so a copied link opens the same view.

export type EscalationFilter = 'all' | 'nearing' | 'overdue' | 'none'
export type AssigneeFilter = 'anyone' | 'me' | 'none'
export type KindFilter = 'all' | 'content' | 'appeal'

export interface QueueFilters {
  escalation: EscalationFilter
  assignee: AssigneeFilter
  kind: KindFilter
}

export const DEFAULT_FILTERS: QueueFilters = { escalation: 'all', assignee: 'anyone', kind: 'all' }

export const ESCALATION_OPTIONS: { value: EscalationFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'nearing', label: 'Nearing the SLA' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'none', label: 'Not escalated' },
]

export const ASSIGNEE_OPTIONS: { value: AssigneeFilter; label: string }[] = [
  { value: 'anyone', label: 'Anyone' },
  { value: 'me', label: 'Me' },
  { value: 'none', label: 'Unclaimed' },
]

export const KIND_OPTIONS: { value: KindFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'content', label: 'Content' },
  { value: 'appeal', label: 'Appeal' },
]

function pick<T extends string>(value: string | null, options: { value: T }[], fallback: T): T {
  return options.find((o) => o.value === value)?.value ?? fallback
}

/** The filters a query string names; unknown values fall back to the defaults. */
export function parseFilters(search: string): QueueFilters {
  const params = new URLSearchParams(search)
  return {
    escalation: pick(params.get('escalation'), ESCALATION_OPTIONS, 'all'),
    assignee: pick(params.get('assignee'), ASSIGNEE_OPTIONS, 'anyone'),
    kind: pick(params.get('kind'), KIND_OPTIONS, 'all'),
  }
}

/** The query string for the filters, without defaults: '' or '?escalation=overdue'. */
export function filtersSearch(filters: QueueFilters): string {
  const params = new URLSearchParams()
  if (filters.escalation !== 'all') params.set('escalation', filters.escalation)
  if (filters.assignee !== 'anyone') params.set('assignee', filters.assignee)
  if (filters.kind !== 'all') params.set('kind', filters.kind)
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

/** The `GET /v1/cases` query parameters the filters add. */
export function filtersQuery(filters: QueueFilters): {
  escalation?: 'nearing' | 'overdue' | 'none'
  assignee?: 'me' | 'none'
  kind?: 'content' | 'appeal'
} {
  return {
    ...(filters.escalation === 'all' ? {} : { escalation: filters.escalation }),
    ...(filters.assignee === 'anyone' ? {} : { assignee: filters.assignee }),
    ...(filters.kind === 'all' ? {} : { kind: filters.kind }),
  }
}

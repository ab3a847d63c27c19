import { CONSOLE_ROLE_RULES } from '../../../../src/core/console-roles'
import type { ConsoleRole } from '../../../../src/core/roles'

// The queue page's filters, kept in the URL query (`?escalation=overdue&assignee=me&kind=appeal`,
// or `assignee=user:<id>` for a named colleague) so a copied link opens the same view.

export type EscalationFilter = 'all' | 'nearing' | 'overdue' | 'none'
/** A console user who holds the case, as the API names them. */
export type PersonFilter = `user:${string}`
export type AssigneeFilter = 'anyone' | 'me' | 'none' | PersonFilter
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

export const ASSIGNEE_OPTIONS: { value: Exclude<AssigneeFilter, PersonFilter>; label: string }[] = [
  { value: 'anyone', label: 'Anyone' },
  { value: 'me', label: 'Me' },
  { value: 'none', label: 'Unclaimed' },
]

export const KIND_OPTIONS: { value: KindFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'content', label: 'Content' },
  { value: 'appeal', label: 'Appeal' },
]

/** A colleague the assignee filter can name. */
export interface Person {
  id: string
  name: string
  role: ConsoleRole
}

const PERSON = /^user:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The people a case can be assigned to: read-only roles never hold a case, so they are left out. */
export function assignablePeople(people: readonly Person[]): Person[] {
  return people.filter((p) => !CONSOLE_ROLE_RULES[p.role].readOnly)
}

export function personFilter(person: Pick<Person, 'id'>): PersonFilter {
  return `user:${person.id}`
}

function pickAssignee(value: string | null): AssigneeFilter {
  if (value !== null && PERSON.test(value)) return value.toLowerCase() as PersonFilter
  return pick(value, ASSIGNEE_OPTIONS, 'anyone')
}

function pick<T extends string>(value: string | null, options: { value: T }[], fallback: T): T {
  return options.find((o) => o.value === value)?.value ?? fallback
}

/** The filters a query string names; unknown values fall back to the defaults. */
export function parseFilters(search: string): QueueFilters {
  const params = new URLSearchParams(search)
  return {
    escalation: pick(params.get('escalation'), ESCALATION_OPTIONS, 'all'),
    assignee: pickAssignee(params.get('assignee')),
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
  assignee?: Exclude<AssigneeFilter, 'anyone'>
  kind?: 'content' | 'appeal'
} {
  return {
    ...(filters.escalation === 'all' ? {} : { escalation: filters.escalation }),
    ...(filters.assignee === 'anyone' ? {} : { assignee: filters.assignee }),
    ...(filters.kind === 'all' ? {} : { kind: filters.kind }),
  }
}

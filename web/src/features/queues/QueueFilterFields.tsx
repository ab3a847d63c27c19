import { roleLabel } from '../../lib/roles'
import {
  ASSIGNEE_OPTIONS,
  type AssigneeFilter,
  assignablePeople,
  ESCALATION_OPTIONS,
  KIND_OPTIONS,
  type Person,
  personFilter,
  type QueueFilters,
} from './queue-filters'
import './queue-filters.css'

interface FilterSelectProps<T extends string> {
  id: string
  label: string
  value: T
  options: { value: T; label: string }[]
  onChange: (value: T) => void
}

function FilterSelect<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: FilterSelectProps<T>) {
  return (
    <div className="queue-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

interface AssigneeSelectProps {
  value: AssigneeFilter
  /** The console's people; undefined while they load. */
  people: readonly Person[] | undefined
  onChange: (value: AssigneeFilter) => void
}

/** Anyone, me, unclaimed, or a named colleague who may hold cases. */
function AssigneeSelect({ value, people, onChange }: AssigneeSelectProps) {
  const listed = assignablePeople(people ?? [])
  const unlisted =
    value.startsWith('user:') && !listed.some((p) => personFilter(p) === value)
      ? { value, label: people === undefined ? 'Loading names…' : 'Someone no longer listed' }
      : undefined
  return (
    <div className="queue-filter">
      <label htmlFor="filter-assignee">Claimed by</label>
      <select
        id="filter-assignee"
        value={value}
        onChange={(event) => onChange(event.target.value as AssigneeFilter)}
      >
        {ASSIGNEE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {listed.length > 0 || unlisted ? (
          <optgroup label="A colleague">
            {listed.map((p) => (
              <option key={p.id} value={personFilter(p)}>
                {p.name} ({roleLabel(p.role)})
              </option>
            ))}
            {unlisted ? <option value={unlisted.value}>{unlisted.label}</option> : null}
          </optgroup>
        ) : null}
      </select>
    </div>
  )
}

/** The queue page's filters: escalation, who has the case, and its kind. */
export function QueueFilterFields({
  filters,
  people,
  onChange,
}: {
  filters: QueueFilters
  people: readonly Person[] | undefined
  onChange: (filters: QueueFilters) => void
}) {
  return (
    <fieldset className="queue-filters" id="queue-filters">
      <legend>Filter cases</legend>
      <FilterSelect
        id="filter-escalation"
        label="Escalation"
        value={filters.escalation}
        options={ESCALATION_OPTIONS}
        onChange={(escalation) => onChange({ ...filters, escalation })}
      />
      <AssigneeSelect
        value={filters.assignee}
        people={people}
        onChange={(assignee) => onChange({ ...filters, assignee })}
      />
      <FilterSelect
        id="filter-kind"
        label="Kind"
        value={filters.kind}
        options={KIND_OPTIONS}
        onChange={(kind) => onChange({ ...filters, kind })}
      />
    </fieldset>
  )
}

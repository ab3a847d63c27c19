import {
  ASSIGNEE_OPTIONS,
  ESCALATION_OPTIONS,
  KIND_OPTIONS,
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

/** The queue page's filters: escalation, who has the case, and its kind. */
export function QueueFilterFields({
  filters,
  onChange,
}: {
  filters: QueueFilters
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
      <FilterSelect
        id="filter-assignee"
        label="Claimed by"
        value={filters.assignee}
        options={ASSIGNEE_OPTIONS}
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

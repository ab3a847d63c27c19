import { type FormEvent, useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeading } from '../../components/PageHeading'
import { formatTime } from '../../lib/format-time'
import { messageOf, useLoad } from '../../lib/use-load'
import {
  type AuditEntryView,
  type AuditFilter,
  actorText,
  loadAuditEntries,
  NO_FILTER,
} from './audit-data'
import { VerifyChain } from './VerifyChain'
import './audit.css'

/** The audit log, newest first, filtered by entity and action, and the chain's check. */
export function AuditPage() {
  const api = useApi()
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER)
  const [older, setOlder] = useState<{ entries: AuditEntryView[]; nextBefore: number | null }>()
  const [moreError, setMoreError] = useState<string>()
  const { state } = useLoad(() => loadAuditEntries(api, filter), JSON.stringify(filter))
  const entries = state.status === 'ok' ? [...state.data.entries, ...(older?.entries ?? [])] : []
  const nextBefore = older ? older.nextBefore : state.status === 'ok' ? state.data.nextBefore : null

  function apply(next: AuditFilter): void {
    setOlder(undefined)
    setMoreError(undefined)
    setFilter(next)
  }

  async function more(): Promise<void> {
    if (nextBefore === null) return
    try {
      const page = await loadAuditEntries(api, filter, nextBefore)
      setOlder({
        entries: [...(older?.entries ?? []), ...page.entries],
        nextBefore: page.nextBefore,
      })
    } catch (caught) {
      setMoreError(messageOf(caught))
    }
  }

  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <p className="lede">
        Every change of state, newest first. Entries are sealed into a hash chain shortly after they
        are written; verify the chain to check that none was changed, added or removed.
      </p>
      <VerifyChain />
      <FilterForm initial={filter} onApply={apply} />
      {state.status === 'loading' ? <p aria-live="polite">Loading entries…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? <EntryTable entries={entries} /> : null}
      {moreError ? <ErrorNotice>{moreError}</ErrorNotice> : null}
      {state.status === 'ok' && nextBefore !== null ? (
        <button type="button" id="audit-older" onClick={() => void more()}>
          Older entries
        </button>
      ) : null}
    </>
  )
}

function FilterForm({
  initial,
  onApply,
}: {
  initial: AuditFilter
  onApply: (f: AuditFilter) => void
}) {
  const [draft, setDraft] = useState(initial)
  function submit(event: FormEvent): void {
    event.preventDefault()
    onApply(draft)
  }
  const field = (key: keyof AuditFilter, label: string, hint: string) => (
    <div className="audit-field">
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input
        id={`audit-${key}`}
        type="text"
        placeholder={hint}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </div>
  )
  return (
    <form
      className="audit-filters"
      id="audit-filters"
      onSubmit={submit}
      aria-label="Filter entries"
    >
      {field('entityType', 'Entity type', 'e.g. decision')}
      {field('entityId', 'Entity id', 'an id')}
      {field('action', 'Action', 'e.g. decision.recorded')}
      <button type="submit" id="audit-apply">
        Filter
      </button>
      <button
        type="button"
        id="audit-clear"
        onClick={() => {
          setDraft(NO_FILTER)
          onApply(NO_FILTER)
        }}
      >
        Clear
      </button>
    </form>
  )
}

function EntryTable({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) return <p id="audit-empty">No entries match.</p>
  return (
    <table className="data" id="audit-table">
      <caption>Audit entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Entity</th>
          <th scope="col">Sealed</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr
            key={e.id}
            data-entry={e.id}
            data-action={e.action}
            data-entity-type={e.entityType}
            data-entity-id={e.entityId}
          >
            <td>
              <time dateTime={e.occurredAt}>{formatTime(e.occurredAt)}</time>
            </td>
            <td data-cell="actor">{actorText(e)}</td>
            <th scope="row" data-cell="action">
              {e.action}
            </th>
            <td data-cell="entity">
              {e.entityType} {e.entityId}
            </td>
            <td data-cell="sealed">{e.sealed ? `yes, number ${e.chainSeq}` : 'not yet'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

import { type FormEvent, useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatTime } from '../../lib/format-time'
import { messageOf, useLoad } from '../../lib/use-load'
import {
  type BankEntryView,
  changeEntry,
  type EntryPage,
  entryState,
  loadEntries,
  retractEntry,
} from './bank-data'

interface EntriesProps {
  bankId: string
  may: boolean
  onChanged: (message: string) => void
}

/** The bank's entries a page at a time, with disable, enable and retract for an admin. */
export function BankEntries({ bankId, may, onChanged }: EntriesProps) {
  const api = useApi()
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const after = cursors.at(-1)
  const { state, reload } = useLoad(() => loadEntries(api, bankId, after), `${bankId}:${after}`)
  async function changed(message: string): Promise<void> {
    await reload()
    onChanged(message)
  }
  return (
    <section aria-labelledby="entries-heading" id="bank-entries">
      <h2 id="entries-heading">Entries</h2>
      {state.status === 'loading' ? <p aria-live="polite">Loading entries…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <EntryTable page={state.data} bankId={bankId} may={may} onChanged={changed} />
      ) : null}
      <div className="entry-actions">
        {cursors.length > 1 ? (
          <button type="button" id="entries-first" onClick={() => setCursors([undefined])}>
            First page
          </button>
        ) : null}
        {state.status === 'ok' && state.data.next ? (
          <button
            type="button"
            id="entries-next"
            onClick={() => setCursors([...cursors, state.data.next])}
          >
            Next page
          </button>
        ) : null}
      </div>
    </section>
  )
}

interface TableProps {
  page: EntryPage
  bankId: string
  may: boolean
  onChanged: (message: string) => Promise<void>
}

function EntryTable({ page, bankId, may, onChanged }: TableProps) {
  if (page.entries.length === 0) return <p id="entries-empty">No entries on this page.</p>
  return (
    <table className="data" id="entry-table">
      <caption>{page.entries.length} entries on this page</caption>
      <thead>
        <tr>
          <th scope="col">Value</th>
          <th scope="col">Note</th>
          <th scope="col">Added</th>
          <th scope="col">State</th>
          {may ? <th scope="col">Change</th> : null}
        </tr>
      </thead>
      <tbody>
        {page.entries.map((e) => (
          <tr key={e.id} data-entry={e.id}>
            <th scope="row" className="bank-value">
              {e.value}
            </th>
            <td>{e.note ?? ''}</td>
            <td>
              {formatTime(e.createdAt)} by {e.addedBy}
            </td>
            <td data-cell="state">
              {entryState(e)}
              {e.retractionReason ? `: ${e.retractionReason}` : ''}
            </td>
            {may ? (
              <td>
                <EntryControls entry={e} bankId={bankId} onChanged={onChanged} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

interface ControlProps {
  entry: BankEntryView
  bankId: string
  onChanged: (message: string) => Promise<void>
}

function EntryControls({ entry, bankId, onChanged }: ControlProps) {
  const api = useApi()
  const [retracting, setRetracting] = useState(false)
  const [error, setError] = useState<string>()
  if (entry.retractedAt) return <>retracted for good</>
  const to = entry.disabledAt ? 'enable' : 'disable'
  async function flip(): Promise<void> {
    setError(undefined)
    try {
      await changeEntry(api, bankId, entry.id, to)
      await onChanged(`Entry ${entry.value} ${to === 'disable' ? 'disabled' : 'enabled'}.`)
    } catch (caught) {
      setError(messageOf(caught))
    }
  }
  return (
    <div className="entry-actions">
      <button type="button" data-action={to} onClick={() => void flip()}>
        {to === 'disable' ? 'Disable' : 'Enable'}
        <span className="visually-hidden"> {entry.value}</span>
      </button>
      {retracting ? (
        <RetractForm
          entry={entry}
          bankId={bankId}
          onCancel={() => setRetracting(false)}
          onChanged={onChanged}
        />
      ) : (
        <button type="button" data-action="retract" onClick={() => setRetracting(true)}>
          Retract…<span className="visually-hidden"> {entry.value}</span>
        </button>
      )}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  )
}

interface RetractProps extends ControlProps {
  onCancel: () => void
}

/** Retraction is final: it asks for the reason, then for a confirmation. */
function RetractForm({ entry, bankId, onCancel, onChanged }: RetractProps) {
  const api = useApi()
  const [reason, setReason] = useState('')
  const [sure, setSure] = useState(false)
  const [error, setError] = useState<string>()
  const id = `retract-${entry.id}`
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (reason.trim() === '') return setError('Give the reason: it is kept with the entry.')
    if (!sure) return setError('Confirm that the retraction is final.')
    try {
      await retractEntry(api, bankId, entry.id, reason.trim())
      await onChanged(`Entry ${entry.value} retracted.`)
    } catch (caught) {
      setError(messageOf(caught))
    }
  }
  return (
    <form className="bank-retract" onSubmit={(e) => void submit(e)} noValidate>
      <div>
        <label htmlFor={`${id}-reason`}>Reason for retracting</label>
        <input
          id={`${id}-reason`}
          type="text"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          // biome-ignore lint/a11y/noAutofocus: the form opens on the admin's request.
          autoFocus
        />
      </div>
      <div>
        <span>
          <input
            id={`${id}-sure`}
            type="checkbox"
            checked={sure}
            onChange={(e) => setSure(e.target.checked)}
          />{' '}
          <label htmlFor={`${id}-sure`}>I understand this is final</label>
        </span>
      </div>
      <button type="submit" data-action="confirm-retract">
        Retract for good
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </form>
  )
}

import { type FormEvent, useState } from 'react'
import { consoleMay } from '../../../../src/core/console-roles'
import type { ConsoleRole } from '../../../../src/core/roles'
import { useApi } from '../../api/api-context'
import type { ConsoleUser } from '../../api/views'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { formatTime } from '../../lib/format-time'
import { messageOf, useLoad } from '../../lib/use-load'
import { BankEntries } from './BankEntries'
import { ImportForm } from './ImportForm'
import './banks.css'
import { addEntry, type BankView, exportHref, loadBank, setBankEnabled } from './bank-data'

/** One bank: its facts, its switch, its exports, a form to add an entry, and its entries. */
export function BankPage({ bankId, user }: { bankId: string; user: ConsoleUser }) {
  const api = useApi()
  const { state, reload } = useLoad(() => loadBank(api, bankId), bankId)
  const [status, setStatus] = useState('')
  const [version, setVersion] = useState(0)
  const may = consoleMay(user.role as ConsoleRole, 'PATCH', '/v1/banks/{id}', ['admin'])
  async function changed(message: string): Promise<void> {
    setStatus(message)
    await reload()
  }
  async function added(message: string): Promise<void> {
    setVersion((v) => v + 1)
    await changed(message)
  }
  return (
    <>
      <p className="breadcrumb">
        <Link to="/banks">All banks</Link>
      </p>
      <PageHeading>{state.status === 'ok' ? `Bank ${state.data.name}` : 'Bank'}</PageHeading>
      <p role="status" id="bank-status" className="status-line">
        {status}
      </p>
      {state.status === 'loading' ? <p aria-live="polite">Loading the bank…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <>
          <BankFacts bank={state.data} />
          <BankTools bank={state.data} may={may} onChanged={changed} />
          <WriteForms bank={state.data} may={may} onAdded={added} />
          <BankEntries
            key={version}
            bankId={bankId}
            may={may}
            onChanged={(message) => void changed(message)}
          />
        </>
      ) : null}
    </>
  )
}

interface WriteProps {
  bank: BankView
  may: boolean
  onAdded: (message: string) => Promise<void>
}

function WriteForms({ bank, may, onAdded }: WriteProps) {
  if (!may) {
    return <p id="bank-read-only">Only an admin changes banks; you can browse and export them.</p>
  }
  return (
    <>
      <AddEntryForm bank={bank} onAdded={(value) => onAdded(`Added ${value}.`)} />
      <ImportForm bankId={bank.id} onImported={onAdded} />
    </>
  )
}

function BankFacts({ bank }: { bank: BankView }) {
  return (
    <dl className="bank-facts" id="bank-facts">
      <dt>Kind</dt>
      <dd>{bank.kind}</dd>
      <dt>Harm</dt>
      <dd>{bank.harm}</dd>
      <dt>Action on a match</dt>
      <dd>{bank.action}</dd>
      <dt>Source</dt>
      <dd>{bank.source}</dd>
      <dt>State</dt>
      <dd id="bank-enabled">{bank.enabled ? 'on: its entries match' : 'off: nothing matches'}</dd>
      <dt>Entries</dt>
      <dd id="bank-counts">
        {bank.entries} in all, {bank.activeEntries} active
      </dd>
      <dt>Created</dt>
      <dd>{formatTime(bank.createdAt)}</dd>
      {bank.description ? (
        <>
          <dt>Description</dt>
          <dd>{bank.description}</dd>
        </>
      ) : null}
    </dl>
  )
}

interface ToolsProps {
  bank: BankView
  may: boolean
  onChanged: (message: string) => Promise<void>
}

function BankTools({ bank, may, onChanged }: ToolsProps) {
  const api = useApi()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  async function toggle(): Promise<void> {
    setBusy(true)
    setError(undefined)
    try {
      await setBankEnabled(api, bank.id, !bank.enabled)
      await onChanged(bank.enabled ? 'The bank is off.' : 'The bank is on.')
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="bank-tools">
      {may ? (
        <button type="button" id="bank-toggle" disabled={busy} onClick={() => void toggle()}>
          {bank.enabled ? 'Turn the bank off' : 'Turn the bank on'}
        </button>
      ) : null}
      <a href={exportHref(bank.id, 'jsonl')} id="export-jsonl" download>
        Export as JSON lines
      </a>
      <a href={exportHref(bank.id, 'hma-csv')} id="export-hma" download>
        Export as HMA CSV
      </a>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
    </div>
  )
}

function AddEntryForm({
  bank,
  onAdded,
}: {
  bank: BankView
  onAdded: (v: string) => Promise<void>
}) {
  const api = useApi()
  const [value, setValue] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (value.trim() === '') return setError(`Enter the ${bank.kind} value to add.`)
    setBusy(true)
    setError(undefined)
    try {
      await addEntry(api, bank.id, { value: value.trim(), ...(note.trim() ? { note } : {}) })
      const added = value.trim()
      setValue('')
      setNote('')
      await onAdded(added)
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="bank-add" id="add-entry" onSubmit={(e) => void submit(e)} noValidate>
      <div>
        <label htmlFor="entry-value">Value ({bank.kind})</label>
        <input
          id="entry-value"
          type="text"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error !== undefined && value.trim() === '' ? true : undefined}
        />
      </div>
      <div>
        <label htmlFor="entry-note">Note (optional)</label>
        <input id="entry-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" id="add-entry-submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add the entry'}
      </button>
      {error ? <ErrorNotice id="add-entry-error">{error}</ErrorNotice> : null}
    </form>
  )
}

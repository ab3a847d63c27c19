import { type FormEvent, useRef, useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { messageOf } from '../../lib/use-load'
import { type BankFileFormat, formatOfName, type ImportCounts, importBankFile } from './bank-data'

interface ImportProps {
  bankId: string
  onImported: (message: string) => Promise<void>
}

/** Uploads a bank file (JSON lines or HMA CSV) with its progress, then the server's counts. */
export function ImportForm({ bankId, onImported }: ImportProps) {
  const fileRef = useRef<HTMLInputElement>(null)
  const [format, setFormat] = useState<BankFileFormat>('jsonl')
  const [sent, setSent] = useState<number>()
  const [counts, setCounts] = useState<ImportCounts>()
  const [error, setError] = useState<string>()
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const file = fileRef.current?.files?.[0]
    if (!file) return setError('Choose a file to import.')
    setError(undefined)
    setCounts(undefined)
    setSent(0)
    try {
      const content = await file.text()
      const answer = await importBankFile(bankId, { format, content }, setSent)
      setCounts(answer)
      await onImported(`Imported ${answer.added} new entries from ${file.name}.`)
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setSent(undefined)
    }
  }
  return (
    <form className="bank-add" id="import-file" onSubmit={(e) => void submit(e)} noValidate>
      <div>
        <label htmlFor="import-input">Bank file</label>
        <input
          id="import-input"
          type="file"
          ref={fileRef}
          accept=".jsonl,.ndjson,.json,.csv,text/csv,application/x-ndjson"
          onChange={(e) => {
            const name = e.target.files?.[0]?.name
            if (name) setFormat(formatOfName(name))
          }}
        />
      </div>
      <div>
        <label htmlFor="import-format">Format</label>
        <select
          id="import-format"
          value={format}
          onChange={(e) => setFormat(e.target.value as BankFileFormat)}
        >
          <option value="jsonl">JSON lines</option>
          <option value="hma-csv">HMA CSV</option>
        </select>
      </div>
      <button type="submit" id="import-submit" disabled={sent !== undefined}>
        {sent !== undefined ? 'Importing…' : 'Import the file'}
      </button>
      <ImportOutcome sent={sent} counts={counts} />
      {error ? <ErrorNotice id="import-error">{error}</ErrorNotice> : null}
    </form>
  )
}

/** The upload's progress while it runs, then the server's counts. */
function ImportOutcome({ sent, counts }: { sent?: number; counts?: ImportCounts }) {
  if (sent !== undefined) {
    return (
      <div>
        <label htmlFor="import-progress">
          {sent < 1 ? 'Uploading' : 'Checking and writing the entries'}
        </label>
        <progress id="import-progress" max={1} value={sent < 1 ? sent : undefined} />
      </div>
    )
  }
  if (!counts) return null
  return (
    <p id="import-counts">
      {counts.rows} rows read: {counts.added} added, {counts.duplicates} already in the bank,{' '}
      {counts.otherSignalType} of another signal type skipped.
    </p>
  )
}

import { useRef, useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { type BankFileFormat, formatOfName } from './bank-data'
import { ImportProgress } from './ImportProgress'
import { useBankImport } from './use-bank-import'
import './import.css'

interface ImportProps {
  bankId: string
  onImported: (message: string) => Promise<void>
}

/**
 * Uploads a bank file (JSON lines or HMA CSV) with its progress, then shows the server's job as
 * it checks every line and writes the entries, and its result or its refusal line by line.
 */
export function ImportForm({ bankId, onImported }: ImportProps) {
  const fileRef = useRef<HTMLInputElement>(null)
  const [format, setFormat] = useState<BankFileFormat>('jsonl')
  const { sent, job, error, busy, start } = useBankImport(bankId, onImported)
  return (
    <form
      className="bank-add"
      id="import-file"
      onSubmit={(e) => {
        e.preventDefault()
        void start(fileRef.current?.files?.[0], format)
      }}
      noValidate
    >
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
      <FormatField format={format} onChange={setFormat} />
      <button type="submit" id="import-submit" disabled={busy}>
        {busy ? 'Importing…' : 'Import the file'}
      </button>
      <ImportProgress sent={sent} job={job} />
      {error ? <ErrorNotice id="import-error">{error}</ErrorNotice> : null}
    </form>
  )
}

function FormatField(props: { format: BankFileFormat; onChange: (f: BankFileFormat) => void }) {
  return (
    <div>
      <label htmlFor="import-format">Format</label>
      <select
        id="import-format"
        value={props.format}
        onChange={(e) => props.onChange(e.target.value as BankFileFormat)}
      >
        <option value="jsonl">JSON lines</option>
        <option value="hma-csv">HMA CSV</option>
      </select>
    </div>
  )
}

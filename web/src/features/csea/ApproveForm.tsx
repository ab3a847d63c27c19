import { type FormEvent, useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { messageOf } from '../../lib/use-load'
import {
  approveReport,
  type CseaPriority,
  type CseaReportView,
  GENERIC_DECLARATION,
  PRIORITY_LABELS,
  resendReport,
} from './csea-data'

interface ActionProps {
  report: CseaReportView
  onChanged: (report: CseaReportView, message: string) => void
}

/** Runs a request; the server's refusal (second person, duplicate, not configured) is kept. */
function useAction(onChanged: ActionProps['onChanged']) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  async function run(send: () => Promise<CseaReportView>, message: string): Promise<void> {
    setBusy(true)
    setError(undefined)
    try {
      onChanged(await send(), message)
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}

/** Whether the server asks for a reason to send this report despite its duplicate. */
function needsOverride(report: CseaReportView): boolean {
  return report.channel === 'nca' && report.duplicate !== null
}

/**
 * Approval of a draft: the priority, the reason to send a flagged duplicate, and the declaration
 * the approver makes (as the API words it). The server decides whether this person may approve.
 */
export function ApproveForm({ report, onChanged }: ActionProps) {
  const api = useApi()
  const [priority, setPriority] = useState<CseaPriority>(report.priority)
  const [override, setOverride] = useState('')
  const [declared, setDeclared] = useState(false)
  const action = useAction(onChanged)
  function submit(event: FormEvent): void {
    event.preventDefault()
    if (!declared) {
      action.setError('Tick the declaration: the report is approved only with it.')
      return
    }
    void action.run(
      () => approveReport(api, report, { priority, overrideReason: override }),
      'Approved: the report is queued to be sent.',
    )
  }
  return (
    <form
      className="csea-form"
      id="approve-form"
      onSubmit={submit}
      aria-labelledby="approve-heading"
    >
      <h2 id="approve-heading">Approve and send</h2>
      <label htmlFor="approve-priority">Priority</label>
      <select
        id="approve-priority"
        value={priority}
        onChange={(e) => setPriority(e.target.value as CseaPriority)}
      >
        {(Object.keys(PRIORITY_LABELS) as CseaPriority[]).map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABELS[p]}
          </option>
        ))}
      </select>
      {needsOverride(report) ? <OverrideField value={override} onChange={setOverride} /> : null}
      <label className="csea-declaration">
        <input
          type="checkbox"
          id="approve-declaration"
          checked={declared}
          onChange={(e) => setDeclared(e.target.checked)}
        />{' '}
        <span id="declaration-text">{report.declarationText ?? GENERIC_DECLARATION}</span>
      </label>
      {action.error ? <ErrorNotice id="approve-error">{action.error}</ErrorNotice> : null}
      <button type="submit" id="approve-submit" disabled={action.busy}>
        Approve and send
      </button>
    </form>
  )
}

/** A failed report the worker has given up on: send it again once the cause is fixed. */
export function ResendForm({ report, onChanged }: ActionProps) {
  const api = useApi()
  const [override, setOverride] = useState('')
  const action = useAction(onChanged)
  function submit(event: FormEvent): void {
    event.preventDefault()
    void action.run(() => resendReport(api, report.id, override), 'Queued to be sent again.')
  }
  return (
    <form className="csea-form" id="resend-form" onSubmit={submit} aria-labelledby="resend-heading">
      <h2 id="resend-heading">Send again</h2>
      <p>
        The last attempt failed: {report.lastError ?? 'no error recorded'}.{' '}
        {report.retrying
          ? 'The worker will try again by itself; send it by hand only once it has given up.'
          : 'The worker has given up. Fix the cause, then send it again.'}
      </p>
      {needsOverride(report) ? <OverrideField value={override} onChange={setOverride} /> : null}
      {action.error ? <ErrorNotice id="resend-error">{action.error}</ErrorNotice> : null}
      <button type="submit" id="resend-submit" disabled={action.busy}>
        Send again
      </button>
    </form>
  )
}

function OverrideField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <>
      <label htmlFor="override-reason">Why it must go to the NCA as well (for the duplicate)</label>
      <textarea
        id="override-reason"
        rows={3}
        value={value}
        aria-describedby="duplicate-warning"
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  )
}

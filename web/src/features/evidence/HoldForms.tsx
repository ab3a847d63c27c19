import { type FormEvent, useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { messageOf } from '../../lib/use-load'
import { placeHold, recordRequest, utcInstant } from './evidence-data'

interface FormProps {
  onDone: (message: string) => Promise<void>
}

/** Runs a form's request: busy while it runs, the server's refusal kept to show. */
function useSubmit(onDone: FormProps['onDone']) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  async function submit(send: () => Promise<string>, reset: () => void): Promise<void> {
    setBusy(true)
    setError(undefined)
    try {
      const message = await send()
      reset()
      await onDone(message)
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, submit }
}

type HoldFields = Record<'caseId' | 'reason' | 'requester' | 'expiresAt', string>

const HOLD_FIELDS: FieldSpec<HoldFields>[] = [
  { key: 'caseId', id: 'hold-case', label: 'Case id' },
  { key: 'requester', id: 'hold-requester', label: 'Requester (court, authority, legal team)' },
  {
    key: 'expiresAt',
    id: 'hold-expires',
    label: 'Expires (UTC; empty: until released)',
    type: 'datetime-local',
  },
  { key: 'reason', id: 'hold-reason', label: 'Reason', wide: true },
]

/** Places a legal hold on a case: nothing of it is erased while the hold lasts. */
export function PlaceHoldForm({ onDone }: FormProps) {
  const api = useApi()
  const empty: HoldFields = { caseId: '', reason: '', requester: '', expiresAt: '' }
  const [form, setForm] = useState(empty)
  const { busy, error, submit } = useSubmit(onDone)
  function send(event: FormEvent): void {
    event.preventDefault()
    const expiresAt = utcInstant(form.expiresAt)
    const body = {
      caseId: form.caseId.trim(),
      reason: form.reason,
      requester: form.requester,
      ...(expiresAt ? { expiresAt } : {}),
    }
    void submit(
      async () => {
        await placeHold(api, body)
        return `Placed a legal hold on case ${body.caseId}.`
      },
      () => setForm(empty),
    )
  }
  return (
    <form className="holds-form" id="hold-form" onSubmit={send} aria-labelledby="hold-form-heading">
      <h3 id="hold-form-heading">Place a legal hold</h3>
      <Fields specs={HOLD_FIELDS} form={form} onChange={setForm} />
      <FormEnd id="hold" error={error} busy={busy} label="Place the hold" />
    </form>
  )
}

type RequestFields = Record<'authority' | 'reference' | 'caseId' | 'preserveBy' | 'notes', string>

const REQUEST_FIELDS: FieldSpec<RequestFields>[] = [
  { key: 'authority', id: 'request-authority', label: 'Authority' },
  { key: 'reference', id: 'request-reference', label: 'Their reference' },
  { key: 'caseId', id: 'request-case', label: 'Case id' },
  { key: 'preserveBy', id: 'request-deadline', label: 'Preserve by (UTC)', type: 'datetime-local' },
  { key: 'notes', id: 'request-notes', label: 'Notes (optional)', wide: true },
]

/** Records an authority's preservation request: the case is preserved and held. */
export function RecordRequestForm({ onDone }: FormProps) {
  const api = useApi()
  const empty: RequestFields = {
    authority: '',
    reference: '',
    caseId: '',
    preserveBy: '',
    notes: '',
  }
  const [form, setForm] = useState(empty)
  const { busy, error, submit } = useSubmit(onDone)
  function send(event: FormEvent): void {
    event.preventDefault()
    const body = {
      authority: form.authority,
      reference: form.reference,
      caseId: form.caseId.trim(),
      // @NOTE An empty deadline goes as '' so the server names the field in its refusal.
      preserveBy: utcInstant(form.preserveBy) ?? form.preserveBy,
      ...(form.notes.trim() ? { notes: form.notes } : {}),
    }
    void submit(
      async () => {
        await recordRequest(api, body)
        return `Recorded the request ${body.reference} from ${body.authority}: the case is being preserved and held.`
      },
      () => setForm(empty),
    )
  }
  return (
    <form
      className="holds-form"
      id="request-form"
      onSubmit={send}
      aria-labelledby="request-form-heading"
    >
      <h3 id="request-form-heading">Record a preservation request</h3>
      <Fields specs={REQUEST_FIELDS} form={form} onChange={setForm} />
      <FormEnd id="request" error={error} busy={busy} label="Record the request" />
    </form>
  )
}

interface FormEndProps {
  id: string
  error: string | undefined
  busy: boolean
  label: string
}

/** The server's refusal, if any, and the submit button (`${id}-error`, `${id}-submit`). */
function FormEnd({ id, error, busy, label }: FormEndProps) {
  return (
    <>
      {error ? (
        <div className="wide">
          <ErrorNotice id={`${id}-error`}>{error}</ErrorNotice>
        </div>
      ) : null}
      <div className="form-end">
        <button type="submit" id={`${id}-submit`} disabled={busy}>
          {label}
        </button>
      </div>
    </>
  )
}

interface FieldSpec<F> {
  key: keyof F & string
  id: string
  label: string
  type?: 'text' | 'datetime-local'
  wide?: boolean
}

interface FieldsProps<F extends Record<string, string>> {
  specs: FieldSpec<F>[]
  form: F
  onChange: (form: F) => void
}

/** Labelled text fields, one a spec, each bound to its key of `form`. */
function Fields<F extends Record<string, string>>({ specs, form, onChange }: FieldsProps<F>) {
  return specs.map((spec) => (
    <div key={spec.id} className={spec.wide ? 'wide' : undefined}>
      <label htmlFor={spec.id}>{spec.label}</label>
      <input
        id={spec.id}
        type={spec.type ?? 'text'}
        value={form[spec.key]}
        onChange={(e) => onChange({ ...form, [spec.key]: e.target.value })}
      />
    </div>
  ))
}

import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { ErrorNotice } from './ErrorNotice'
import './ask-dialog.css'

interface AskDialogProps {
  /** The dialog's element id; its field is `${id}-text`. */
  id: string
  title: string
  /** The text field's label, e.g. "Purpose". */
  label: string
  /** What to write and where it is kept, under the label. */
  hint: ReactNode
  submitLabel: string
  busy: boolean
  /** The server's refusal of the last try, shown in the dialog. */
  error?: string
  onSubmit: (text: string) => void
  onCancel: () => void
}

/**
 * A modal dialog asking for one piece of text (a purpose, a reason) before an action. The field
 * takes focus when it opens; Escape or Cancel closes it and focus goes back to what opened it.
 * The server judges the text: its refusal is shown here and the dialog stays open.
 */
export function AskDialog(props: AskDialogProps) {
  const { id, title, label, hint, submitLabel, busy, error, onSubmit, onCancel } = props
  const dialog = useRef<HTMLDialogElement>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const [text, setText] = useState('')
  const hintId = useId()
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    const element = dialog.current
    if (element && !element.open) element.showModal()
    field.current?.focus()
    return () => {
      if (element?.open) element.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  useEffect(() => {
    if (error) field.current?.focus()
  }, [error])
  function submit(event: FormEvent): void {
    event.preventDefault()
    onSubmit(text)
  }
  return (
    <dialog
      ref={dialog}
      id={id}
      className="ask-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        onCancel()
      }}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={`${id}-title`}>{title}</h2>
        <label htmlFor={`${id}-text`}>{label}</label>
        <p id={hintId} className="case-meta">
          {hint}
        </p>
        <textarea
          ref={field}
          id={`${id}-text`}
          rows={3}
          value={text}
          aria-describedby={error ? `${hintId} ${id}-error` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        {error ? <ErrorNotice id={`${id}-error`}>{error}</ErrorNotice> : null}
        <div className="ask-actions">
          <button type="submit" id={`${id}-submit`} disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" id={`${id}-cancel`} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}

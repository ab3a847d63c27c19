import { useEffect, useRef } from 'react'
import { SHORTCUTS } from './use-shortcuts'

/** The one line on the page that says the shortcuts exist. */
export function ShortcutLine() {
  return (
    <p className="shortcut-line case-meta" id="shortcut-line">
      Keyboard: <kbd>r</kbd> remove, <kbd>n</kbd> no action, <kbd>c</kbd> claim; each decision asks
      you to confirm. Press <kbd>?</kbd> for the list. Shortcuts do nothing while you type in a
      field.
    </p>
  )
}

/** The `?` panel: every shortcut, closed with Escape or its button. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    close.current?.focus()
  }, [])
  return (
    <section
      className="confirm-panel shortcut-help"
      id="shortcut-help"
      aria-labelledby="shortcut-help-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <h2 id="shortcut-help-heading">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{s.key}</kbd>
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
      <button type="button" ref={close} id="shortcut-help-close" onClick={onClose}>
        Close the shortcut list
      </button>
    </section>
  )
}

interface ConfirmProps {
  summary: string
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** The second step of a keyboard decision: one key fills the form, a second records it. */
export function ConfirmDecision({ summary, busy, onConfirm, onCancel }: ConfirmProps) {
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    confirm.current?.focus()
  }, [])
  return (
    <section
      role="alertdialog"
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-summary"
      className="confirm-panel"
      id="confirm-decision"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel()
      }}
    >
      <h2 id="confirm-heading">Confirm the decision</h2>
      <p id="confirm-summary">{summary}</p>
      <p>The form below shows everything that will be recorded. Enter confirms, Escape cancels.</p>
      <button
        type="button"
        className="primary"
        ref={confirm}
        id="confirm-yes"
        onClick={onConfirm}
        disabled={busy}
      >
        Record it
      </button>{' '}
      <button type="button" id="confirm-no" onClick={onCancel}>
        Cancel
      </button>
    </section>
  )
}

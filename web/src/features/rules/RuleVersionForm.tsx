import { type FormEvent, type RefObject, useRef, useState } from 'react'
import type { RuleFormat } from '../../../../src/core/rule'
import { useApi } from '../../api/api-context'
import { messageOf } from '../../lib/use-load'
import { addVersion, problemsOf, type RuleDetail, type RuleProblem } from './rule-data'

interface Props {
  rule: RuleDetail
  onSaved: () => Promise<void>
}

interface Refusal {
  message: string
  problems: RuleProblem[]
}

/** Edits the rule by adding a version: the source as YAML or JSON, checked by the API. */
export function RuleVersionForm({ rule, onSaved }: Props) {
  const api = useApi()
  const current = rule.versions.find((v) => v.version === rule.currentVersion)
  const [format, setFormat] = useState<RuleFormat>(current?.format ?? 'yaml')
  const [source, setSource] = useState(current?.source ?? '')
  const [refusal, setRefusal] = useState<Refusal>()
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)
  const errorRef = useRef<HTMLDivElement>(null)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (source.trim() === '') return fail({ message: 'Write the rule document.', problems: [] })
    setBusy(true)
    setRefusal(undefined)
    try {
      const saved = await addVersion(api, rule.id, { format, source })
      setDone(`Version ${saved.currentVersion} saved; it is the current one.`)
      await onSaved()
    } catch (caught) {
      fail({ message: messageOf(caught), problems: problemsOf(caught) })
    } finally {
      setBusy(false)
    }
  }

  function fail(next: Refusal): void {
    setDone('')
    setRefusal(next)
    window.setTimeout(() => errorRef.current?.focus(), 0)
  }

  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">Edit: add a version</h2>
      <form id="rule-version-form" className="rule-form" onSubmit={(e) => void submit(e)}>
        {refusal ? <Problems refusal={refusal} focusRef={errorRef} /> : null}
        <p role="status" id="version-status" className="status-line">
          {done}
        </p>
        <label htmlFor="rule-format">Format</label>
        <select
          id="rule-format"
          value={format}
          onChange={(e) => setFormat(e.target.value as RuleFormat)}
        >
          <option value="yaml">YAML</option>
          <option value="json">JSON</option>
        </select>
        <label htmlFor="rule-source">Rule document</label>
        <textarea
          id="rule-source"
          rows={16}
          spellCheck={false}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          aria-invalid={refusal ? true : undefined}
          aria-describedby={refusal ? 'version-error' : undefined}
        />
        <button type="submit" id="save-version" disabled={busy}>
          {busy ? 'Saving…' : 'Save as a new version'}
        </button>
      </form>
    </section>
  )
}

interface ProblemsProps {
  refusal: Refusal
  focusRef: RefObject<HTMLDivElement | null>
}

/** The API's refusal, each problem with its path in the document. */
function Problems({ refusal, focusRef }: ProblemsProps) {
  return (
    <div
      ref={focusRef}
      tabIndex={-1}
      id="version-error"
      role="alert"
      className="notice notice-error"
    >
      {refusal.problems.length === 0 ? (
        <p>{refusal.message}</p>
      ) : (
        <>
          <p>The rule was not saved. Fix these problems:</p>
          <ul className="rule-problems" id="version-problems">
            {refusal.problems.map((p) => (
              <li key={`${p.path}:${p.message}`} data-path={p.path}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

import { useEffect, useState } from 'react'
import { useApi } from '../../api/api-context'
import { messageOf } from '../../lib/use-load'
import { type DecisionBody, previewStatement } from './case-data'

const DEBOUNCE_MS = 500

type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; text: string }
  | { status: 'none'; message: string }

/** What the author will be told, rebuilt by the server a moment after the form stops changing. */
export function StatementPreview({ caseId, body }: { caseId: string; body: DecisionBody | null }) {
  const api = useApi()
  const [state, setState] = useState<PreviewState>({ status: 'idle' })
  const key = body ? JSON.stringify(body) : ''
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the body.
  useEffect(() => {
    if (!body) {
      setState({ status: 'idle' })
      return
    }
    let live = true
    setState((s) => (s.status === 'ok' ? s : { status: 'loading' }))
    const timer = setTimeout(() => {
      previewStatement(api, caseId, body).then(
        (preview) => live && setState({ status: 'ok', text: preview.plainText }),
        (error: unknown) => live && setState({ status: 'none', message: messageOf(error) }),
      )
    }, DEBOUNCE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, caseId, key])
  return (
    <section aria-labelledby="preview-heading" className="case-section" id="statement-preview">
      <h2 id="preview-heading">Statement of reasons, as the author will read it</h2>
      {state.status === 'idle' ? (
        <p>Choose a harm and actions and write a statement to see the preview.</p>
      ) : null}
      {state.status === 'loading' ? <p>Building the preview…</p> : null}
      {state.status === 'none' ? <p id="preview-problem">No preview: {state.message}</p> : null}
      {state.status === 'ok' ? (
        <div className="statement-preview" id="preview-text">
          {state.text}
        </div>
      ) : null}
    </section>
  )
}

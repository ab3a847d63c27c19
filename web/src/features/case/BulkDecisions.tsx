import { useState } from 'react'
import { useApi } from '../../api/api-context'
import type { CaseView } from '../../api/views'
import { messageOf } from '../../lib/use-load'
import { shortId } from '../queues/queue-data'
import { type HarmView, loadHarms, recordDecision } from './case-data'
import { draftBody, emptyDraft, noActionDraft, removeDraft } from './decision-draft'

type BulkKind = 'no_action' | 'remove'

interface BulkResult {
  id: string
  ok: boolean
  text: string
}

/** One decision for each case: its own harm, as the `n` and `r` shortcuts would fill it. */
export function bulkBody(c: Pick<CaseView, 'harm'>, harms: readonly HarmView[], kind: BulkKind) {
  const draft = emptyDraft(c.harm ?? '', harms)
  return draftBody(kind === 'remove' ? removeDraft(draft, harms) : noActionDraft(draft, harms), [])
}

interface BulkProps {
  selected: CaseView[]
  onDone: () => Promise<void>
}

/** Applies one no-action or removal decision to every selected case, and reports each result. */
export function BulkDecisions({ selected, onDone }: BulkProps) {
  const api = useApi()
  const [kind, setKind] = useState<BulkKind>('no_action')
  const [busy, setBusy] = useState(false)
  const [results, setResults] = useState<BulkResult[]>([])

  async function apply(): Promise<void> {
    setBusy(true)
    const harms = await loadHarms(api).catch(() => [] as HarmView[])
    const done: BulkResult[] = []
    for (const c of selected) {
      const name = `Case ${shortId(c.id)}`
      try {
        await recordDecision(api, c.id, bulkBody(c, harms, kind))
        done.push({ id: c.id, ok: true, text: `${name}: decision recorded.` })
      } catch (error) {
        done.push({ id: c.id, ok: false, text: `${name}: not decided. ${messageOf(error)}` })
      }
    }
    setResults(done)
    setBusy(false)
    await onDone()
  }

  return (
    <section aria-labelledby="bulk-heading" className="case-section" id="bulk-decisions">
      <h2 id="bulk-heading">Decide several cases at once</h2>
      <p>Tick cases in the table, choose a decision, and apply it to each of them.</p>
      <fieldset>
        <legend>Decision for the {selected.length} selected cases</legend>
        <label>
          <input
            type="radio"
            name="bulk-kind"
            id="bulk-no-action"
            checked={kind === 'no_action'}
            onChange={() => setKind('no_action')}
          />{' '}
          No action
        </label>{' '}
        <label>
          <input
            type="radio"
            name="bulk-kind"
            id="bulk-remove"
            checked={kind === 'remove'}
            onChange={() => setKind('remove')}
          />{' '}
          Remove as illegal under each case’s harm
        </label>
      </fieldset>
      <p>
        <button
          type="button"
          className="primary"
          id="bulk-apply"
          disabled={busy || selected.length === 0}
          onClick={() => void apply()}
        >
          {busy ? 'Deciding…' : `Apply to ${selected.length} selected cases`}
        </button>
      </p>
      <div role="status" id="bulk-results">
        {results.length > 0 ? (
          <ul className="evidence-list">
            {results.map((r) => (
              <li key={r.id} data-bulk-result={r.ok ? 'ok' : 'failed'}>
                {r.text}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  )
}

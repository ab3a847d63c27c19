import { useState } from 'react'
import { useApi } from '../../api/api-context'
import type { ConsoleUser } from '../../api/views'
import { AskDialog } from '../../components/AskDialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeading } from '../../components/PageHeading'
import { useAsk } from '../../lib/use-ask'
import { useLoad } from '../../lib/use-load'
import { useServerNow } from '../../lib/use-now'
import {
  evidenceRights,
  type LegalHoldView,
  loadHolds,
  loadRequests,
  releaseHold,
} from './evidence-data'
import { PlaceHoldForm, RecordRequestForm } from './HoldForms'
import { HoldsTable, RequestsTable } from './HoldTables'
import './evidence.css'

/**
 * Legal holds and authorities' preservation requests: what is held and why, which deadlines are
 * met or overdue, and the forms to place, release and record them.
 */
export function HoldsPage({ user }: { user: ConsoleUser }) {
  const api = useApi()
  const rights = evidenceRights(user.role)
  const { state, reload } = useLoad(
    async () => ({ holds: await loadHolds(api), requests: await loadRequests(api) }),
    'holds',
  )
  const now = useServerNow(undefined)
  const [status, setStatus] = useState('')
  const ask = useAsk<LegalHoldView>()
  async function done(message: string): Promise<void> {
    setStatus(message)
    await reload()
  }
  function release(reason: string): void {
    const hold = ask.asking
    if (!hold) return
    void ask.run(async () => {
      await releaseHold(api, hold.id, reason)
      await done(`Released the hold “${hold.reason}”. Retention applies again to what it covered.`)
    })
  }
  return (
    <>
      <PageHeading>Legal holds and preservation requests</PageHeading>
      <p className="lede">
        While a legal hold lasts, nothing it covers is erased. A preservation request from an
        authority preserves the case and holds it until the deadline plus the policy’s extra days.
      </p>
      <p role="status" id="holds-status" className="status-line">
        {status}
      </p>
      {state.status === 'loading' ? <p aria-live="polite">Loading holds and requests…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      <section className="holds-section" aria-labelledby="requests-heading">
        <h2 id="requests-heading">Preservation requests</h2>
        {state.status === 'ok' ? <RequestsTable requests={state.data.requests} now={now} /> : null}
        {rights.recordRequest ? <RecordRequestForm onDone={done} /> : null}
      </section>
      <section className="holds-section" aria-labelledby="holds-heading">
        <h2 id="holds-heading">Legal holds</h2>
        {state.status === 'ok' ? (
          <HoldsTable
            holds={state.data.holds}
            mayRelease={rights.releaseHold}
            onRelease={(hold) => ask.start(hold)}
          />
        ) : null}
        {rights.placeHold ? <PlaceHoldForm onDone={done} /> : null}
      </section>
      {ask.asking ? (
        <AskDialog
          id="release-dialog"
          title={`Release the hold “${ask.asking.reason}”`}
          label="Reason for the release"
          hint="Kept in the audit log. Once released, the retention sweep erases what is past its date."
          submitLabel="Release the hold"
          busy={ask.busy}
          error={ask.error}
          onSubmit={release}
          onCancel={ask.cancel}
        />
      ) : null}
    </>
  )
}

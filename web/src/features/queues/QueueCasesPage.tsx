import { useState } from 'react'
import { useApi } from '../../api/api-context'
import type { CaseListView, ConsoleUser, QueueListView } from '../../api/views'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { messageOf, useLoad } from '../../lib/use-load'
import { useServerNow } from '../../lib/use-now'
import { BulkDecisions } from '../case/BulkDecisions'
import { CaseTable } from './CaseTable'
import { QueueFilterFields } from './QueueFilterFields'
import {
  claimCase,
  loadPeople,
  loadQueueCases,
  loadQueues,
  releaseCase,
  shortId,
} from './queue-data'
import { filtersSearch, parseFilters, type QueueFilters } from './queue-filters'

interface QueueCasesData {
  queues: QueueListView
  cases: CaseListView
}

/** The open cases of one queue in priority order, with SLA countdowns and claim buttons. */
export function QueueCasesPage({ queueId, user }: { queueId: string; user: ConsoleUser }) {
  const api = useApi()
  const [filters, setFilters] = useState<QueueFilters>(() => parseFilters(window.location.search))
  const { state, reload } = useLoad<QueueCasesData>(
    async () => ({
      queues: await loadQueues(api),
      cases: await loadQueueCases(api, queueId, filters),
    }),
    `${queueId}${filtersSearch(filters)}`,
  )
  const people = useLoad(() => loadPeople(api), 'people').state
  const [status, setStatus] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<string>()
  const [focusId, setFocusId] = useState<string>()
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const now = useServerNow(state.status === 'ok' ? state.data.queues.at : undefined)

  async function act(kind: 'claim' | 'release', id: string): Promise<void> {
    setBusy(id)
    setError(undefined)
    try {
      await (kind === 'claim' ? claimCase(api, id) : releaseCase(api, id))
      await reload()
      setFocusId(id)
      setStatus(
        kind === 'claim'
          ? `You claimed case ${shortId(id)}.`
          : `You released case ${shortId(id)}; others can claim it now.`,
      )
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(undefined)
    }
  }

  function filter(next: QueueFilters): void {
    setFilters(next)
    setSelected(new Set())
    const { pathname, hash } = window.location
    window.history.replaceState(null, '', `${pathname}${filtersSearch(next)}${hash}`)
  }

  const queue =
    state.status === 'ok' ? state.data.queues.queues.find((q) => q.id === queueId) : undefined
  return (
    <>
      <p className="breadcrumb">
        <Link to="/queues">All queues</Link>
      </p>
      <PageHeading>{queue ? queue.label : `Queue ${queueId}`}</PageHeading>
      {queue ? (
        <p className="lede">
          {queue.open} open, {queue.claimed} claimed, {queue.nearing} nearing the SLA,{' '}
          {queue.overdue} overdue. Most urgent first.
        </p>
      ) : null}
      <QueueFilterFields
        filters={filters}
        people={
          people.status === 'ok' ? people.data.people : people.status === 'error' ? [] : undefined
        }
        onChange={filter}
      />
      <p className="queue-count" id="queue-count" aria-live="polite">
        {state.status === 'ok' ? countText(state.data.cases.total) : ''}
      </p>
      <div role="status" className="status-line" id="queue-status">
        {status}
      </div>
      {error ? <ErrorNotice id="queue-error">{error}</ErrorNotice> : null}
      {state.status === 'loading' ? <p>Loading cases…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <CaseTable
          cases={state.data.cases.cases}
          now={now}
          user={user}
          busyId={busy}
          focusId={focusId}
          onClaim={(id) => void act('claim', id)}
          onRelease={(id) => void act('release', id)}
          emptyText={
            filtersSearch(filters) === '' ? undefined : 'No open cases match these filters.'
          }
          selected={selected}
          onSelect={(id, on) =>
            setSelected((now) => {
              const next = new Set(now)
              if (on) next.add(id)
              else next.delete(id)
              return next
            })
          }
        />
      ) : null}
      {state.status === 'ok' ? (
        <BulkDecisions
          selected={state.data.cases.cases.filter((c) => selected.has(c.id))}
          onDone={async () => {
            setSelected(new Set())
            await reload()
          }}
        />
      ) : null}
    </>
  )
}

function countText(total: number): string {
  return total === 1 ? '1 case' : `${total} cases`
}

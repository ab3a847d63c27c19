import { useApi } from '../../api/api-context'
import type { QueueSummaryView } from '../../api/views'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { useLoad } from '../../lib/use-load'
import { loadQueues } from './queue-data'

/** Every queue with its open work right now, most urgent queue first. */
export function QueuesPage() {
  const api = useApi()
  const { state } = useLoad(() => loadQueues(api), 'queues')
  return (
    <>
      <PageHeading>Queues</PageHeading>
      <p className="lede">Open cases in each queue, most urgent queue first.</p>
      {state.status === 'loading' ? <p aria-live="polite">Loading queues…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? <QueueTable queues={state.data.queues} /> : null}
    </>
  )
}

function QueueTable({ queues }: { queues: QueueSummaryView[] }) {
  return (
    <table className="data" id="queue-table">
      <caption>Open work by queue</caption>
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col" className="num">
            Open
          </th>
          <th scope="col" className="num">
            Claimed
          </th>
          <th scope="col" className="num">
            Nearing SLA
          </th>
          <th scope="col" className="num">
            Overdue
          </th>
          <th scope="col">SLA</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={q.id} data-queue={q.id}>
            <th scope="row">
              <Link to={`/queues/${encodeURIComponent(q.id)}`}>{q.label}</Link>
            </th>
            <td className="num" data-count="open">
              {q.open}
            </td>
            <td className="num" data-count="claimed">
              {q.claimed}
            </td>
            <td className={q.nearing > 0 ? 'num nearing' : 'num'} data-count="nearing">
              {q.nearing}
            </td>
            <td className={q.overdue > 0 ? 'num overdue' : 'num'} data-count="overdue">
              {q.overdue}
            </td>
            <td>{slaText(q)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function slaText(q: QueueSummaryView): string {
  if (q.slaHours === null) return 'not in the policy'
  const legal = q.legalDeadlineHours ? `; by law within ${q.legalDeadlineHours} h` : ''
  return `${q.slaHours} h${legal}`
}

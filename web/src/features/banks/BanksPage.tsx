import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { useLoad } from '../../lib/use-load'
import './banks.css'
import { type BankView, loadBanks } from './bank-data'

/** Every bank of hashes, URLs or keywords, with what a match asks for and how many entries. */
export function BanksPage() {
  const api = useApi()
  const { state } = useLoad(() => loadBanks(api), 'banks')
  return (
    <>
      <PageHeading>Banks</PageHeading>
      <p className="lede">
        Lists of known hashes, URLs and keywords. A match against an active entry of an enabled bank
        asks for the bank’s action.
      </p>
      {state.status === 'loading' ? <p aria-live="polite">Loading banks…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? <BankTable banks={state.data} /> : null}
    </>
  )
}

function BankTable({ banks }: { banks: BankView[] }) {
  if (banks.length === 0) return <p id="bank-empty">There are no banks yet.</p>
  return (
    <table className="data" id="bank-table">
      <caption>
        {banks.length} {banks.length === 1 ? 'bank' : 'banks'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Harm</th>
          <th scope="col">Action</th>
          <th scope="col">State</th>
          <th scope="col">Entries (active)</th>
        </tr>
      </thead>
      <tbody>
        {banks.map((b) => (
          <tr key={b.id} data-bank={b.id}>
            <th scope="row">
              <Link to={`/banks/${b.id}`}>{b.name}</Link>
            </th>
            <td>{b.kind}</td>
            <td>{b.harm}</td>
            <td>{b.action}</td>
            <td data-cell="state">{b.enabled ? 'on' : 'off'}</td>
            <td data-cell="entries">
              {b.entries} ({b.activeEntries})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

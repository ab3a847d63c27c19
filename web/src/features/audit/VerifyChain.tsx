import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { messageOf } from '../../lib/use-load'
import { type VerifyView, verifyChain } from './audit-data'

type Result = { kind: 'report'; report: VerifyView } | { kind: 'error'; message: string }

/** "Verify the chain": intact, or the first entry that does not follow from the one before. */
export function VerifyChain() {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result>()

  async function verify(): Promise<void> {
    setBusy(true)
    try {
      setResult({ kind: 'report', report: await verifyChain(api) })
    } catch (caught) {
      setResult({ kind: 'error', message: messageOf(caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="verify-heading" className="audit-verify">
      <h2 id="verify-heading">The hash chain</h2>
      <button type="button" id="audit-verify" onClick={() => void verify()} disabled={busy}>
        {busy ? 'Verifying…' : 'Verify the chain'}
      </button>
      <div id="verify-result" role="status">
        {result?.kind === 'report' ? <ReportText report={result.report} /> : null}
      </div>
      {result?.kind === 'error' ? <ErrorNotice>{result.message}</ErrorNotice> : null}
    </section>
  )
}

function ReportText({ report }: { report: VerifyView }) {
  const pending =
    report.unsealed === 1
      ? ' 1 newer entry is not sealed yet.'
      : report.unsealed > 1
        ? ` ${report.unsealed} newer entries are not sealed yet.`
        : ''
  if (report.ok) {
    return (
      <p className="audit-verify-ok" data-verify="intact">
        Intact: all {report.sealed} sealed entries follow from one another.{pending}
      </p>
    )
  }
  const at = report.firstBreak
  return (
    <p className="audit-verify-broken" data-verify="broken">
      The chain is broken at sealed entry number {at?.chainSeq}
      {at?.entryId !== null && at?.entryId !== undefined ? ` (entry id ${at.entryId})` : ''}:{' '}
      {at?.problem}. Entries before it are intact.
    </p>
  )
}

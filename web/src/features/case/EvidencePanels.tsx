import type { HarmView, ReportView, SignalView } from './case-data'
import { harmLabel } from './case-data'

/** What the detectors found, each with the evidence a moderator can check. */
export function SignalsPanel({ signals, harms }: { signals: SignalView[]; harms: HarmView[] }) {
  return (
    <section aria-labelledby="signals-heading" className="case-section" id="case-signals">
      <h2 id="signals-heading">Signals ({signals.length})</h2>
      {signals.length === 0 ? <p>No detector flagged this content.</p> : null}
      <ul className="evidence-list">
        {signals.map((s) => (
          <li key={s.id} data-signal={s.source}>
            <strong>{sourceLabel(s.source)}</strong>: {harmLabel(harms, s.harm)}, suggests{' '}
            {s.action}
            <br />
            <span className="case-meta">{evidenceText(s)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

const SOURCE_LABELS: Record<string, string> = {
  hash_match: 'Hash match',
  url_list: 'URL list',
  keyword_list: 'Keyword list',
  classifier: 'Classifier',
  rule: 'Rule',
  user_report: 'User report',
  trusted_flagger: 'Trusted flagger',
  authority: 'Authority',
}

function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}

/** The evidence in words: bank and entry and PDQ distance, matched term, or classifier score. */
export function evidenceText(s: SignalView): string {
  const e = s.evidence
  const parts: string[] = []
  const bank = text(e.bank)
  if (bank) parts.push(`bank “${bank}”`)
  const entry = text(e.entryId)
  if (entry) parts.push(`entry ${entry.slice(0, 8)}`)
  if (s.source === 'hash_match' && text(e.distance) !== undefined) {
    parts.push(`${text(e.hashType) ?? 'hash'} distance ${text(e.distance)}`)
    if (text(e.maxDistance)) parts.push(`of at most ${text(e.maxDistance)}`)
    if (text(e.suppressed)) parts.push(`suppressed: ${text(e.suppressed)}`)
  }
  if (text(e.term)) parts.push(`matched term “${text(e.term)}”`)
  if (text(e.url)) parts.push(`URL ${text(e.url)}`)
  if (s.source === 'classifier') parts.push(`score ${s.score.toFixed(2)}`)
  if (text(e.rule) ?? text(e.ruleName)) parts.push(`rule ${text(e.ruleName) ?? text(e.rule)}`)
  return parts.length > 0 ? parts.join(', ') : `score ${s.score.toFixed(2)}`
}

const REPORTER_KINDS: Record<string, string> = {
  user: 'a user',
  trusted_flagger: 'a trusted flagger',
  authority: 'an authority',
  anonymous: 'someone anonymous',
}

/** The notices on the case: who filed them, under which reason, and what they said. */
export function ReportsPanel({ reports, harms }: { reports: ReportView[]; harms: HarmView[] }) {
  return (
    <section aria-labelledby="reports-heading" className="case-section" id="case-reports">
      <h2 id="reports-heading">Reports ({reports.length})</h2>
      {reports.length === 0 ? (
        <p>Nobody reported this content; a detector opened the case.</p>
      ) : null}
      <ul className="evidence-list">
        {reports.map((r) => (
          <li key={r.id} data-report={r.reference}>
            <strong>{r.reference}</strong> from {REPORTER_KINDS[r.reporterKind] ?? r.reporterKind}:{' '}
            {harmLabel(harms, r.harm)}
            <br />
            <q>{r.explanation}</q>
            <br />
            <span className="case-meta">
              {new Date(r.createdAt).toLocaleString()} via {r.channel}
              {r.reporterContactGiven ? ' · left contact details' : ''}
              {r.outcome ? ` · outcome ${r.outcome}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

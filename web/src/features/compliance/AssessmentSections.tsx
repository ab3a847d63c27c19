import {
  FUNCTIONALITY_LABELS,
  riskKind,
  SERVICE_TYPE_LABELS,
} from '../../../../src/core/risk-kinds'
import { formatTime } from '../../lib/format-time'
import type { Assessment, AssessmentExport, VersionSummary } from './compliance-data'
import { TrendBars } from './TrendBars'

const n = (value: number) => value.toLocaleString('en-GB')
const who = (p: { name: string; role: string } | null) => (p ? `${p.name}, ${p.role}` : '—')
const yesNo = (v: boolean) => (v ? 'Yes' : 'No')

export function RecordFacts({ a }: { a: Assessment }) {
  const consulted = a.riskProfilesConsulted
  return (
    <dl className="compliance-facts" id="assessment-record">
      <dt>Version</dt>
      <dd data-fact="version">
        {a.version} ({a.status})
      </dd>
      <dt>Named person responsible</dt>
      <dd data-fact="responsible">{who(a.responsiblePerson)}</dd>
      <dt>Completed</dt>
      <dd>
        {a.completedOn} by {who(a.completedBy)}
      </dd>
      <dt>Reviewed</dt>
      <dd>{a.reviewedOn ?? '—'}</dd>
      <dt>Risk Profiles consulted</dt>
      <dd>
        {consulted.consulted
          ? `Yes, on ${consulted.on}${consulted.version ? ` (${consulted.version})` : ''}`
          : 'No'}
      </dd>
      <dt>Approved</dt>
      <dd data-fact="approved">
        {a.approvedAt ? `${who(a.approvedBy)}, ${formatTime(a.approvedAt)}` : 'Not yet: a draft'}
      </dd>
    </dl>
  )
}

export function ProfileFacts({ p }: { p: Assessment['profile'] }) {
  return (
    <dl className="compliance-facts" id="assessment-profile">
      <dt>Service</dt>
      <dd>{p.serviceName}</dd>
      <dt>Service types</dt>
      <dd>{p.serviceTypes.map((t) => SERVICE_TYPE_LABELS[t]).join(', ')}</dd>
      <dt>Monthly active UK users</dt>
      <dd data-fact="uk-users">{n(p.monthlyUkUsers)}</dd>
      <dt>Children likely to access</dt>
      <dd>
        {yesNo(p.children.likelyToAccess)}: {p.children.basis}
      </dd>
      <dt>Functionalities</dt>
      <dd>{p.functionalities.map((f) => FUNCTIONALITY_LABELS[f]).join(', ') || '—'}</dd>
      <dt>Proactive technology</dt>
      <dd>{yesNo(p.proactiveTechnology)}</dd>
    </dl>
  )
}

export function HarmTable({ harms }: { harms: Assessment['harms'] }) {
  return (
    <table className="data" id="harm-table">
      <caption>Risk of each kind of illegal harm: likelihood, impact and the level</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Kind</th>
          <th scope="col">Likelihood</th>
          <th scope="col">Impact</th>
          <th scope="col">Level</th>
          <th scope="col">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {harms.map((h) => (
          <HarmRow key={h.kind} h={h} />
        ))}
      </tbody>
    </table>
  )
}

function HarmRow({ h }: { h: Assessment['harms'][number] }) {
  return (
    <tr data-kind={h.kind}>
      <td>{riskKind(h.kind)?.row}</td>
      <th scope="row">{riskKind(h.kind)?.label ?? h.kind}</th>
      <td>
        {h.likelihood}
        <span className="compliance-note">{h.likelihoodEvidence}</span>
      </td>
      <td>
        {h.impact}
        <span className="compliance-note">{h.impactEvidence}</span>
      </td>
      <td data-cell="level">
        <span className={`level-${h.level}`}>{h.level}</span>
        {h.level !== h.combinedLevel ? (
          <span className="compliance-note">
            likelihood × impact gives {h.combinedLevel}: {h.levelReason}
          </span>
        ) : null}
      </td>
      <td>
        <ul className="compliance-list">
          {h.evidence.map((e) => (
            <li key={`${e.source}-${e.summary}`}>
              {e.input} input, {e.source}: {e.summary}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  )
}

export function LiveTable({ e }: { e: AssessmentExport }) {
  const asOf = e.liveEvidenceAsOf === 'approval' ? 'as at approval' : 'as of now'
  return (
    <table className="data" id="live-table">
      <caption>
        Vigil’s own figures, {asOf}: the last 12 months against the 12 before (earlier → last)
      </caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Reports</th>
          <th scope="col">Detections</th>
          <th scope="col">Restricted</th>
          <th scope="col">Trend</th>
          <th scope="col">24 periods</th>
        </tr>
      </thead>
      <tbody>
        {e.liveEvidence.kinds.map((k) => (
          <tr key={k.kind} data-kind={k.kind}>
            <th scope="row">{k.label}</th>
            <td className="num">
              {n(k.reports.previous)} → {n(k.reports.current)}
            </td>
            <td className="num">
              {n(k.detections.previous)} → {n(k.detections.current)}
            </td>
            <td className="num">
              {n(k.restricted.previous)} → {n(k.restricted.current)}
            </td>
            <td data-cell="trend">{k.trendText}</td>
            <td>
              <TrendBars label={k.label} periods={k.periods} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function HistoryTable(props: {
  versions: VersionSummary[]
  shown: string | undefined
  onShow: (id: string) => void
}) {
  return (
    <table className="data" id="history-table">
      <caption>Every version, newest first; kept at least three years</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Status</th>
          <th scope="col">Completed</th>
          <th scope="col">Approved</th>
          <th scope="col">Superseded</th>
          <th scope="col">
            <span className="visually-hidden">Show</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.versions.map((v) => (
          <VersionRow key={v.id} v={v} shown={v.id === props.shown} onShow={props.onShow} />
        ))}
      </tbody>
    </table>
  )
}

function VersionRow({
  v,
  shown,
  onShow,
}: {
  v: VersionSummary
  shown: boolean
  onShow: (id: string) => void
}) {
  return (
    <tr data-version={v.version} data-status={v.status}>
      <th scope="row">{v.version}</th>
      <td>{v.status}</td>
      <td>{v.completedOn}</td>
      <td>{v.approvedAt ? `${who(v.approvedBy)}, ${formatTime(v.approvedAt)}` : '—'}</td>
      <td>{v.supersededAt ? formatTime(v.supersededAt) : '—'}</td>
      <td>
        {shown ? (
          'Shown'
        ) : (
          <button type="button" onClick={() => onShow(v.id)}>
            Show version {v.version}
          </button>
        )}
      </td>
    </tr>
  )
}

import { type DecisionView, type HarmView, harmLabel } from './case-data'

/** The decisions already recorded on the case, newest last, with their judgement answers. */
export function DecisionsPanel({
  decisions,
  harms,
}: {
  decisions: DecisionView[]
  harms: HarmView[]
}) {
  if (decisions.length === 0) return null
  return (
    <section aria-labelledby="decisions-heading" className="case-section" id="case-decisions">
      <h2 id="decisions-heading">Decisions ({decisions.length})</h2>
      <ul className="evidence-list">
        {decisions.map((d) => (
          <li key={d.id} data-decision={d.id}>
            <strong>{d.actions.map((a) => a.type.replace(/_/g, ' ')).join(', ')}</strong> for{' '}
            {harmLabel(harms, d.harm)},{' '}
            {d.ground.type === 'illegal'
              ? `illegal: ${d.ground.offence}`
              : `terms ${d.ground.clause} (${d.ground.version})`}
            <br />
            <span className="case-meta">
              by {d.decidedByName ?? d.decidedBy}, {new Date(d.createdAt).toLocaleString()}
              {d.judgement
                ? ` · judgement: ${d.judgement.items.filter((i) => i.met).length} of ${d.judgement.items.length} met`
                : ''}
            </span>
            <br />
            {d.statement}
          </li>
        ))}
      </ul>
    </section>
  )
}

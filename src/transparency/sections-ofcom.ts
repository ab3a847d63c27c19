import { SOURCE_LABELS } from '../core/dashboard-stats.js'
import type { TransparencyReport } from '../core/transparency-report.js'
import { type FacetRow, numOrNull } from './facets.js'
import { ACTION_LABELS, countWhere, hours, labelFrom, rowsBy, share } from './figures.js'
import { actionTypesOf } from './queries.js'
import type { ReportData } from './report-data.js'
import { type HarmLabel, restricts } from './sections-dsa.js'
import { sectionFrom } from './texts.js'
import { REDRESS_TEXTS } from './texts-redress.js'

/** Signal sources that are proactive technology (OSA s.231: content identification technology). */
const PROACTIVE = new Set(['hash_match', 'url_list', 'keyword_list', 'classifier', 'rule'])

/** The Ofcom transparency notice metrics Vigil can compute (OSA s.77, Sch. 8 Part 1). */
export function ofcomSection(
  data: ReportData,
  harmLabel: HarmLabel,
): TransparencyReport['sections']['ofcom'] {
  const all = countWhere(data.decisions)
  const proactive = countWhere(data.ownInitiative, (r) => PROACTIVE.has(String(r.method)))
  const complaints = data.complaintsDecided.all[0]
  const illegal = data.decisions.filter((r) => r.ground === 'illegal' && restricts(r))
  const terms = data.decisions.filter((r) => r.ground === 'terms')
  return sectionFrom(REDRESS_TEXTS.ofcom, {
    illegalContentByHarm: rowsBy(illegal, (r) => String(r.harm), harmLabel),
    termsByRestriction: rowsBy(terms, actionTypesOf, labelFrom(ACTION_LABELS)),
    decisionsByOrigin: rowsBy(origins(data), (r) => String(r.origin), labelFrom(SOURCE_LABELS)),
    proactiveTechnologyShare: share(proactive, all),
    reportsReceived: countWhere(data.notices.combos, (r) => r.kind !== 'authority'),
    reportsMedianHoursToDecision: hours(data.notices.medians['side:notice'] ?? null),
    complaintsReceived: data.complaintsReceived.reduce((sum, r) => sum + r.count, 0),
    complaintsMedianHoursToDecision: hours(numOrNull(complaints?.median_seconds)),
  })
}

/** What the signal source of a notice-led decision is called, by the decision's source. */
const NOTICE_ORIGINS: Readonly<Record<string, string>> = {
  notice: 'user_report',
  trusted_flagger: 'trusted_flagger',
  authority: 'authority',
}

/** Decisions by origin: notice-led ones by their source, own-initiative ones by detection. */
function origins(data: ReportData): FacetRow<'origin'>[] {
  return [
    ...data.decisions
      .filter((r) => r.src !== 'own_initiative')
      .map((r) => ({ origin: NOTICE_ORIGINS[String(r.src)] ?? String(r.src), n: r.n })),
    ...data.ownInitiative.map((r) => ({ origin: r.method, n: r.n })),
  ]
}

import { SOURCE_LABELS } from '../core/dashboard-stats.js'
import type { TransparencyReport } from '../core/transparency-report.js'
import { num, numOrNull } from './facets.js'
import {
  APPEAL_KIND_LABELS,
  countWhere,
  hours,
  labelFrom,
  OUTCOME_LABELS,
  rowsBy,
  share,
} from './figures.js'
import type { ReportData } from './report-data.js'
import { isAutomated } from './sections-dsa.js'
import { sectionFrom } from './texts.js'
import { REDRESS_TEXTS } from './texts-redress.js'

type Sections = TransparencyReport['sections']

/** The DSA Art. 15(1)(d) figures: complaints through the internal system (Art. 20). */
export function complaintsSection(data: ReportData): Sections['complaints'] {
  const all = data.complaintsDecided.all[0]
  const { decided, reversed } = data.appealOutcomes
  return sectionFrom(REDRESS_TEXTS.complaints, {
    received: data.complaintsReceived.reduce((sum, r) => sum + r.count, 0),
    byBasis: data.complaintsReceived.map((r) => ({
      key: r.kind,
      label: APPEAL_KIND_LABELS[r.kind] ?? r.kind,
      value: r.count,
    })),
    decided: num(all?.n),
    byOutcome: rowsBy(
      data.complaintsDecided.byOutcome,
      (r) => String(r.status),
      labelFrom(OUTCOME_LABELS),
    ),
    medianHoursToDecision: hours(numOrNull(all?.median_seconds)),
    reversed,
    reversalShare: share(reversed, decided),
  })
}

/** The DSA Art. 15(1)(e) figures: automated means, their accuracy and the safeguards. */
export function automatedToolsSection(data: ReportData): Sections['automatedTools'] {
  const all = data.decisions
  const automated = countWhere(all, (r) => isAutomated(r.auto))
  const detected = countWhere(all, (r) => r.detected === true)
  const reviewed = countWhere(all, (r) => r.detected === true && r.auto !== 'fully')
  const { appealed, reversed } = data.accuracy
  return sectionFrom(REDRESS_TEXTS.automatedTools, {
    purposes: data.detectors.map((d) => ({
      key: [d.source, d.matcher, ...(d.bank ? [d.bank] : [])].join(':'),
      label: `${SOURCE_LABELS[d.source] ?? d.source}: ${d.bank ? `bank ${d.bank}` : d.matcher}`,
      value: d.count,
    })),
    automatedDecisions: automated,
    appealedDecisions: appealed,
    reversedDecisions: reversed,
    estimatedErrorRate: share(reversed, appealed),
    reversedShareOfAll: share(reversed, automated),
    humanReviewShare: share(reviewed, detected),
  })
}

/** The DSA Art. 24(1) figures: out-of-court disputes and suspensions (Art. 23). */
export function disputesSection(data: ReportData): Sections['disputesAndSuspensions'] {
  const byGround = new Map(data.suspensions.accounts.map((r) => [r.ground, r.count]))
  const unknown = byGround.get('unknown')
  return sectionFrom(REDRESS_TEXTS.disputesAndSuspensions, {
    outOfCourtDisputes: 0,
    suspensionsByCause: [
      { key: 'illegal_content', label: 'Illegal content', value: byGround.get('illegal') ?? 0 },
      {
        key: 'terms_violations',
        label: 'Terms violations (also counted by the strike policy)',
        value: byGround.get('terms') ?? 0,
      },
      {
        key: 'manifestly_unfounded_notices',
        label: 'Manifestly unfounded notices',
        value: data.suspensions.reporters,
      },
      {
        key: 'manifestly_unfounded_complaints',
        label: 'Manifestly unfounded complaints',
        value: 0,
      },
      ...(unknown ? [{ key: 'unknown', label: 'Cause not recorded', value: unknown }] : []),
    ],
  })
}

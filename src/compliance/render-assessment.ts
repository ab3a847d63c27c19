import { LARGE_USERS } from '../core/code-measures.js'
import type { HarmAssessment } from '../core/risk-assessment.js'
import {
  FUNCTIONALITY_LABELS,
  type Functionality,
  riskKind,
  SERVICE_TYPE_LABELS,
} from '../core/risk-kinds.js'
import type { LiveEvidence, RiskAssessment } from '../core/risk-record.js'
import { esc, facts, list, page, person, trendBars, when } from './html.js'

/** An assessment with what its export shows beside it. */
export interface AssessmentExport {
  assessment: RiskAssessment
  /** The snapshot kept at approval, or (for a draft) the figures as they stand now. */
  liveEvidence: LiveEvidence
  liveEvidenceAsOf: 'approval' | 'now'
  history: RiskAssessment[]
}

const n = (value: number) => value.toLocaleString('en-GB')

function recordSection(a: RiskAssessment): string {
  const consulted = a.riskProfilesConsulted
  return [
    '<h2>The record</h2>',
    facts([
      ['Version', `${a.version} (${esc(a.status)})`],
      ['Named person responsible', person(a.responsiblePerson)],
      ['Completed by', person(a.completedBy)],
      ['Completed on', esc(a.completedOn)],
      ['Reviewed on', a.reviewedOn ? esc(a.reviewedOn) : '<span class="muted">—</span>'],
      [
        'Risk Profiles consulted',
        consulted.consulted
          ? `yes, on ${esc(consulted.on)}${consulted.version ? ` (${esc(consulted.version)})` : ''}`
          : 'no',
      ],
      ['Approved by', person(a.approvedBy)],
      ['Approved at', when(a.approvedAt)],
      ['Superseded at', when(a.supersededAt)],
      [
        'Recorded by (Vigil actor)',
        `${esc(a.createdBy)}; approval ${esc(a.approvedByActor ?? '—')}`,
      ],
    ]),
    a.notes ? `<p>${esc(a.notes)}</p>` : '',
  ].join('\n')
}

function profileSection(a: RiskAssessment): string {
  const p = a.profile
  const yesNo = (v: boolean) => (v ? 'yes' : 'no')
  return [
    '<h2>Step 1: the service</h2>',
    facts([
      ['Service', esc(p.serviceName) + (p.description ? ` — ${esc(p.description)}` : '')],
      ['Service types', esc(p.serviceTypes.map((t) => SERVICE_TYPE_LABELS[t]).join(', '))],
      [
        'Monthly active UK users',
        `${n(p.monthlyUkUsers)} (${p.monthlyUkUsers > LARGE_USERS ? 'large: more than' : 'not large: at most'} ${n(LARGE_USERS)})`,
      ],
      ['Monthly active EU users', p.monthlyEuUsers === undefined ? '—' : n(p.monthlyEuUsers)],
      ['How users were counted', esc(p.userNumbersBasis ?? '—')],
      [
        'Children likely to access',
        `${yesNo(p.children.likelyToAccess)}: ${esc(p.children.basis)}`,
      ],
      ['Age checks', esc(p.children.ageAssurance.replaceAll('_', ' '))],
      [
        'Functionalities (risk factors)',
        list(p.functionalities.map((f) => FUNCTIONALITY_LABELS[f])),
      ],
      ['Pornography is the principal purpose', yesNo(p.pornographyPrincipalPurpose)],
      ['An existing means of determining age', yesNo(p.determinesAge)],
      ['Proactive technology takes down or restricts content', yesNo(p.proactiveTechnology)],
      ['Tests recommender systems on the platform', yesNo(p.testsRecommendersOnPlatform)],
      ['Ofcom category', esc(p.ofcomCategory.replace('_', ' '))],
    ]),
  ].join('\n')
}

function harmRow(h: HarmAssessment): string {
  const k = riskKind(h.kind)
  const level =
    h.level === h.combinedLevel
      ? `<span class="level-${h.level}">${h.level}</span>`
      : `<span class="level-${h.level}">${h.level}</span><br><span class="muted">likelihood × impact gives ${h.combinedLevel}: ${esc(h.levelReason)}</span>`
  const evidence = h.evidence.map((e) => `${e.input} input, ${e.source}: ${e.summary}`)
  const factors = h.riskFactors.map((f: Functionality) => FUNCTIONALITY_LABELS[f])
  return `<tr><td>${esc(k?.row)}</td><th scope="row">${esc(k?.label ?? h.kind)}<br><span class="muted">${esc(h.kind)}</span></th><td>${esc(h.likelihood)}<br><span class="muted">${esc(h.likelihoodEvidence)}</span></td><td>${esc(h.impact)}<br><span class="muted">${esc(h.impactEvidence)}</span></td><td>${level}</td><td>${list(evidence)}${factors.length ? `<p class="muted">Risk factors: ${esc(factors.join(', '))}</p>` : ''}</td></tr>`
}

function harmsSection(a: RiskAssessment): string {
  return [
    '<h2>Step 2: the risk of each kind of illegal harm</h2>',
    '<p class="lede">The level combines likelihood and impact by Vigil’s rule (negligible likelihood gives negligible; otherwise a 3 × 3 matrix), in the spirit of Ofcom’s General Risk Level Table; a level set otherwise carries its reason.</p>',
    '<table><thead><tr><th scope="col">Row</th><th scope="col">Kind</th><th scope="col">Likelihood</th><th scope="col">Impact</th><th scope="col">Risk level</th><th scope="col">Evidence</th></tr></thead><tbody>',
    ...a.harms.map(harmRow),
    '</tbody></table>',
  ].join('\n')
}

function liveSection(e: AssessmentExport): string {
  const { current, previous } = e.liveEvidence
  const asOf =
    e.liveEvidenceAsOf === 'approval'
      ? 'as they stood when this version was approved'
      : 'as they stand now'
  const rows = e.liveEvidence.kinds.map(
    (k) =>
      `<tr><td>${esc(k.row)}</td><th scope="row">${esc(k.label)}</th><td class="num">${n(k.reports.previous)} → ${n(k.reports.current)}</td><td class="num">${n(k.detections.previous)} → ${n(k.detections.current)}</td><td class="num">${n(k.restricted.previous)} → ${n(k.restricted.current)}</td><td>${esc(k.trendText)}</td><td>${trendBars(k.periods, k.label)}</td></tr>`,
  )
  return [
    '<h2>Live evidence from Vigil</h2>',
    `<p class="lede">Vigil’s own figures, ${asOf}: the 12 months from ${esc(current.from.slice(0, 10))} to ${esc(current.to.slice(0, 10))} against the 12 before (from ${esc(previous.from.slice(0, 10))}). Each cell reads earlier year → last year.</p>`,
    '<table><thead><tr><th scope="col">Row</th><th scope="col">Kind</th><th scope="col">Reports</th><th scope="col">Detections</th><th scope="col">Restricted</th><th scope="col">Trend</th><th scope="col">24 periods</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
    list(e.liveEvidence.notes),
  ].join('\n')
}

function historySection(history: RiskAssessment[]): string {
  const rows = history.map(
    (h) =>
      `<tr><td class="num">${h.version}</td><td>${esc(h.status)}</td><td>${esc(h.completedOn)}</td><td>${person(h.approvedBy)}</td><td>${when(h.approvedAt)}</td><td>${when(h.supersededAt)}</td></tr>`,
  )
  return [
    '<h2>Step 4: review and update — version history</h2>',
    '<p class="lede">Every version is kept: approved versions are never changed, and superseded ones are kept at least three years (OSA s.23).</p>',
    '<table><thead><tr><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Completed</th><th scope="col">Approved by</th><th scope="col">Approved at</th><th scope="col">Superseded at</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ].join('\n')
}

/** The assessment as one self-contained page for a regulator or a board. */
export function renderAssessmentHtml(e: AssessmentExport): string {
  const a = e.assessment
  const title = `Illegal content risk assessment: ${a.profile.serviceName}, version ${a.version}`
  return page(title, [
    `<h1>${esc(title)}</h1>`,
    `<p class="lede">OSA s.9 risk assessment, recorded under s.23. Status: <strong>${esc(a.status)}</strong>.</p>`,
    recordSection(a),
    profileSection(a),
    harmsSection(a),
    liveSection(e),
    '<h2>Step 3: measures</h2><p>The code measures that apply, whether Vigil carries each out, the gaps and any alternative measures: the code-measure matrix (GET /v1/compliance/measures).</p>',
    historySection(e.history),
  ])
}

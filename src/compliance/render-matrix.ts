import { esc, facts, list, page, person, when } from './html.js'
import type { MatrixRow, MeasureMatrix } from './measure-matrix.js'

const STATUS_WORDS: Record<string, string> = {
  met: 'met',
  partly: 'partly met',
  not_met: 'not met',
  not_software: 'governance (record only)',
  outside_vigil: 'outside Vigil',
}

function appliesCell(r: MatrixRow): string {
  const answer = r.applies === 'yes' ? 'Yes' : r.applies === 'no' ? 'No' : 'To check'
  const stage = r.stageNote ? `<br><span class="muted">${esc(r.stageNote)}</span>` : ''
  const optional = r.optional ? '<br><span class="muted">optional</span>' : ''
  return `<strong>${answer}</strong>${stage}${optional}<br>${esc(r.reason)}`
}

function statusCell(r: MatrixRow): string {
  const s = r.status
  if (!s) return '<span class="muted">—</span>'
  const gaps = s.gaps.length ? `<p><strong>Gaps:</strong></p>${list(s.gaps)}` : ''
  const outside = s.outsideVigil
    ? `<p><strong>Outside Vigil:</strong> ${esc(s.outsideVigil)}</p>`
    : ''
  return `<span class="status-${s.status}">${esc(STATUS_WORDS[s.status])}</span>${list(s.evidence)}${gaps}${outside}`
}

function alternativesCell(r: MatrixRow): string {
  if (r.alternatives.length === 0) return '<span class="muted">none</span>'
  return r.alternatives
    .map(
      (a) =>
        `<p>${esc(a.description)}</p>${facts([
          ['How it complies', esc(a.howItComplies)],
          ['Freedom of expression', esc(a.freedomOfExpression)],
          ['Privacy', esc(a.privacy)],
          ['Recorded', `${person(a.recordedBy)}, ${when(a.recordedAt)}`],
        ])}`,
    )
    .join('')
}

function measureRow(r: MatrixRow): string {
  const warn = r.unverified
    ? ' <span class="warn" title="not checked against the primary text">⚠</span>'
    : ''
  return `<tr data-measure="${esc(r.key)}"><th scope="row">${esc(r.key)}${warn}</th><td>${esc(r.measure)}<br><span class="muted">Applies to: ${esc(r.appliesTo)}. Impl: ${esc(r.impl)}</span></td><td>${appliesCell(r)}</td><td>${statusCell(r)}</td><td>${alternativesCell(r)}</td></tr>`
}

function table(caption: string, rows: MatrixRow[]): string {
  if (rows.length === 0) return ''
  return [
    `<h2>${esc(caption)}</h2>`,
    '<table><thead><tr><th scope="col">Measure</th><th scope="col">What it asks</th><th scope="col">Applies?</th><th scope="col">Vigil</th><th scope="col">Alternatives (s.23)</th></tr></thead><tbody>',
    ...rows.map(measureRow),
    '</tbody></table>',
  ].join('\n')
}

function gapsSection(m: MeasureMatrix): string {
  const items = m.gaps.map(
    (g) =>
      `<li><strong>${esc(g.measures.join(', '))}</strong> (${esc(STATUS_WORDS[g.status])}): ${esc(g.gap)}${g.alternativeRecorded ? ' <em>An alternative measure is recorded.</em>' : ''}</li>`,
  )
  return [
    '<h2>Gaps</h2>',
    items.length
      ? `<ul>${items.join('')}</ul>`
      : '<p>None: every measure owed that Vigil can carry out is met.</p>',
  ].join('\n')
}

/** The matrix as one self-contained page. */
export function renderMatrixHtml(m: MeasureMatrix): string {
  const a = m.assessment
  const title = `Code measures: ${a.serviceName}, risk assessment version ${a.version}`
  const { large, multiRisk, childrenLikely, on } = m.applicability
  return page(title, [
    `<h1>${esc(title)}</h1>`,
    `<p class="lede">Which measures of Ofcom’s Illegal Content Codes (ICU)${childrenLikely ? ' and Protection of Children Codes (PCU)' : ''} apply, why, and whether Vigil’s configuration carries each out. Tests answered for ${esc(on)}; generated ${when(m.generatedAt)}. Assessment ${esc(a.status)}${a.approvedAt ? `, approved ${when(a.approvedAt)}` : ''}.</p>`,
    facts([
      ['Large', esc(large.reason)],
      ['Multi-risk', esc(multiRisk.reason)],
      ['Children likely to access', childrenLikely ? 'yes: the PCU table applies too' : 'no'],
    ]),
    gapsSection(m),
    table(
      'Illegal Content Codes (ICU)',
      m.measures.filter((r) => r.code === 'ICU'),
    ),
    table(
      'Protection of Children Codes (PCU)',
      m.measures.filter((r) => r.code === 'PCU'),
    ),
    '<h2>Notes</h2>',
    list(m.notes),
  ])
}

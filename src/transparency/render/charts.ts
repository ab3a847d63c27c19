import type {
  BreakdownRow,
  FigureUnit,
  TransparencyReport,
} from '../../core/transparency-report.js'
import { esc, formatValue } from './format.js'

export interface Chart {
  id: string
  title: string
  /** One sentence: what the bars count. */
  description: string
  unit: FigureUnit
  bars: { label: string; value: number | null }[]
}

const WIDTH = 680
const LABEL_WIDTH = 250
const BAR_HEIGHT = 20
const GAP = 8
const MAX_LABEL = 38

/**
 * An inline SVG bar chart with an accessible name and description, followed by the same data as
 * a table (for screen readers, and for anyone who wants the numbers).
 */
export function barChart(chart: Chart): string {
  const { id, title, description, unit, bars } = chart
  const max = unit === 'share' ? 1 : Math.max(0, ...bars.map((b) => b.value ?? 0))
  const height = Math.max(1, bars.length) * (BAR_HEIGHT + GAP) + GAP
  const scale = WIDTH - LABEL_WIDTH - 90
  const body = bars.length
    ? bars.map((bar, i) => barRow(bar, i, max, scale, unit)).join('')
    : `<text x="0" y="${BAR_HEIGHT}" class="empty">No data for the period</text>`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(description)}</desc>${body}</svg>`
  const rows = bars
    .map(
      (b) =>
        `<tr><th scope="row">${esc(b.label)}</th><td>${esc(formatValue(b.value, unit))}</td></tr>`,
    )
    .join('')
  return `<figure class="chart" id="${id}"><figcaption>${esc(title)}</figcaption>${svg}<table class="chart-data"><caption>${esc(title)}: the data</caption><thead><tr><th scope="col">Item</th><th scope="col">Value</th></tr></thead><tbody>${rows}</tbody></table></figure>`
}

function barRow(
  bar: { label: string; value: number | null },
  i: number,
  max: number,
  scale: number,
  unit: FigureUnit,
): string {
  const y = GAP + i * (BAR_HEIGHT + GAP)
  const width = bar.value && max > 0 ? Math.max(1, Math.round((bar.value / max) * scale)) : 0
  const label = bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label
  const text = y + BAR_HEIGHT - 5
  return `<g><title>${esc(`${bar.label}: ${formatValue(bar.value, unit)}`)}</title><text x="0" y="${text}">${esc(label)}</text><rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" rx="2"/><text x="${LABEL_WIDTH + width + 6}" y="${text}">${esc(formatValue(bar.value, unit))}</text></g>`
}

function bars(rows: readonly BreakdownRow[]): Chart['bars'] {
  return rows.map((row) => ({ label: row.label, value: row.value }))
}

/** Notices and orders together, per harm, largest first. */
function byHarm(report: TransparencyReport): Chart['bars'] {
  const { notices, orders } = report.sections
  const totals = new Map<string, { label: string; value: number }>()
  for (const row of [...notices.figures.byHarm.rows, ...orders.figures.byHarm.rows]) {
    const seen = totals.get(row.key)
    totals.set(row.key, { label: row.label, value: (seen?.value ?? 0) + (row.value ?? 0) })
  }
  return [...totals.values()].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
}

/** The page's charts: volumes by harm and by origin, times, automation and appeal outcomes. */
export function reportCharts(report: TransparencyReport): Chart[] {
  const s = report.sections
  const complaints = s.complaints.figures
  return [
    {
      id: 'chart-harm',
      title: 'Notices and orders by harm',
      description: 'Notices and orders received in the period, by the harm their sender named.',
      unit: 'count',
      bars: byHarm(report),
    },
    {
      id: 'chart-origin',
      title: 'Decisions by what found the content',
      description: s.ofcom.figures.decisionsByOrigin.definition,
      unit: 'count',
      bars: bars(s.ofcom.figures.decisionsByOrigin.rows),
    },
    {
      id: 'chart-time',
      title: 'Median time to decision',
      description:
        'Median hours from a notice or order to the decision on it, per sender, and from a complaint to its decision.',
      unit: 'hours',
      bars: [
        ...bars(s.notices.figures.medianHoursBySender.rows),
        { label: 'Complaints', value: complaints.medianHoursToDecision.value },
      ],
    },
    {
      id: 'chart-automation',
      title: 'Automated shares',
      description:
        'Shares of own-initiative measures decided or detected by automated means, of decisions found by proactive technology, and of automated detections a person reviewed.',
      unit: 'share',
      bars: [
        s.ownInitiative.figures.automatedShare,
        s.ownInitiative.figures.automatedDetectionShare,
        s.ofcom.figures.proactiveTechnologyShare,
        s.automatedTools.figures.humanReviewShare,
      ].map((f) => ({ label: f.label, value: f.value })),
    },
    {
      id: 'chart-appeals',
      title: 'Complaint outcomes',
      description: `${complaints.byOutcome.definition} Share of appeals that reversed the decision: ${formatValue(complaints.reversalShare.value, 'share')}.`,
      unit: 'count',
      bars: bars(complaints.byOutcome.rows),
    },
  ]
}

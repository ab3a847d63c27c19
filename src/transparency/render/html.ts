import {
  type ReportFigure,
  reportSections,
  type TransparencyReport,
} from '../../core/transparency-report.js'
import { barChart, reportCharts } from './charts.js'
import { esc, formatValue } from './format.js'

const STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#c8c8c8;--bar:#2f5d8a;--band:#f3f5f8}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);margin:0;background:#fff}
main{max-width:60rem;margin:0 auto;padding:2rem 1rem 4rem}
h1{font-size:1.9rem;margin:0 0 .25rem}h2{font-size:1.35rem;margin:2.5rem 0 .25rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}
.lede,.source{color:var(--muted);margin:.25rem 0 1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink)}td.value{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.sub th{font-weight:normal;padding-left:1.5rem}
.definition{color:var(--muted);font-size:.88rem;font-weight:normal}
.charts{display:grid;gap:1.5rem}
figure.chart{margin:0;padding:1rem;background:var(--band);border-radius:6px}
figure.chart figcaption{font-weight:600;margin-bottom:.5rem}
figure.chart svg{max-width:100%;height:auto;font:13px system-ui,sans-serif;fill:var(--ink)}
figure.chart rect{fill:var(--bar)}
table.chart-data{font-size:.85rem;margin:.5rem 0 0}table.chart-data caption{text-align:left;color:var(--muted)}
ul.notes li{margin:.3rem 0}
`

/**
 * The report as one self-contained HTML page: no scripts and nothing fetched from elsewhere; CSS
 * and SVG charts inline, each chart with its data as a table; every text escaped.
 */
export function renderHtml(report: TransparencyReport): string {
  const { from, to, generatedAt } = report.period
  const title = `Transparency report, ${from} to ${to}`
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>`,
    `<h1>Transparency report</h1>`,
    `<p class="lede">From ${esc(from)} up to, not including, ${esc(to)} (UTC). Generated ${esc(generatedAt)}. Every figure states what was counted; the legal source of each section is under its heading.</p>`,
    '<h2>At a glance</h2><div class="charts">',
    ...reportCharts(report).map(barChart),
    '</div>',
    ...reportSections(report).map(({ section, figures }) => sectionHtml(section, figures)),
    '<h2>Notes</h2><ul class="notes">',
    ...report.notes.map((note) => `<li>${esc(note)}</li>`),
    '</ul></main></body></html>',
    '',
  ].join('\n')
}

function sectionHtml(
  section: { title: string; source: string },
  figures: [string, ReportFigure][],
): string {
  return [
    `<section><h2>${esc(section.title)}</h2><p class="source">${esc(section.source)}</p>`,
    '<table><thead><tr><th scope="col">Figure</th><th scope="col">Value</th></tr></thead><tbody>',
    ...figures.map(([, figure]) => figureRows(figure)),
    '</tbody></table></section>',
  ].join('\n')
}

function figureRows(figure: ReportFigure): string {
  const definition = `<div class="definition">${esc(figure.definition)}</div>`
  if (figure.kind === 'figure') {
    return `<tr><th scope="row">${esc(figure.label)}${definition}</th><td class="value">${esc(formatValue(figure.value, figure.unit))}</td></tr>`
  }
  const head = `<tr><th scope="row" colspan="2">${esc(figure.label)}${definition}</th></tr>`
  const rows = figure.rows.length
    ? figure.rows.map(
        (row) =>
          `<tr class="sub"><th scope="row">${esc(row.label)}</th><td class="value">${esc(formatValue(row.value, figure.unit))}</td></tr>`,
      )
    : ['<tr class="sub"><th scope="row">None in the period</th><td class="value">—</td></tr>']
  return [head, ...rows].join('')
}

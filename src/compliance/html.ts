// @NOTE Small helpers for the compliance pages: self-contained HTML (inline CSS and SVG, no
// scripts, nothing fetched), every text escaped.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

const STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#c8c8c8;--bar:#2f5d8a;--old:#9aa7b4;--band:#f3f5f8;--bad:#8a1c1c;--warn:#7a4d00;--good:#1d5e2c}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);margin:0;background:#fff}
main{max-width:72rem;margin:0 auto;padding:2rem 1rem 4rem}
h1{font-size:1.8rem;margin:0 0 .25rem}h2{font-size:1.3rem;margin:2.25rem 0 .5rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}
.lede,.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink)}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
dl.facts{display:grid;grid-template-columns:minmax(12rem,max-content) 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
ul.tight{margin:.2rem 0;padding-left:1.1rem}
.level-high,.status-not_met{color:var(--bad);font-weight:700}
.level-medium,.status-partly{color:var(--warn);font-weight:700}
.status-met{color:var(--good);font-weight:700}
svg.trend rect.old{fill:var(--old)}svg.trend rect.new{fill:var(--bar)}
.warn{font-weight:700}
`

/** A whole page: doctype, title, inline style, and the body inside <main>. */
export function page(title: string, body: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>`,
    ...body,
    '</main></body></html>',
    '',
  ].join('\n')
}

/** A definition list of label → already-escaped HTML. */
export function facts(rows: [string, string][]): string {
  return `<dl class="facts">${rows.map(([dt, dd]) => `<dt>${esc(dt)}</dt><dd>${dd}</dd>`).join('')}</dl>`
}

export function list(items: readonly string[]): string {
  return items.length === 0
    ? '<span class="muted">none</span>'
    : `<ul class="tight">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`
}

const BAR = 6
const HEIGHT = 28

/**
 * Bars for 24 periods, oldest first: the earlier year lighter, the last year darker, with the
 * figures as the accessible name.
 */
export function trendBars(periods: readonly number[], label: string): string {
  const max = Math.max(1, ...periods)
  const bars = periods
    .map((n, i) => {
      const h = n === 0 ? 0 : Math.max(1, Math.round((n / max) * HEIGHT))
      const cls = i < periods.length / 2 ? 'old' : 'new'
      return `<rect class="${cls}" x="${i * BAR}" y="${HEIGHT - h}" width="${BAR - 1}" height="${h}"/>`
    })
    .join('')
  const name = `${label}: reports and detections in 24 periods of about a month, oldest first: ${periods.join(', ')}`
  return `<svg class="trend" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(name)}" width="${periods.length * BAR}" height="${HEIGHT}" viewBox="0 0 ${periods.length * BAR} ${HEIGHT}"><title>${esc(name)}</title><line x1="0" y1="${HEIGHT - 0.5}" x2="${periods.length * BAR}" y2="${HEIGHT - 0.5}" stroke="#c8c8c8"/>${bars}</svg>`
}

export function person(p: { name: string; role: string } | null): string {
  return p ? `${esc(p.name)}, ${esc(p.role)}` : '<span class="muted">—</span>'
}

export function when(at: Date | string | null): string {
  if (!at) return '<span class="muted">—</span>'
  const iso = typeof at === 'string' ? at : at.toISOString()
  return `<time datetime="${esc(iso)}">${esc(iso.replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC'))}</time>`
}

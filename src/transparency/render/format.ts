import type { FigureUnit } from '../../core/transparency-report.js'

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe for HTML and SVG content and quoted attributes. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

/** A figure's value for people: 1,234; 12.5%; 3.25 h; an em dash when there is none. */
export function formatValue(value: number | null, unit: FigureUnit): string {
  if (value === null) return '—'
  if (unit === 'share') return `${(value * 100).toFixed(1)}%`
  if (unit === 'hours') return `${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })} h`
  return value.toLocaleString('en-GB')
}

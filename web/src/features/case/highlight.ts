import type { SignalView } from './case-data'

/** A run of the content's text, marked when a keyword list matched it. */
export interface TextPart {
  text: string
  /** The listed term that matched, for the mark's label. */
  term?: string
}

interface Span {
  start: number
  end: number
  term: string
}

/** The spans keyword-list signals matched in `text`, in order, overlaps merged into the first. */
export function matchedSpans(text: string, signals: readonly SignalView[]): Span[] {
  const spans: Span[] = []
  for (const signal of signals) {
    if (signal.source !== 'keyword_list') continue
    const offsets = signal.evidence.offsets
    if (!Array.isArray(offsets) || offsets.length !== 2) continue
    const [start, end] = offsets as unknown[]
    if (typeof start !== 'number' || typeof end !== 'number') continue
    if (start < 0 || end > text.length || start >= end) continue
    const term =
      typeof signal.evidence.term === 'string' ? signal.evidence.term : text.slice(start, end)
    spans.push({ start, end, term })
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Span[] = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}

/** The text cut into plain and matched parts, ready to render with <mark>. */
export function highlightText(text: string, signals: readonly SignalView[]): TextPart[] {
  const parts: TextPart[] = []
  let at = 0
  for (const span of matchedSpans(text, signals)) {
    if (span.start > at) parts.push({ text: text.slice(at, span.start) })
    parts.push({ text: text.slice(span.start, span.end), term: span.term })
    at = span.end
  }
  if (at < text.length) parts.push({ text: text.slice(at) })
  return parts
}

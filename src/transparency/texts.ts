import type {
  Breakdown,
  BreakdownRow,
  Figure,
  FigureUnit,
  TransparencyReport,
} from '../core/transparency-report.js'

type Sections = TransparencyReport['sections']
export type SectionKey = keyof Sections
type Metric<S extends SectionKey> = keyof Sections[S]['figures']

/** A figure's words: its label, unit, what it is split by (breakdowns) and its definition. */
export interface FigureText {
  label: string
  unit: FigureUnit
  /** Set for a breakdown: what its rows are split by. */
  dimension?: string
  definition: string
}

export interface SectionTexts<S extends SectionKey> {
  title: string
  source: string
  figures: { [M in Metric<S>]: FigureText }
}

export type ReportTexts<K extends SectionKey> = { [S in K]: SectionTexts<S> }

/** A figure's value, or a breakdown's rows. */
export type FigureValue = number | null | BreakdownRow[]

/**
 * A section from its words and its values: a metric given rows is a breakdown, one given a
 * number (or null) a figure. The report schema's test parse checks the two agree.
 */
export function sectionFrom<S extends SectionKey>(
  texts: SectionTexts<S>,
  values: { [M in Metric<S>]: FigureValue },
): Sections[S] {
  const figures: Record<string, Figure | Breakdown> = {}
  for (const [metric, text] of Object.entries(texts.figures) as [string, FigureText][]) {
    const value = values[metric as Metric<S>]
    const { label, unit, definition } = text
    figures[metric] = Array.isArray(value)
      ? { kind: 'breakdown', label, unit, dimension: text.dimension ?? '', definition, rows: value }
      : { kind: 'figure', label, unit, value, definition }
  }
  return { title: texts.title, source: texts.source, figures } as unknown as Sections[S]
}

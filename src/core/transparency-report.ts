import { z } from 'zod'

// @NOTE The transparency report for a period (DSA Art. 15(1)(a)–(e), Art. 24(1); Ofcom's
// transparency notices under OSA s.77 and Sch. 8). Browser-safe: the console may render it.
// Every figure carries its definition, so a reader knows what was counted.

/** The longest period one report covers, in days (a calendar year, leap years included). */
export const MAX_REPORT_DAYS = 366

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine(isCalendarDay, 'not a day of the calendar')

/** True for a YYYY-MM-DD that names a real day (not 2026-02-30). */
function isCalendarDay(value: string): boolean {
  const at = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value
}

export const transparencyQuerySchema = z
  .strictObject({
    from: day.describe('First day of the period (UTC), YYYY-MM-DD, included'),
    to: day.describe('Day after the period (UTC), YYYY-MM-DD, not included: [from, to)'),
    format: z.enum(REPORT_FORMATS).default('json').describe('json, csv or a self-contained html'),
  })
  .refine((q) => q.from < q.to, { message: '`from` must be before `to`', path: ['from'] })
export type TransparencyQuery = z.infer<typeof transparencyQuerySchema>

export const FIGURE_UNITS = ['count', 'share', 'hours'] as const
export type FigureUnit = (typeof FIGURE_UNITS)[number]

const common = {
  label: z.string(),
  unit: z.enum(FIGURE_UNITS),
  definition: z.string().describe('What was counted, in one sentence'),
}

export const figureSchema = z.object({
  kind: z.literal('figure'),
  ...common,
  value: z.number().nullable().describe('null when there was nothing to measure'),
})
export type Figure = z.infer<typeof figureSchema>

export const breakdownRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
})
export type BreakdownRow = z.infer<typeof breakdownRowSchema>

export const breakdownSchema = z.object({
  kind: z.literal('breakdown'),
  ...common,
  dimension: z.string().describe('What the rows are split by, e.g. harm'),
  rows: z.array(breakdownRowSchema),
})
export type Breakdown = z.infer<typeof breakdownSchema>

export type ReportFigure = Figure | Breakdown

function section<T extends Record<string, typeof figureSchema | typeof breakdownSchema>>(
  figures: T,
) {
  return z.object({
    title: z.string(),
    source: z.string().describe('The provision the section answers'),
    figures: z.object(figures),
  })
}

const f = figureSchema
const b = breakdownSchema

export const transparencyReportSchema = z.object({
  period: z.object({
    from: z.string().describe('First day, included (UTC)'),
    to: z.string().describe('Day after the last, not included (UTC)'),
    generatedAt: z.iso.datetime(),
  }),
  sections: z.object({
    orders: section({
      received: f,
      byHarm: b,
      byMemberState: b,
      medianHoursToAcknowledge: f,
      medianHoursToEffect: f,
    }),
    notices: section({
      received: f,
      bySender: b,
      byHarm: b,
      fromTrustedFlaggers: f,
      trustedFlaggerShare: f,
      actionsByGround: b,
      automated: f,
      medianHoursToAction: f,
      medianHoursBySender: b,
    }),
    ownInitiative: section({
      measures: f,
      byRestriction: b,
      byDetectionMethod: b,
      byGround: b,
      automatedShare: f,
      automatedDetectionShare: f,
    }),
    complaints: section({
      received: f,
      byBasis: b,
      decided: f,
      byOutcome: b,
      medianHoursToDecision: f,
      reversed: f,
      reversalShare: f,
    }),
    automatedTools: section({
      purposes: b,
      automatedDecisions: f,
      appealedDecisions: f,
      reversedDecisions: f,
      estimatedErrorRate: f,
      reversedShareOfAll: f,
      humanReviewShare: f,
    }),
    disputesAndSuspensions: section({ outOfCourtDisputes: f, suspensionsByCause: b }),
    ofcom: section({
      illegalContentByHarm: b,
      termsByRestriction: b,
      decisionsByOrigin: b,
      proactiveTechnologyShare: f,
      reportsReceived: f,
      reportsMedianHoursToDecision: f,
      complaintsReceived: f,
      complaintsMedianHoursToDecision: f,
    }),
  }),
  notes: z.array(z.string()).describe('What the figures cannot show, in plain words'),
})
export type TransparencyReport = z.infer<typeof transparencyReportSchema>
export type SectionKey = keyof TransparencyReport['sections']
export type ReportSection = TransparencyReport['sections'][SectionKey]

/** The sections in reading order, each with its figures in order; for the renderers. */
export function reportSections(
  report: TransparencyReport,
): { key: string; section: ReportSection; figures: [string, ReportFigure][] }[] {
  return Object.entries(report.sections).map(([key, section]) => ({
    key,
    section,
    figures: Object.entries(section.figures) as [string, ReportFigure][],
  }))
}

/** `[from, to)` as instants: midnight UTC of each day. */
export function reportPeriod(query: Pick<TransparencyQuery, 'from' | 'to'>): {
  from: Date
  to: Date
} {
  return { from: new Date(`${query.from}T00:00:00Z`), to: new Date(`${query.to}T00:00:00Z`) }
}

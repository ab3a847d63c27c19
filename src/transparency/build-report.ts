import type { Clock } from '../core/clock.js'
import { InvalidInputError } from '../core/errors.js'
import type { Taxonomy } from '../core/taxonomy.js'
import {
  MAX_REPORT_DAYS,
  reportPeriod,
  type TransparencyReport,
  transparencyQuerySchema,
} from '../core/transparency-report.js'
import type { Db } from '../storage/database.js'
import { loadReportData, type ReportData } from './report-data.js'
import {
  type HarmLabel,
  noticesSection,
  ordersSection,
  ownInitiativeSection,
} from './sections-dsa.js'
import { ofcomSection } from './sections-ofcom.js'
import { automatedToolsSection, complaintsSection, disputesSection } from './sections-redress.js'

export interface ReportContext {
  db: Db
  taxonomy: Taxonomy
  clock: Clock
}

const DAY_MS = 86_400_000

/** What the figures cannot show; printed with every report. */
export const REPORT_NOTES: readonly string[] = [
  'Orders (Art. 15(1)(a)) are the notices of senders registered or declared as authorities; Vigil does not tell an Art. 9 order from an authority’s other notices, nor record the issuing Member State.',
  'The error rate of automated decisions is estimated from appeal outcomes: appealed decisions are not a random sample, and errors nobody appealed are not seen.',
  'Vigil holds no out-of-court dispute records (Art. 21, Art. 24(1)(a)) and does not restrict complaints for misuse; both are reported as zero.',
  'Not covered: moderators’ training and resources (Art. 15(1)(c)), average monthly active recipients (Art. 24(2)), age assurance, user empowerment and user numbers (Sch. 8).',
  'Periods are UTC days, from the first day up to (not including) the last; figures count what happened in the period, and decisions made after it are not counted.',
]

/**
 * The transparency report for `[from, to)` (UTC days): DSA Art. 15(1)(a)–(e) and Art. 24(1)
 * figures and the Ofcom Sch. 8 metrics Vigil can compute, each with its definition. Every
 * figure is aggregated in the database.
 */
export async function buildReport(
  ctx: ReportContext,
  range: { from: string; to: string },
): Promise<TransparencyReport> {
  const data = await loadReportData(ctx.db, checkedPeriod(range))
  const harmLabel = (harm: string) => ctx.taxonomy.get(harm)?.label ?? harm
  return assembleReport(data, harmLabel, { ...range, generatedAt: ctx.clock.now().toISOString() })
}

/** The report from its aggregates: every section with its figures and their definitions. */
export function assembleReport(
  data: ReportData,
  harmLabel: HarmLabel,
  period: TransparencyReport['period'],
): TransparencyReport {
  return {
    period,
    sections: {
      orders: ordersSection(data, harmLabel),
      notices: noticesSection(data, harmLabel),
      ownInitiative: ownInitiativeSection(data),
      complaints: complaintsSection(data),
      automatedTools: automatedToolsSection(data),
      disputesAndSuspensions: disputesSection(data),
      ofcom: ofcomSection(data, harmLabel),
    },
    notes: [...REPORT_NOTES],
  }
}

function checkedPeriod(range: { from: string; to: string }): { from: Date; to: Date } {
  const parsed = transparencyQuerySchema.safeParse({ from: range.from, to: range.to })
  if (!parsed.success) {
    const problem = parsed.error.issues[0]
    throw new InvalidInputError(
      `the period is wrong: ${problem?.path.join('.') || 'period'}: ${problem?.message}; give --from and --to as YYYY-MM-DD, e.g. 2026-01-01 and 2027-01-01`,
    )
  }
  const period = reportPeriod(parsed.data)
  if (period.to.getTime() - period.from.getTime() > MAX_REPORT_DAYS * DAY_MS) {
    throw new InvalidInputError(
      `a report covers at most ${MAX_REPORT_DAYS} days; choose a shorter period`,
    )
  }
  return period
}

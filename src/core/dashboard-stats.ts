import { z } from 'zod'

/** How many harms the volume chart names; the rest are counted together as `other`. */
export const TOP_HARMS = 5
export const OTHER_HARM = 'other'
export const UNSPECIFIED_HARM = 'unspecified'
/** The longest period the dashboard answers for, in days. */
export const MAX_DASHBOARD_DAYS = 366

export const dashboardQuerySchema = z
  .strictObject({
    from: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('Start of the period (inclusive); default 30 days before `to`'),
    to: z.iso.datetime({ offset: true }).optional().describe('End of the period; default now'),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: '`from` must be before `to`',
  })
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>

const labelled = { label: z.string(), count: z.number().int() }

export const dashboardStatsSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  volume: z
    .object({
      total: z.number().int().describe('Content cases opened in the period'),
      harms: z
        .array(z.object({ harm: z.string(), ...labelled }))
        .describe(`The ${TOP_HARMS} commonest harms, then \`${OTHER_HARM}\` for the rest`),
      days: z.array(
        z.object({
          day: z.string().describe('UTC date, YYYY-MM-DD'),
          total: z.number().int(),
          counts: z
            .array(z.number().int())
            .describe('Cases opened that day per harm, in the order of `harms`'),
        }),
      ),
      sources: z
        .array(z.object({ source: z.string(), ...labelled }))
        .describe('What opened each case: the signal source of its first notice or match'),
    })
    .describe('Content cases opened in the period'),
  sla: z
    .array(
      z.object({
        queue: z.string(),
        label: z.string(),
        slaHours: z.number().nullable(),
        withinSla: z.number().int().describe('Decided by their deadline'),
        late: z.number().int().describe('Decided after their deadline'),
        openOverdue: z.number().int().describe('Still open and past their deadline'),
        openInTime: z.number().int().describe('Still open, deadline not yet passed'),
        medianHoursToDecision: z.number().nullable(),
      }),
    )
    .describe('Cases opened in the period, per queue, against their SLA or legal deadline'),
  automation: z
    .object({
      decisions: z.number().int(),
      fully: z.number().int(),
      partially: z.number().int(),
      not: z.number().int(),
      share: z.number().nullable().describe('Share fully or partially automated; null for none'),
    })
    .describe('Decisions made in the period, by automatedDecision'),
  appeals: z
    .object({
      decided: z.number().int().describe('Appeals against decisions settled in the period'),
      reversed: z.number().int(),
      share: z.number().nullable().describe('Share reversed; null when none were decided'),
    })
    .describe('Appeals decided in the period and how many reversed the decision'),
})
export type DashboardStats = z.infer<typeof dashboardStatsSchema>

/** Words for the signal sources that can open a case, for charts and tables. */
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  user_report: 'User report',
  trusted_flagger: 'Trusted flagger',
  authority: 'Authority',
  hash_match: 'Hash match',
  url_list: 'URL list',
  keyword_list: 'Keyword list',
  classifier: 'Classifier',
  rule: 'Rule',
  unknown: 'Unknown',
}

/** Each UTC day from `from` up to (not including) `to`, as YYYY-MM-DD. */
export function utcDays(from: Date, to: Date): string[] {
  const days: string[] = []
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()))
  while (day < to) {
    days.push(day.toISOString().slice(0, 10))
    day.setUTCDate(day.getUTCDate() + 1)
  }
  return days
}

import { z } from 'zod'
import { REPORT_CHANNELS, REPORT_OUTCOMES, REPORT_STATUSES } from '../../../core/report.js'

export const receiptSchema = z.object({
  reference: z.string().describe('Quote this when asking about the report'),
  reportId: z.string(),
  caseId: z.string(),
  status: z.literal('received'),
  receivedAt: z.string(),
  queue: z.string().describe("The label of the case's queue"),
  expectedDecisionBy: z
    .string()
    .describe("When a decision is due under the queue's target (Ofcom ICU D4)"),
  legalDeadline: z
    .string()
    .nullable()
    .describe('When the law requires action, e.g. 48 hours for intimate images (OSA s.10(3A))'),
  followUp: z.boolean().describe('False when the reporter opted out of follow-up messages'),
})

export const referenceParams = z.object({
  reference: z
    .string()
    .regex(/^R-[2-9A-Z]{4}-[2-9A-Z]{4}$/, 'a report reference looks like R-7K3M-Q9XP'),
})

export const reportListQuery = z.strictObject({
  status: z.enum(REPORT_STATUSES).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Filed at or after this time'),
  to: z.iso.datetime({ offset: true }).optional().describe('Filed before this time'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})

const notificationSchema = z.object({
  kind: z.string(),
  subjectLine: z.string(),
  body: z.string(),
  status: z.enum(['queued', 'suppressed']),
  createdAt: z.string(),
})

const outcomeSchema = z.object({
  result: z.enum(REPORT_OUTCOMES),
  decidedAt: z.string(),
  decisionId: z.string(),
})

export const reportSummarySchema = z.object({
  reference: z.string(),
  reportId: z.string(),
  caseId: z.string(),
  status: z.enum(REPORT_STATUSES),
  harm: z.string(),
  channel: z.enum(REPORT_CHANNELS),
  reporterKind: z.string(),
  flaggerId: z.string().nullable(),
  contentUrls: z.array(z.string()),
  followUp: z.boolean(),
  receivedAt: z.string(),
  outcome: outcomeSchema.nullable().describe('Set once the case is decided (Ofcom D5)'),
})

export const reportStatusSchema = reportSummarySchema.extend({
  explanation: z.string(),
  queue: z.string().nullable().describe("The label of the case's queue"),
  expectedDecisionBy: z.string().nullable(),
  legalDeadline: z.string().nullable(),
  outcome: outcomeSchema
    .extend({ actions: z.array(z.string()).describe('What the decision told the platform to do') })
    .nullable(),
  messages: z.array(notificationSchema).describe('What the reporter was sent, oldest first'),
})

export const reportListSchema = z.object({
  reports: z.array(reportSummarySchema),
  total: z.number(),
})

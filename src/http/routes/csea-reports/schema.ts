import { z } from 'zod'
import {
  CSEA_CHANNELS,
  CSEA_PRIORITIES,
  CSEA_REPORT_STATUSES,
  cseaSendInputSchema,
} from '../../../core/csea-report.js'

export const reportParams = z.object({ id: z.uuid({ error: 'a CSEA report id is a UUID' }) })
export const caseParams = z.object({ id: z.uuid({ error: 'a case id is a UUID' }) })
export const sendBody = cseaSendInputSchema.nullish()

const instant = z.string().describe('ISO 8601')

export const reportSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  decisionId: z.string().nullable(),
  channel: z.enum(CSEA_CHANNELS),
  priority: z.enum(CSEA_PRIORITIES),
  status: z.enum(CSEA_REPORT_STATUSES),
  dueAt: instant.describe('P1: when drafted (immediately); P2 and P3: by the policy'),
  overdue: z.boolean().describe('Not sent and past its due time'),
  externalReference: z.string().nullable().describe("The NCA's reference or NCMEC's report id"),
  duplicateOf: z
    .string()
    .nullable()
    .describe('A report through the other channel about the same case or media'),
  overrideReason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: instant,
  approvedBy: z.string().nullable(),
  approvedAt: instant.nullable(),
  sentBy: z.string().nullable().describe('Who asked for it to be sent'),
  sentAt: instant.nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  retrying: z.boolean().describe('A failed send the worker will try again by itself'),
  referenceRetainUntil: instant.nullable().describe('The reference is kept five years'),
})

export const reportListSchema = z.object({
  reports: z.array(reportSummarySchema),
  total: z.number(),
})

export const reportViewSchema = reportSummarySchema.extend({
  duplicate: z
    .object({
      id: z.string(),
      channel: z.enum(CSEA_CHANNELS),
      status: z.enum(CSEA_REPORT_STATUSES),
      externalReference: z.string().nullable(),
    })
    .nullable(),
  missing: z
    .array(z.object({ path: z.string(), label: z.string() }))
    .describe('Schedule 1 items the NCA report lacks: not available, never guessed'),
  declarationText: z
    .string()
    .nullable()
    .describe('What the approver of an NCA report declares (OSA s.69)'),
  payload: z.record(z.string(), z.unknown()).describe('The report as it will be sent'),
})

export const detailsReceiptSchema = z.object({
  caseId: z.string(),
  reports: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(CSEA_CHANNELS),
      missing: z.array(z.object({ path: z.string(), label: z.string() })),
    }),
  ),
})

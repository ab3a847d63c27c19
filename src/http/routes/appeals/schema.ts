import { z } from 'zod'
import {
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  APPEAL_STATUSES,
  APPELLANT_ROLES,
} from '../../../core/appeal.js'
import { NOTIFICATION_KINDS, RECIPIENT_ROLES } from '../../../core/notification.js'
import { decisionSchema, moderationCaseSchema } from '../cases/view-schema.js'

export const appealParams = z.object({ id: z.uuid({ error: 'an appeal id is a UUID' }) })

export const appealReceiptSchema = z.object({
  reference: z.string().describe('Quote this when asking about the appeal'),
  appealId: z.string(),
  caseId: z.string(),
  kind: z.enum(APPEAL_KINDS),
  status: z.literal('received'),
  receivedAt: z.string(),
  queue: z.string().describe("The label of the appeal's queue"),
  expedited: z.boolean().describe('Intimate image abuse: the expedited route (OSA s.21(2A))'),
  expectedDecisionBy: z.string().describe("When an answer is due under the queue's target"),
  statusToken: z
    .string()
    .describe('Shown once: give it to the appellant; with the reference it opens the status page'),
  statusPath: z.string().describe('The public status page, relative to Vigil’s public address'),
})

export const appealSchema = z.object({
  id: z.string(),
  reference: z.string().describe('A short reference a person can quote: A-XXXX-XXXX'),
  kind: z.enum(APPEAL_KINDS),
  decisionId: z.string().nullable(),
  caseId: z.string().nullable().describe("The appeal's own case in the appeals queue"),
  appellantRole: z.enum(APPELLANT_ROLES),
  appellantId: z.string().nullable(),
  appellantEmail: z.string().nullable(),
  reportId: z.string().nullable(),
  grounds: z.string(),
  status: z.enum(APPEAL_STATUSES),
  expedited: z.boolean().describe('Intimate image abuse: the expedited route (OSA s.21(2A))'),
  channel: z.enum(APPEAL_CHANNELS),
  followUp: z.boolean(),
  outcomeReasons: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
})

export const appealListSchema = z.object({
  appeals: z.array(
    appealSchema.extend({
      slaDeadline: z.date().nullable().describe("The appeal case's deadline under its queue"),
      legalDeadline: z.date().nullable().describe('A deadline set by law, if any'),
    }),
  ),
  total: z.number(),
})

export const appealViewSchema = appealSchema.extend({
  decision: decisionSchema.nullable().describe('The decision under appeal, if any'),
  case: moderationCaseSchema.nullable(),
  notifications: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(NOTIFICATION_KINDS),
      recipientRole: z.enum(RECIPIENT_ROLES),
      status: z.enum(['queued', 'suppressed']),
      subjectLine: z.string(),
      createdAt: z.date(),
    }),
  ),
})

export const appealDecisionSchema = z.object({
  appeal: appealSchema,
  reversal: decisionSchema.nullable().describe('The decision recorded when the appeal reversed'),
})

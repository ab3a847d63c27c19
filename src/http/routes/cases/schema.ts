import { z } from 'zod'
import { CASE_KINDS, CASE_STATUSES, ESCALATIONS } from '../../../core/moderation-case.js'

export const caseParams = z.object({ id: z.uuid({ error: 'a case id is a UUID' }) })

export const mediaParams = caseParams.extend({
  index: z.coerce
    .number({ error: 'a media index is a whole number from 0' })
    .int()
    .min(0)
    .max(99)
    .describe("The media item's position in the subject's media, from 0"),
})

export const caseListQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  queue: z.string().max(60).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  assignee: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('An actor id such as "key:<id>", "me" for the caller, or "none" for unassigned'),
  escalation: z
    .enum([...ESCALATIONS, 'none'])
    .optional()
    .describe('"nearing" or "overdue" as the escalation job marked them, or "none"'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})
export type CaseListQueryInput = z.infer<typeof caseListQuery>

const minutes = z
  .number()
  .int()
  .min(1)
  .max(8 * 60)
  .describe('How long the claim lasts; 30 minutes unless given')

export const claimBody = z.strictObject({ minutes: minutes.optional() }).nullish()

export const assignBody = z.strictObject({
  assignee: z
    .string()
    .min(1)
    .max(200)
    .describe(
      'Who gets the case: a moderator or admin key as "key:<id>", or a console user as "user:<id>"',
    ),
  minutes: minutes.optional(),
})

import { z } from 'zod'
import { APPEAL_KINDS } from '../../../core/appeal.js'

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

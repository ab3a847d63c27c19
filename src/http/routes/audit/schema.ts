import { z } from 'zod'

export const auditEntryQuerySchema = z.strictObject({
  entityType: z.string().trim().min(1).max(60).optional().describe('e.g. decision, appeal, case'),
  entityId: z.string().trim().min(1).max(200).optional(),
  action: z.string().trim().min(1).max(80).optional().describe('e.g. decision.recorded'),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe("The previous page's nextBefore: entries with a smaller id"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const auditEntrySchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actor: z.string().describe("'user:<id>', 'key:<id>', 'bootstrap' or 'system'"),
  actorName: z.string().nullable().describe('The console user’s name, for user:<id>'),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  data: z.record(z.string(), z.unknown()),
  sealed: z.boolean().describe('Chained into the hash chain (sealed shortly after writing)'),
  chainSeq: z.number().nullable(),
})

export const auditEntryPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().nullable().describe('Pass as before for the next, older page'),
})

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  sealed: z.number(),
  unsealed: z.number(),
  headHash: z.string(),
  firstBreak: z
    .object({ chainSeq: z.number(), entryId: z.number().nullable(), problem: z.string() })
    .nullable()
    .describe('The first entry that does not follow from the one before'),
})

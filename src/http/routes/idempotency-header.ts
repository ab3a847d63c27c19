import { z } from 'zod'

export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Retries with the same key and body get the first response; no duplicate is created'),
})

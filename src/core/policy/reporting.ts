import { z } from 'zod'

/** How notices are taken in: rate limits per reporter and per address (fixed windows). */
export const reportingPolicySchema = z.strictObject({
  rateLimit: z
    .strictObject({
      windowMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(60),
      perReporter: z.number().int().min(1).max(100_000).default(30),
      perAddress: z.number().int().min(1).max(100_000).default(60),
    })
    .default({ windowMinutes: 60, perReporter: 30, perAddress: 60 }),
})
export type ReportingPolicy = z.infer<typeof reportingPolicySchema>

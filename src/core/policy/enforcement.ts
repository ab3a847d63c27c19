import { z } from 'zod'

/**
 * What happens to media removed for a harm: it is banked so a re-upload is caught, and copies of
 * a removed intimate image are taken down with it (OSA s.10(3A)).
 */
export const enforcementPolicySchema = z.strictObject({
  reupload: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Name prefix of the local banks Vigil keeps for removed media. */
      bankPrefix: z
        .string()
        .regex(/^[a-z0-9-]{1,40}$/)
        .default('removed'),
    })
    .default({ enabled: true, bankPrefix: 'removed' }),
  copies: z
    .strictObject({
      /**
       * How far back near-identical (PDQ) copies of a removed intimate image are looked for; exact
       * copies (same SHA-256, MD5 or PDQ) are found at any age.
       */
      lookbackDays: z.number().int().min(1).max(3650).default(365),
      /** The most copies taken down with one decision; more are left to review. */
      maxCopies: z.number().int().min(1).max(5000).default(200),
    })
    .default({ lookbackDays: 365, maxCopies: 200 }),
})
export type EnforcementPolicy = z.infer<typeof enforcementPolicySchema>

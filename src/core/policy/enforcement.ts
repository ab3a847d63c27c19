import { z } from 'zod'

/** What happens to media removed for a harm: it is banked so a re-upload is caught. */
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
})
export type EnforcementPolicy = z.infer<typeof enforcementPolicySchema>

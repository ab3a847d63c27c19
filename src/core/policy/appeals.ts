import { z } from 'zod'

/** Appeals and complaints (DSA Art. 20; Ofcom D8–D12; OSA s.21). */
export const appealPolicySchema = z.strictObject({
  /** How long after the decision is made known an appeal is accepted; DSA Art. 20 asks ≥ 6 months. */
  windowDays: z
    .number()
    .int()
    .min(183, 'DSA Art. 20 asks for at least six months (183 days)')
    .max(3650)
    .default(183),
  queue: z.string().min(1).default('appeals'),
  /** Intimate-image reporters' complaints (OSA s.21(2A)) go here. */
  expeditedQueue: z.string().min(1).default('appeals_expedited'),
})
export type AppealPolicy = z.infer<typeof appealPolicySchema>

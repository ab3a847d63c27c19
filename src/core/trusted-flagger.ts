import { z } from 'zod'

/** A trusted flagger designated under DSA Art. 22, or an authority (e.g. a police referral unit). */
export const FLAGGER_KINDS = ['trusted_flagger', 'authority'] as const
export type FlaggerKind = (typeof FLAGGER_KINDS)[number]

export const flaggerInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('The organisation, as its keys will show it'),
  kind: z.enum(FLAGGER_KINDS).default('trusted_flagger'),
  designation: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe(
      "The Digital Services Coordinator's designation reference (DSA Art. 22(2)), or an authority's legal basis",
    ),
  contactEmail: z.email().max(320).optional().describe('Where the service writes to the flagger'),
})
export type FlaggerInput = z.infer<typeof flaggerInputSchema>

export const flaggerPatchSchema = z
  .strictObject({
    enabled: z.boolean().optional().describe('False refuses every key of the flagger at once'),
    designation: z.string().trim().min(1).max(500).nullable().optional(),
    contactEmail: z.email().max(320).nullable().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'give enabled, designation or contactEmail',
  })
export type FlaggerPatch = z.infer<typeof flaggerPatchSchema>

export interface TrustedFlagger {
  id: string
  name: string
  kind: FlaggerKind
  designation: string | null
  contactEmail: string | null
  enabled: boolean
  createdBy: string
  createdAt: Date
}

export const flaggerFiguresQuerySchema = z
  .strictObject({
    from: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('Notices sent at or after this time; default a year before `to`'),
    to: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('Notices sent before this; default now'),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: '`from` must be before `to`',
    path: ['from'],
  })

/** What DSA Art. 22 and transparency reports ask about one flagger's notices in a period. */
export interface FlaggerFigures {
  flaggerId: string
  from: Date
  to: Date
  noticesSent: number
  /** Notices whose case has been decided. */
  decided: number
  /** Decided notices whose decision restricted something (see isRestrictive). */
  upheld: number
  /** upheld / decided; null while nothing is decided. */
  shareUpheld: number | null
  /** Median time from the notice to the decision on its case. */
  medianSecondsToDecision: number | null
}

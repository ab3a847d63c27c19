import { z } from 'zod'

/** Where child sexual abuse is reported: the UK's NCA (OSA s.66) and the US NCMEC CyberTipline. */
export const CSEA_CHANNELS = ['nca', 'ncmec'] as const
export type CseaChannel = (typeof CSEA_CHANNELS)[number]

/**
 * The NCA's priorities (SI 2026/268): P1 imminent risk to a child, reported immediately; P2 as soon
 * as reasonably practicable; P3 without undue delay.
 */
export const CSEA_PRIORITIES = ['P1', 'P2', 'P3'] as const
export type CseaPriority = (typeof CSEA_PRIORITIES)[number]

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional()

/** Who files the reports: the provider as registered with the NCA, and a person to contact. */
const reporterSchema = z.strictObject({
  /** The provider's name as registered with the NCA. */
  providerName: optionalText(200),
  /** The registration the NCA gave the provider; it must register before its first report. */
  ncaRegistrationId: optionalText(100),
  contactName: optionalText(200),
  contactEmail: z.email().max(320).optional(),
  contactPhone: optionalText(40),
})

/**
 * How child sexual abuse reports are drafted and sent (OSA s.66; research/regulation.md §6, §7).
 * The P2 and P3 deadlines are Vigil's defaults, not the law's: the law says "as soon as reasonably
 * practicable" and "without undue delay", and the service sets its own reading here.
 */
export const cseaReportingPolicySchema = z
  .strictObject({
    /** The authorities a decision restricting CSEA content drafts a report for. */
    channels: z.array(z.enum(CSEA_CHANNELS)).max(2).default(['nca']),
    /** The priority of an automatic draft; a reviewer sets P1 when a child is at imminent risk. */
    defaultPriority: z.enum(CSEA_PRIORITIES).default('P2'),
    deadlineHours: z
      .strictObject({
        P2: z.number().int().min(1).max(720).default(24),
        P3: z.number().int().min(1).max(2160).default(72),
      })
      .default({ P2: 24, P3: 72 }),
    /** Whether a report needs a second person: the approver may not be who drafted or decided it. */
    fourEyes: z.boolean().default(true),
    reporter: reporterSchema.default({}),
  })
  .superRefine((policy, ctx) => {
    if (new Set(policy.channels).size !== policy.channels.length) {
      ctx.addIssue({ code: 'custom', path: ['channels'], message: 'names a channel twice' })
    }
    if (policy.deadlineHours.P3 < policy.deadlineHours.P2) {
      ctx.addIssue({
        code: 'custom',
        path: ['deadlineHours', 'P3'],
        message: 'a P3 report cannot be due sooner than a P2 report',
      })
    }
  })
export type CseaReportingPolicy = z.infer<typeof cseaReportingPolicySchema>

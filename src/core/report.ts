import { z } from 'zod'
import { subjectRefSchema } from './subject.js'

export const REPORTER_KINDS = ['user', 'non_user', 'trusted_flagger', 'authority'] as const
export type ReporterKind = (typeof REPORTER_KINDS)[number]

/** How a notice arrived: through the platform's API key or Vigil's public report page. */
export const REPORT_CHANNELS = ['api', 'public_page'] as const
export type ReportChannel = (typeof REPORT_CHANNELS)[number]

/** What the reporter is told once the case is decided (Ofcom D5, DSA Art. 16(5)). */
export const REPORT_OUTCOMES = ['action_taken', 'no_action', 'restored'] as const
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number]

/** `received` until the case is decided, then `decided`. */
export const REPORT_STATUSES = ['received', 'decided'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const INTIMATE_IMAGE_HARM = 'illegal.intimate_image_abuse'

/** True for the intimate-image harm and anything an operator puts below it. */
export function isIntimateImageHarm(harm: string): boolean {
  return harm === INTIMATE_IMAGE_HARM || harm.startsWith(`${INTIMATE_IMAGE_HARM}.`)
}

/**
 * The declarations an intimate-image report makes (OSA s.10(3A), s.20): the content is intimate
 * image content; the reporter is the person shown or acts for them; the report is in good faith.
 */
export const INTIMATE_IMAGE_DECLARATIONS = [
  'intimateImage',
  'personShownOrActingForThem',
  'goodFaith',
] as const
export type IntimateImageDeclaration = (typeof INTIMATE_IMAGE_DECLARATIONS)[number]

export const declarationsSchema = z
  .strictObject({
    intimateImage: z
      .boolean()
      .optional()
      .describe('The content is intimate image content of the person shown'),
    personShownOrActingForThem: z
      .boolean()
      .optional()
      .describe('The reporter is the person shown, or acts on their behalf'),
    goodFaith: z.boolean().optional().describe('The report is made in good faith'),
  })
  .describe('Declarations for an intimate-image report (OSA s.20); all three must be true')
export type Declarations = z.infer<typeof declarationsSchema>

/** The declarations that are not given as true, in the law's order. */
export function missingDeclarations(
  declarations: Declarations | undefined,
): IntimateImageDeclaration[] {
  return INTIMATE_IMAGE_DECLARATIONS.filter((name) => declarations?.[name] !== true)
}

/** A notice with the DSA Art. 16(2) fields. */
export const reportInputSchema = z
  .strictObject({
    subject: subjectRefSchema,
    harm: z.string().min(1).max(120).describe('A harm id from GET /v1/taxonomy'),
    explanation: z
      .string()
      .min(1)
      .max(5000)
      .describe(
        'Why the reporter believes the content is illegal or against the terms (Art. 16(2)(a))',
      ),
    contentUrls: z
      .array(z.url().max(2000))
      .max(20)
      .default([])
      .describe('The exact electronic location(s) of the content (Art. 16(2)(b))'),
    reporter: z.strictObject({
      kind: z.enum(REPORTER_KINDS).default('user'),
      id: z
        .string()
        .max(200)
        .optional()
        .describe("The reporter's account id on the platform, if any; rate limits count per id"),
      name: z.string().max(200).optional(),
      email: z.email().max(320).optional(),
      address: z
        .union([z.ipv4(), z.ipv6()])
        .optional()
        .describe(
          "The end user's IP address, for per-address rate limits; only a keyed pseudonym is stored",
        ),
    }),
    goodFaith: z
      .literal(true, {
        error: 'the reporter must confirm the notice is accurate and made in good faith',
      })
      .describe('Art. 16(2)(d) statement of good faith'),
    followUp: z
      .boolean()
      .optional()
      .describe(
        'False when the reporter does not want follow-up messages (Ofcom D6); default true',
      ),
    declarations: declarationsSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (!isIntimateImageHarm(input.harm)) return
    const missing = missingDeclarations(input.declarations)
    if (missing.length === 0) return
    ctx.addIssue({
      code: 'custom',
      path: ['declarations'],
      message: `an intimate-image report needs every declaration the law lists (OSA s.20); missing or not true: ${missing.join(', ')}`,
      params: { missing },
    })
  })
export type ReportInput = z.infer<typeof reportInputSchema>

export interface Report {
  id: string
  reference: string
  caseId: string
  subjectId: string
  harm: string
  explanation: string
  contentUrls: string[]
  reporterKind: ReporterKind
  reporterId: string | null
  reporterName: string | null
  reporterEmail: string | null
  /** A keyed pseudonym of the client address (HMAC-SHA-256), never the address itself. */
  reporterAddress: string | null
  filedBy: string
  channel: ReportChannel
  /** False when the reporter opted out of follow-up messages (Ofcom D6). */
  followUp: boolean
  /** The registered trusted flagger whose key filed the notice. */
  flaggerId: string | null
  declarations: Declarations | null
  triage: string
  outcome: ReportOutcome | null
  outcomeAt: Date | null
  outcomeDecisionId: string | null
  createdAt: Date
}

/** Who a message to this reporter is addressed to: flaggers and authorities, or a reporter. */
export function recipientRoleOf(kind: ReporterKind): 'reporter' | 'flagger' {
  return kind === 'trusted_flagger' || kind === 'authority' ? 'flagger' : 'reporter'
}

export function reportStatus(report: Pick<Report, 'outcome'>): ReportStatus {
  return report.outcome ? 'decided' : 'received'
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** A short reference a person can read out on the phone: R-XXXX-XXXX, no 0/O/1/I. */
export function newReportReference(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(8)
  const chars = Array.from(bytes, (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length])
  return `R-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}

function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n))
}

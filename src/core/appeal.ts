import { z } from 'zod'
import { decisionInputSchema } from './decision.js'
import { subjectRefSchema } from './subject.js'

/**
 * What an appeal or complaint is about (DSA Art. 20; Ofcom ICU D8–D12; OSA s.21):
 * - `decision`: against a decision, by its author or by someone who reported the content
 *   (e.g. a refusal to remove);
 * - `proactive_technology`: content taken down or restricted by proactive technology (D11);
 * - `duty_breach`, `age_assessment`, `other`: the other complaints of D12 and OSA s.21.
 */
export const APPEAL_KINDS = [
  'decision',
  'proactive_technology',
  'duty_breach',
  'age_assessment',
  'other',
] as const
export type AppealKind = (typeof APPEAL_KINDS)[number]

/** Who appeals: the content's author, a reporter of the case, or anyone else complaining. */
export const APPELLANT_ROLES = ['author', 'reporter', 'user', 'non_user'] as const
export type AppellantRole = (typeof APPELLANT_ROLES)[number]

export const APPEAL_STATUSES = ['open', 'upheld', 'reversed', 'resolved'] as const
export type AppealStatus = (typeof APPEAL_STATUSES)[number]

/** `upheld`/`reversed` settle an appeal against a decision; `resolved` answers a complaint. */
export const APPEAL_OUTCOMES = ['upheld', 'reversed', 'resolved'] as const
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number]

export const APPEAL_CHANNELS = ['api', 'web'] as const
export type AppealChannel = (typeof APPEAL_CHANNELS)[number]

const grounds = z
  .string()
  .trim()
  .min(1, 'say why the decision is wrong or what the complaint is about')
  .max(5000, 'keep the grounds under 5,000 characters')

/** A report the appellant made, proven by its reference and the status token they were given. */
export const reportProofSchema = z.strictObject({
  reference: z.string().trim().min(1).max(40),
  token: z.string().min(1).max(200).optional(),
})

/** An appeal or complaint relayed by the platform for a signed-in user (or filed by an admin). */
export const appealInputSchema = z
  .strictObject({
    kind: z.enum(APPEAL_KINDS).default('decision'),
    decisionId: z.uuid({ error: 'a decision id is a UUID' }).optional(),
    subject: subjectRefSchema
      .optional()
      .describe('For a complaint about content Vigil holds no decision on'),
    appellant: z.strictObject({
      id: z.string().min(1).max(200).optional().describe("The user's account id on the platform"),
      email: z.email().max(320).optional(),
    }),
    report: reportProofSchema
      .optional()
      .describe("The appellant's own report; without a token its reporter id must match"),
    grounds: grounds.describe('Why the decision is wrong, or what the complaint is about'),
    followUp: z.boolean().default(true).describe('False: send no further messages (Ofcom D6)'),
  })
  .refine((input) => input.kind !== 'decision' || input.decisionId !== undefined, {
    message: 'an appeal against a decision names the decision (decisionId)',
    path: ['decisionId'],
  })
  .refine((input) => Boolean(input.appellant.id || input.appellant.email || input.report), {
    message: "give the appellant's account id or email, so the answer can reach them",
    path: ['appellant'],
  })
export type AppealInput = z.infer<typeof appealInputSchema>

export const appealDecisionInputSchema = z.strictObject({
  outcome: z.enum(APPEAL_OUTCOMES),
  reasons: z
    .string()
    .trim()
    .min(1, 'give the reasons, in plain words: they are sent to the appellant')
    .max(5000),
  decision: decisionInputSchema
    .optional()
    .describe(
      'Only to reverse a decision that restricted nothing (a reporter appealed a refusal to act): the new decision to record',
    ),
})
export type AppealDecisionInput = z.infer<typeof appealDecisionInputSchema>

export const appealListQuerySchema = z.strictObject({
  status: z.enum(APPEAL_STATUSES).optional(),
  kind: z.enum(APPEAL_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})
export type AppealListQuery = z.infer<typeof appealListQuerySchema>

export interface Appeal {
  id: string
  /** A short reference a person can quote: A-XXXX-XXXX. */
  reference: string
  kind: AppealKind
  decisionId: string | null
  /** The appeal's own case (kind `appeal`) in the appeals queue. */
  caseId: string | null
  appellantRole: AppellantRole
  appellantId: string | null
  appellantEmail: string | null
  reportId: string | null
  grounds: string
  status: AppealStatus
  /** Intimate image abuse: the expedited route of OSA s.21(2A). */
  expedited: boolean
  channel: AppealChannel
  followUp: boolean
  outcomeReasons: string | null
  decidedBy: string | null
  decidedAt: Date | null
  createdAt: Date
}

const DAY_MS = 86_400_000

/** The last moment an appeal against a decision made at `decidedAt` is accepted. */
export function appealClosesAt(decidedAt: Date, windowDays: number): Date {
  return new Date(decidedAt.getTime() + windowDays * DAY_MS)
}

/** True while the appeal window of a decision is open at `at`. */
export function withinAppealWindow(decidedAt: Date, windowDays: number, at: Date): boolean {
  return at.getTime() <= appealClosesAt(decidedAt, windowDays).getTime()
}

/** The calendar day (UTC, YYYY-MM-DD) an instant falls on, for messages. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10)
}

/** The outcomes that can settle an appeal: a decision is upheld or reversed, a complaint resolved. */
export function allowedOutcomes(appeal: Pick<Appeal, 'decisionId'>): readonly AppealOutcome[] {
  return appeal.decisionId ? ['upheld', 'reversed'] : ['resolved']
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** A reference a person can read out: A-XXXX-XXXX, no 0/O/1/I. */
export function newAppealReference(random: (n: number) => Uint8Array = randomBytes): string {
  const chars = Array.from(
    random(8),
    (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length] as string,
  )
  return `A-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}

export const APPEAL_REFERENCE_PATTERN = /^A-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/

function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n))
}

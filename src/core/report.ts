import { z } from 'zod'
import { subjectRefSchema } from './subject.js'

export const REPORTER_KINDS = ['user', 'non_user', 'trusted_flagger', 'authority'] as const
export type ReporterKind = (typeof REPORTER_KINDS)[number]

/** A notice with the DSA Art. 16(2) fields. */
export const reportInputSchema = z.strictObject({
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
      .describe("The reporter's account id on the platform, if any"),
    name: z.string().max(200).optional(),
    email: z.email().max(320).optional(),
  }),
  goodFaith: z
    .literal(true, {
      error: 'the reporter must confirm the notice is accurate and made in good faith',
    })
    .describe('Art. 16(2)(d) statement of good faith'),
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
  filedBy: string
  createdAt: Date
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

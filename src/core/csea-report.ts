import { z } from 'zod'
import {
  CSEA_CHANNELS,
  CSEA_PRIORITIES,
  type CseaChannel,
  type CseaPriority,
  type CseaReportingPolicy,
} from './policy/csea-reporting.js'

export { CSEA_CHANNELS, CSEA_PRIORITIES, type CseaChannel, type CseaPriority }

// @NOTE A child sexual abuse report to the NCA or NCMEC, as Vigil keeps it: drafted from a case,
// reviewed, approved by a person, sent by the worker. Browser-safe.

export const CSEA_REPORT_STATUSES = ['draft', 'approved', 'sent', 'failed', 'retracted'] as const
export type CseaReportStatus = (typeof CSEA_REPORT_STATUSES)[number]

/** The NCA's reference is kept five years after the report (SI 2026/268). */
export const REFERENCE_RETENTION_YEARS = 5

const HOUR_MS = 3_600_000

/** Facts the platform supplied for the report (account and upload details Vigil does not hold). */
export interface SuppliedDetails {
  account?: SuppliedAccount
  upload?: SuppliedUpload
  exif?: Record<string, string | number | boolean>
}

export interface ChildAbuseReport {
  id: string
  caseId: string
  /** The decision that drafted it, when a decision did. */
  decisionId: string | null
  subjectId: string
  /** The account the content belongs to, for prior reports about the same account. */
  accountId: string | null
  /** The SHA-256 of the content's media, for duplicates and prior reports about the same media. */
  mediaSha256: string[]
  channel: CseaChannel
  priority: CseaPriority
  status: CseaReportStatus
  /** The report as built for its channel (NcaReport for the NCA). */
  payload: Record<string, unknown>
  supplied: SuppliedDetails | null
  dueAt: Date
  /** The NCA's reference, or NCMEC's report id. */
  externalReference: string | null
  /** A report through the other channel about the same case or media. */
  duplicateOf: string | null
  /** Why a flagged duplicate was sent all the same. */
  overrideReason: string | null
  createdBy: string
  createdAt: Date
  approvedBy: string | null
  approvedAt: Date | null
  sentBy: string | null
  sentAt: Date | null
  attempts: number
  lastError: string | null
  /** A failed send the worker will try again by itself. */
  retrying: boolean
  /** When the external reference may be deleted: five years after sending. */
  referenceRetainUntil: Date | null
  updatedAt: Date
}

/** When a report of `priority` made at `createdAt` is due: a P1 at once, P2 and P3 by policy. */
export function dueAtFor(
  priority: CseaPriority,
  createdAt: Date,
  hours: CseaReportingPolicy['deadlineHours'],
): Date {
  if (priority === 'P1') return new Date(createdAt.getTime())
  return new Date(createdAt.getTime() + hours[priority] * HOUR_MS)
}

/** Not sent (nor retracted) and past its due time. */
export function isOverdue(report: Pick<ChildAbuseReport, 'status' | 'dueAt'>, now: Date): boolean {
  return isUnsent(report.status) && report.dueAt.getTime() <= now.getTime()
}

export function isUnsent(status: CseaReportStatus): boolean {
  return status === 'draft' || status === 'approved' || status === 'failed'
}

/** Five years after sending, on the same calendar day (UTC). */
export function referenceRetainUntil(sentAt: Date): Date {
  const until = new Date(sentAt.getTime())
  until.setUTCFullYear(until.getUTCFullYear() + REFERENCE_RETENTION_YEARS)
  return until
}

const IP_MESSAGE = 'an IP address such as 203.0.113.7 or 2001:db8::1'
const ipv4 = z.ipv4()
const ipv6 = z.ipv6()

/** An IPv4 or IPv6 address, written as one. */
export const ipAddressSchema = z
  .string()
  .max(45)
  .refine((value) => ipv4.safeParse(value).success || ipv6.safeParse(value).success, IP_MESSAGE)

export const portSchema = z
  .number({ error: 'a port is a whole number from 1 to 65535' })
  .int('a port is a whole number from 1 to 65535')
  .min(1, 'a port is a whole number from 1 to 65535')
  .max(65535, 'a port is a whole number from 1 to 65535')

const instant = z.iso.datetime({ offset: true, error: 'a time such as 2026-11-22T09:00:00Z' })
const text = (max: number) => z.string().trim().min(1).max(max)

const suppliedAccountSchema = z.strictObject({
  username: text(200).optional(),
  profileUrl: z.url().max(2000).optional(),
  emails: z
    .array(z.strictObject({ address: z.email().max(320), verified: z.boolean().optional() }))
    .max(20)
    .optional(),
  phones: z
    .array(
      z.strictObject({
        number: z
          .string()
          .regex(/^\+?[0-9 ()-]{5,30}$/, 'a telephone number such as +44 20 7946 0000'),
        verified: z.boolean().optional(),
      }),
    )
    .max(20)
    .optional(),
  billing: z
    .strictObject({
      name: text(200).optional(),
      address: text(1000).optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as GB')
        .optional(),
      paymentReference: text(200).optional(),
    })
    .optional()
    .describe('As the platform holds them; no full card numbers'),
  loginIps: z
    .array(
      z.strictObject({ ip: ipAddressSchema, port: portSchema.optional(), at: instant.optional() }),
    )
    .max(100)
    .optional(),
})
export type SuppliedAccount = z.infer<typeof suppliedAccountSchema>

const suppliedUploadSchema = z.strictObject({
  at: instant.optional().describe('When the content was uploaded'),
  ip: ipAddressSchema.optional().describe('The address it was uploaded from'),
  port: portSchema.optional().describe('The source port of the upload'),
})
export type SuppliedUpload = z.infer<typeof suppliedUploadSchema>

/**
 * Account and upload details only the platform holds, attached to a case's unsent drafts. Each
 * section given replaces that section; sections left out are kept.
 */
export const suppliedDetailsSchema = z
  .strictObject({
    account: suppliedAccountSchema.optional(),
    upload: suppliedUploadSchema.optional(),
    exif: z
      .record(z.string().min(1).max(100), z.union([z.string().max(2000), z.number(), z.boolean()]))
      .refine((exif) => Object.keys(exif).length <= 200, 'at most 200 EXIF fields')
      .optional()
      .describe('The EXIF fields of the original file, by tag name'),
  })
  .refine((d) => d.account || d.upload || d.exif, 'give at least one of account, upload, exif')

/** Sections given replace the held ones. */
export function mergeSupplied(
  held: SuppliedDetails | null,
  given: SuppliedDetails,
): SuppliedDetails {
  return { ...(held ?? {}), ...given }
}

const overrideSchema = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(10, 'say in a sentence why the report must go to the NCA as well')
      .max(1000),
  })
  .describe('Send an NCA report that duplicates an NCMEC report, with the reason')

export const cseaDraftInputSchema = z.strictObject({
  caseId: z.uuid({ error: 'a case id is a UUID' }),
  channel: z.enum(CSEA_CHANNELS),
  priority: z
    .enum(CSEA_PRIORITIES)
    .optional()
    .describe("P1 when a child is at imminent risk; the policy's default otherwise"),
})

export const cseaApproveInputSchema = z.strictObject({
  declaration: z
    .strictObject({
      truthful: z.literal(true, {
        error:
          'the approver declares the report true (giving false information is an offence, OSA s.69)',
      }),
    })
    .describe('The declaration of Schedule 1, made by the approver'),
  priority: z.enum(CSEA_PRIORITIES).optional().describe('Set P1 when a child is at imminent risk'),
  duplicateOverride: overrideSchema.optional(),
})
export type CseaApproveInput = z.infer<typeof cseaApproveInputSchema>

export const cseaSendInputSchema = z.strictObject({ duplicateOverride: overrideSchema.optional() })

export const cseaListQuerySchema = z.strictObject({
  status: z.enum(CSEA_REPORT_STATUSES).optional(),
  channel: z.enum(CSEA_CHANNELS).optional(),
  caseId: z.uuid().optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only unsent reports past their due time; false or absent: all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})
export type CseaListQuery = z.infer<typeof cseaListQuerySchema>

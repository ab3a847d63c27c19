import { z } from 'zod'
import { ipAddressSchema, portSchema } from './csea-report.js'
import { CSEA_CHANNELS, CSEA_PRIORITIES } from './policy/csea-reporting.js'
import { SIGNAL_SOURCES } from './signal.js'
import { SUBJECT_KINDS, SURFACES } from './subject.js'

// @NOTE The report to the NCA under OSA s.66 with the Schedule 1 information "where available"
// (SI 2026/268; research/regulation.md §6). What Vigil does not have is null (or an empty list
// where a list is asked for), never guessed, and `missingScheduleOneItems` names it for the
// reviewer. The NCA's own API contract is not public: this is Vigil's JSON form of Schedule 1,
// sent as it is by the HTTP transport (docs/csea-reporting.md). Browser-safe.

export const NCA_REPORT_FORMAT = 'vigil.nca-report.v1'

/** What the approver declares (Schedule 1); giving false information is an offence (OSA s.69). */
export const NCA_DECLARATION_TEXT =
  'I declare that the information in this report is true to the best of my knowledge and belief. ' +
  'I understand that knowingly or recklessly giving false information in a report to the NCA is ' +
  'an offence under section 69 of the Online Safety Act 2023.'

/** How the content came to light: a detection signal's source, or a person's review. */
export const DETECTION_METHODS = [...SIGNAL_SOURCES, 'moderator'] as const
export type DetectionMethod = (typeof DETECTION_METHODS)[number]

const instant = z.iso.datetime({ offset: true })
const maybe = z.string().nullable()

const reporterSchema = z.strictObject({
  providerName: maybe,
  ncaRegistrationId: maybe,
  contact: z.strictObject({ name: maybe, email: maybe, phone: maybe }),
})

const detectionSchema = z.strictObject({
  method: z.enum(DETECTION_METHODS),
  harm: z.string(),
  detail: z.string(),
  at: instant,
})
export type NcaDetection = z.infer<typeof detectionSchema>

const contentSchema = z.strictObject({
  harm: z.string().describe('The harm id, e.g. illegal.csea.image_csam'),
  harmLabel: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  text: maybe.describe('The text of the content, when it has text (e.g. grooming messages)'),
  offence: maybe,
  description: maybe.describe("The moderator's statement of what the content is"),
  decision: z
    .strictObject({
      id: z.string(),
      at: instant,
      actions: z.array(z.string()),
      automated: z.boolean(),
    })
    .nullable(),
  detectedBy: z.array(detectionSchema),
})

const platformSchema = z.strictObject({
  service: maybe,
  surface: z.enum(SURFACES).describe('public, private (direct messages) or group'),
  contentId: z.string().describe("The platform's own id for the content"),
  contentUrl: maybe,
})

const priorReportSchema = z.strictObject({
  channel: z.enum(CSEA_CHANNELS),
  reference: z.string(),
  sentAt: instant,
  about: z.enum(['account', 'content']),
})
export type NcaPriorReport = z.infer<typeof priorReportSchema>

const uploadSchema = z.strictObject({
  at: instant.nullable(),
  ip: ipAddressSchema.nullable(),
  port: portSchema.nullable(),
  firstSeenByVigilAt: instant.describe('When Vigil first saw the content; not the upload time'),
})

const mediaSchema = z.strictObject({
  url: maybe.describe('Where the original was fetched from; null when it was sent inline'),
  sha256: z.string(),
  md5: maybe,
  pdq: maybe,
  mimeType: maybe,
  bytes: z.number().int(),
})

const accountSchema = z.strictObject({
  id: maybe,
  username: maybe,
  profileUrl: maybe,
  emails: z.array(z.strictObject({ address: z.string(), verified: z.boolean().nullable() })),
  phones: z.array(z.strictObject({ number: z.string(), verified: z.boolean().nullable() })),
  billing: z
    .strictObject({ name: maybe, address: maybe, country: maybe, paymentReference: maybe })
    .nullable(),
  loginIps: z.array(
    z.strictObject({ ip: ipAddressSchema, port: portSchema.nullable(), at: instant.nullable() }),
  ),
})

const declarationSchema = z.strictObject({
  text: z.string(),
  truthful: z.literal(true),
  by: z.string().describe('Who approved the report'),
  byName: z.string(),
  at: instant,
})
export type NcaDeclaration = z.infer<typeof declarationSchema>

export const ncaReportSchema = z.strictObject({
  format: z.literal(NCA_REPORT_FORMAT),
  id: z.string().describe("Vigil's id for the report; the same on every retry"),
  caseId: z.string(),
  priority: z.enum(CSEA_PRIORITIES),
  createdAt: instant,
  dueAt: instant,
  reporter: reporterSchema,
  content: contentSchema,
  platform: platformSchema,
  priorReports: z.array(priorReportSchema),
  upload: uploadSchema,
  exif: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
  media: z.array(mediaSchema),
  account: accountSchema,
  declaration: declarationSchema.nullable(),
})
export type NcaReport = z.infer<typeof ncaReportSchema>

/** A Schedule 1 item the report lacks, by its path in the report. */
export interface MissingItem {
  path: string
  label: string
}

type Check = [path: string, label: string, missing: (r: NcaReport) => boolean]

const CHECKS: readonly Check[] = [
  [
    'reporter.providerName',
    "the provider's name (policy cseaReporting.reporter.providerName)",
    (r) => r.reporter.providerName === null,
  ],
  [
    'reporter.ncaRegistrationId',
    "the provider's NCA registration (policy cseaReporting.reporter.ncaRegistrationId)",
    (r) => r.reporter.ncaRegistrationId === null,
  ],
  [
    'reporter.contact',
    'a contact at the provider (policy cseaReporting.reporter.contact*)',
    (r) => Object.values(r.reporter.contact).every((v) => v === null),
  ],
  ['platform.contentUrl', 'the URL of the content', (r) => r.platform.contentUrl === null],
  ['upload.at', 'the upload time', (r) => r.upload.at === null],
  ['upload.ip', 'the IP address of the upload', (r) => r.upload.ip === null],
  ['upload.port', 'the port of the upload', (r) => r.upload.port === null],
  ['exif', 'EXIF data', (r) => r.media.length > 0 && r.exif === null],
  ['media.url', 'the URL of the original file', (r) => r.media.some((m) => m.url === null)],
  ['account.id', "the account's id", (r) => r.account.id === null],
  ['account.username', "the account's username", (r) => r.account.username === null],
  ['account.emails', "the account's email addresses", (r) => r.account.emails.length === 0],
  ['account.phones', "the account's phone numbers", (r) => r.account.phones.length === 0],
  ['account.billing', "the account's billing details", (r) => r.account.billing === null],
  ['account.profileUrl', "the account's profile URL", (r) => r.account.profileUrl === null],
  ['account.loginIps', "the account's login IP addresses", (r) => r.account.loginIps.length === 0],
  ['declaration', 'the declaration (made by the approver)', (r) => r.declaration === null],
]

/**
 * The Schedule 1 items the report does not have, to show as "not available" in the review. EXIF
 * and the original's URL are asked only of content with media.
 */
export function missingScheduleOneItems(report: NcaReport): MissingItem[] {
  return CHECKS.filter(([, , missing]) => missing(report)).map(([path, label]) => ({ path, label }))
}

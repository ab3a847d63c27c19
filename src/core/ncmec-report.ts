import { z } from 'zod'

// @NOTE The contract: NCMEC's CyberTipline Reporting API documentation
// (https://report.cybertip.org/ispws/documentation) and its XSD (GET /xsd, behind credentials),
// as summarised in shared research/regulation.md §7 and as modelled by the XSD-generated types
// of github.com/Boostport/ncmec-go (cybertipline/types.go at c9dee9b). This is the subset Vigil
// fills; element names below are NCMEC's, and services/ncmec/report-xml.ts writes them in the
// XSD's sequence order.

export const NCMEC_PRODUCTION_URL = 'https://report.cybertip.org/ispws'
export const NCMEC_TEST_URL = 'https://exttest.cybertip.org/ispws'

/** `incidentType`: NCMEC's exact list. */
export const NCMEC_INCIDENT_TYPES = [
  'Child Pornography (possession, manufacture, and distribution)',
  'Child Sex Trafficking',
  'Child Sex Tourism',
  'Child Sexual Molestation',
  'Misleading Domain Name',
  'Misleading Words or Digital Images on the Internet',
  'Online Enticement of Children for Sexual Acts',
  'Unsolicited Obscene Material Sent to a Child',
] as const
export type NcmecIncidentType = (typeof NCMEC_INCIDENT_TYPES)[number]

/** `reportAnnotations` children, in the XSD's order; each is an empty element when true. */
export const NCMEC_REPORT_ANNOTATIONS = [
  'sextortion',
  'csamSolicitation',
  'minorToMinorInteraction',
  'spam',
  'sadisticOnlineExploitation',
] as const

/** `fileAnnotations` children, in the XSD's order; each is an empty element when true. */
export const NCMEC_FILE_ANNOTATIONS = [
  'animeDrawingVirtualHentai',
  'potentialMeme',
  'viral',
  'possibleSelfProduction',
  'physicalHarm',
  'violenceGore',
  'bestiality',
  'liveStreaming',
  'infant',
  'generativeAi',
] as const

/** The industry classification scale (A/B: prepubescent/pubescent; 1/2: sex act/lascivious). */
export const NCMEC_INDUSTRY_CLASSIFICATIONS = ['A1', 'A2', 'B1', 'B2'] as const

export const NCMEC_IP_EVENTS = [
  'Login',
  'Registration',
  'Purchase',
  'Upload',
  'Other',
  'Unknown',
] as const

/** XML 1.0 allows no control characters but tab, line feed and carriage return. */
function xmlSafe(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) {
      return false
    }
  }
  return true
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(xmlSafe, 'must not contain control characters (XML cannot carry them)')
const dateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time with offset')
const url = z.url({ protocol: /^https?$/ }).max(2083)

function flags<const T extends readonly string[]>(names: T) {
  const shape = Object.fromEntries(names.map((name) => [name, z.boolean().optional()]))
  return z.strictObject(shape as Record<T[number], z.ZodOptional<z.ZodBoolean>>)
}

export const ncmecIpCaptureEventSchema = z.strictObject({
  ipAddress: z.union([z.ipv4(), z.ipv6()]),
  eventName: z.enum(NCMEC_IP_EVENTS).optional(),
  dateTime: dateTime.optional(),
  possibleProxy: z.boolean().optional(),
  port: z.number().int().min(1).max(65_535).optional(),
})
export type NcmecIpCaptureEvent = z.infer<typeof ncmecIpCaptureEventSchema>

export const ncmecPersonSchema = z.strictObject({
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  email: z.array(z.email().max(255)).max(20).optional(),
})
export type NcmecPerson = z.infer<typeof ncmecPersonSchema>

const accountDisabledFields = {
  disabled: z.boolean(),
  disabledDate: dateTime.optional(),
  userNotified: z.boolean().optional(),
  userNotifiedDate: dateTime.optional(),
}

export const ncmecIncidentSummarySchema = z.strictObject({
  incidentType: z.enum(NCMEC_INCIDENT_TYPES),
  platform: text(256).optional(),
  /** Text only when the report should be escalated: the reason (immediate risk to a child). */
  escalateToHighPriority: text(3000).optional(),
  reportAnnotations: flags(NCMEC_REPORT_ANNOTATIONS).optional(),
  incidentDateTime: dateTime,
  incidentDateTimeDescription: text(3000).optional(),
})

export const ncmecWebPageIncidentSchema = z.strictObject({
  url: z.array(url).max(100).optional(),
  additionalInfo: text(3000).optional(),
})

export const ncmecChatImIncidentSchema = z.strictObject({
  chatClient: text(255).optional(),
  chatRoomName: text(255).optional(),
  content: text(50_000).optional(),
  additionalInfo: text(3000).optional(),
})

/** One `internetDetails` record: exactly one kind of incident. */
export const ncmecInternetDetailsSchema = z.union([
  z.strictObject({ webPageIncident: ncmecWebPageIncidentSchema }),
  z.strictObject({ chatImIncident: ncmecChatImIncidentSchema }),
])
export type NcmecInternetDetails = z.infer<typeof ncmecInternetDetailsSchema>

export const ncmecReporterSchema = z.strictObject({
  reportingPerson: ncmecPersonSchema.optional(),
  contactPerson: ncmecPersonSchema.optional(),
  /** Text NCMEC puts in every report from this company: how to serve legal process, etc. */
  companyTemplate: text(10_000).optional(),
  termsOfService: text(10_000).optional(),
  legalURL: url.optional(),
})

export const ncmecPersonOrUserReportedSchema = z.strictObject({
  personOrUserReportedPerson: ncmecPersonSchema.optional(),
  espIdentifier: text(255).optional(),
  espService: text(100).optional(),
  screenName: text(256).optional(),
  displayName: z.array(text(256)).max(20).optional(),
  profileUrl: z.array(url).max(20).optional(),
  profileBio: text(10_000).optional(),
  ipCaptureEvent: z.array(ncmecIpCaptureEventSchema).max(100).optional(),
  /** Report ids of earlier CyberTipline reports about this user. */
  priorCTReports: z
    .array(z.string().regex(/^\d{1,18}$/))
    .max(100)
    .optional(),
  accountTemporarilyDisabled: z
    .strictObject({ ...accountDisabledFields, reenabledDate: dateTime.optional() })
    .optional(),
  accountPermanentlyDisabled: z.strictObject(accountDisabledFields).optional(),
  additionalInfo: text(10_000).optional(),
})

/** The `<report>` Vigil fills. Only the incident type and its date and time are mandatory. */
export const ncmecReportSchema = z.strictObject({
  incidentSummary: ncmecIncidentSummarySchema,
  internetDetails: z.array(ncmecInternetDetailsSchema).max(20).optional(),
  reporter: ncmecReporterSchema.optional(),
  personOrUserReported: ncmecPersonOrUserReportedSchema.optional(),
  additionalInfo: text(10_000).optional(),
})
export type NcmecReport = z.infer<typeof ncmecReportSchema>

export const ncmecFileHashSchema = z.strictObject({
  hashType: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a hash name such as MD5 or SHA256'),
  value: z.string().regex(/^[A-Za-z0-9+/=_-]{1,512}$/, 'a hex or base64 digest'),
})

/** A file's `<fileDetails>`, without the report and file ids the flow fills in. */
export const ncmecFileDetailsSchema = z.strictObject({
  originalFileName: text(2056).optional(),
  uploadedToEspTimestamp: dateTime.optional(),
  locationOfFile: url.optional(),
  fileViewedByEsp: z.boolean().optional(),
  exifViewedByEsp: z.boolean().optional(),
  publiclyAvailable: z.boolean().optional(),
  fileAnnotations: flags(NCMEC_FILE_ANNOTATIONS).optional(),
  /** Only for companies that signed the Industry Hash Sharing MOU. */
  industryClassification: z.enum(NCMEC_INDUSTRY_CLASSIFICATIONS).optional(),
  originalFileHash: z.array(ncmecFileHashSchema).max(10).optional(),
  ipCaptureEvent: ncmecIpCaptureEventSchema.optional(),
  additionalInfo: z.array(text(10_000)).max(20).optional(),
})
export type NcmecFileDetails = z.infer<typeof ncmecFileDetailsSchema>

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Why `value` cannot be the API's base URL, or undefined when it can. Credentials travel in
 * every request, so plain http is accepted only for a loopback test server.
 */
export function ncmecEndpointProblem(value: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    return `is not a URL; use ${NCMEC_PRODUCTION_URL} or ${NCMEC_TEST_URL}`
  }
  if (parsed.username || parsed.password) return 'must not carry credentials'
  if (parsed.search || parsed.hash) return 'must not have a query or fragment'
  if (parsed.protocol === 'https:') return undefined
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return undefined
  return 'must be an https:// URL (http:// only for a loopback test server)'
}

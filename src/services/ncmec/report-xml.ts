import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import { z } from 'zod'
import {
  NCMEC_FILE_ANNOTATIONS,
  NCMEC_REPORT_ANNOTATIONS,
  type NcmecFileDetails,
  type NcmecInternetDetails,
  type NcmecIpCaptureEvent,
  type NcmecPerson,
  type NcmecReport,
} from '../../core/ncmec-report.js'

// @NOTE The contract is NCMEC's CyberTipline Reporting API documentation
// (https://report.cybertip.org/ispws/documentation) and its XSD: children of each element are
// an xsd:sequence, so they must appear in the XSD's order; NCMEC answers an out-of-order
// document with responseCode 4100. The orders below follow the XSD as generated into
// github.com/Boostport/ncmec-go cybertipline/types.go (c9dee9b). Objects are built with their
// keys in that order and absent values left out; XMLBuilder keeps key order and escapes text.

type XmlNode = string | XmlElement | XmlNode[] | undefined
interface XmlElement {
  [name: string]: XmlNode
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
})

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/** The `<report>` document POSTed to `/submit`. */
export function buildReportXml(report: NcmecReport): string {
  return document({ report: reportElement(report) })
}

/** The `<fileDetails>` document POSTed to `/fileinfo` for an uploaded file. */
export function buildFileDetailsXml(
  reportId: string,
  fileId: string,
  details: NcmecFileDetails,
): string {
  return document({
    fileDetails: {
      reportId,
      fileId,
      originalFileName: details.originalFileName,
      uploadedToEspTimestamp: details.uploadedToEspTimestamp,
      locationOfFile: details.locationOfFile,
      fileViewedByEsp: bool(details.fileViewedByEsp),
      exifViewedByEsp: bool(details.exifViewedByEsp),
      publiclyAvailable: bool(details.publiclyAvailable),
      fileAnnotations: presenceFlags(NCMEC_FILE_ANNOTATIONS, details.fileAnnotations),
      industryClassification: details.industryClassification,
      originalFileHash: details.originalFileHash?.map((hash) => ({
        '#text': hash.value,
        '@_hashType': hash.hashType,
      })),
      ipCaptureEvent: details.ipCaptureEvent && ipCaptureEvent(details.ipCaptureEvent),
      additionalInfo: details.additionalInfo,
    },
  })
}

/** An answer of the API: `<reportResponse>`, or `<reportDoneResponse>` from `/finish`. */
export interface NcmecResponse {
  root: 'reportResponse' | 'reportDoneResponse'
  /** 0 is success; anything else is an error code defined by the documentation. */
  responseCode: number
  responseDescription: string | undefined
  reportId: string | undefined
  /** `/upload`: the new file's id and the MD5 of the bytes NCMEC received. */
  fileId: string | undefined
  hash: string | undefined
  /** `/finish`: the files of the finished report. */
  fileIds: string[]
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (_name, jpath) => String(jpath) === 'reportDoneResponse.files.fileId',
})

const field = z.string().optional()
const responseSchema = z.object({
  responseCode: z.string().regex(/^-?\d{1,9}$/),
  responseDescription: field,
  reportId: field,
  fileId: field,
  hash: field,
  files: z.union([z.object({ fileId: z.array(z.string()).optional() }), z.literal('')]).optional(),
})

/** Reads an answer; undefined when `xml` is not one (not XML, another root, no responseCode). */
export function parseNcmecResponse(xml: string): NcmecResponse | undefined {
  let parsed: Record<string, unknown>
  try {
    parsed = parser.parse(xml)
  } catch {
    return undefined
  }
  const root = 'reportDoneResponse' in parsed ? 'reportDoneResponse' : 'reportResponse'
  const body = responseSchema.safeParse(parsed[root])
  if (!body.success) return undefined
  const { responseCode, responseDescription, reportId, fileId, hash, files } = body.data
  return {
    root,
    responseCode: Number(responseCode),
    responseDescription: responseDescription || undefined,
    reportId: reportId || undefined,
    fileId: fileId || undefined,
    hash: hash || undefined,
    fileIds: typeof files === 'object' ? (files.fileId ?? []) : [],
  }
}

function document(root: XmlElement): string {
  return `${DECLARATION}${builder.build(prune(root) ?? {})}`
}

/** Drops absent values, empty lists and elements left with nothing in them. */
function prune(node: XmlNode): XmlNode {
  if (node === undefined || typeof node === 'string') return node
  if (Array.isArray(node)) {
    const items = node.map(prune).filter((item) => item !== undefined)
    return items.length > 0 ? items : undefined
  }
  const entries = Object.entries(node)
    .map(([name, child]) => [name, prune(child)] as const)
    .filter(([, child]) => child !== undefined)
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

function reportElement(report: NcmecReport): XmlElement {
  const { incidentSummary: summary, reporter, personOrUserReported: user } = report
  return {
    incidentSummary: {
      incidentType: summary.incidentType,
      platform: summary.platform,
      escalateToHighPriority: summary.escalateToHighPriority,
      reportAnnotations: presenceFlags(NCMEC_REPORT_ANNOTATIONS, summary.reportAnnotations),
      incidentDateTime: summary.incidentDateTime,
      incidentDateTimeDescription: summary.incidentDateTimeDescription,
    },
    internetDetails: report.internetDetails?.map(internetDetails),
    reporter: reporter && {
      reportingPerson: reporter.reportingPerson && person(reporter.reportingPerson),
      contactPerson: reporter.contactPerson && person(reporter.contactPerson),
      companyTemplate: reporter.companyTemplate,
      termsOfService: reporter.termsOfService,
      legalURL: reporter.legalURL,
    },
    personOrUserReported: user && personOrUserReported(user),
    additionalInfo: report.additionalInfo,
  }
}

function internetDetails(details: NcmecInternetDetails): XmlElement {
  if ('webPageIncident' in details) {
    const page = details.webPageIncident
    return { webPageIncident: { url: page.url, additionalInfo: page.additionalInfo } }
  }
  const chat = details.chatImIncident
  return {
    chatImIncident: {
      chatClient: chat.chatClient,
      chatRoomName: chat.chatRoomName,
      content: chat.content,
      additionalInfo: chat.additionalInfo,
    },
  }
}

function personOrUserReported(user: NonNullable<NcmecReport['personOrUserReported']>): XmlElement {
  const temporarily = user.accountTemporarilyDisabled
  const permanently = user.accountPermanentlyDisabled
  return {
    personOrUserReportedPerson:
      user.personOrUserReportedPerson && person(user.personOrUserReportedPerson),
    espIdentifier: user.espIdentifier,
    espService: user.espService,
    screenName: user.screenName,
    displayName: user.displayName,
    profileUrl: user.profileUrl,
    profileBio: user.profileBio,
    ipCaptureEvent: user.ipCaptureEvent?.map(ipCaptureEvent),
    priorCTReports: user.priorCTReports,
    accountTemporarilyDisabled: temporarily && {
      '#text': String(temporarily.disabled),
      '@_disabledDate': temporarily.disabledDate,
      '@_userNotified': bool(temporarily.userNotified),
      '@_userNotifiedDate': temporarily.userNotifiedDate,
      '@_reenabledDate': temporarily.reenabledDate,
    },
    accountPermanentlyDisabled: permanently && {
      '#text': String(permanently.disabled),
      '@_disabledDate': permanently.disabledDate,
      '@_userNotified': bool(permanently.userNotified),
      '@_userNotifiedDate': permanently.userNotifiedDate,
    },
    additionalInfo: user.additionalInfo,
  }
}

/** A person: firstName, lastName, phone, email, address, age, dateOfBirth (Vigil fills three). */
function person(value: NcmecPerson): XmlElement {
  return { firstName: value.firstName, lastName: value.lastName, email: value.email }
}

function ipCaptureEvent(event: NcmecIpCaptureEvent): XmlElement {
  return {
    ipAddress: event.ipAddress,
    eventName: event.eventName,
    dateTime: event.dateTime,
    possibleProxy: bool(event.possibleProxy),
    port: event.port === undefined ? undefined : String(event.port),
  }
}

/** Annotations are empty elements, present when true; none true means no wrapper at all. */
function presenceFlags(
  names: readonly string[],
  values: Partial<Record<string, boolean | undefined>> | undefined,
): XmlElement | undefined {
  const present = names.filter((name) => values?.[name] === true)
  if (present.length === 0) return undefined
  return Object.fromEntries(present.map((name) => [name, '']))
}

function bool(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value)
}

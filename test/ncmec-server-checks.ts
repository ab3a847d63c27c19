import { XMLParser, XMLValidator } from 'fast-xml-parser'

// @NOTE What test/ncmec-server.ts checks of a <report> and a <fileDetails>, written from NCMEC's
// documentation (research/regulation.md §7) and the XSD's sequences as generated into
// github.com/Boostport/ncmec-go cybertipline/types.go; typed here again rather than imported, so
// the client's own lists are checked against an independent copy.

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string }

const INCIDENT_TYPES = new Set([
  'Child Pornography (possession, manufacture, and distribution)',
  'Child Sex Trafficking',
  'Child Sex Tourism',
  'Child Sexual Molestation',
  'Misleading Domain Name',
  'Misleading Words or Digital Images on the Internet',
  'Online Enticement of Children for Sexual Acts',
  'Unsolicited Obscene Material Sent to a Child',
])

/** xsd:sequence orders of the elements checked, by element name. */
const SEQUENCES: Record<string, string[]> = {
  report: [
    'batchedReport',
    'incidentSummary',
    'internetDetails',
    'lawEnforcement',
    'reporter',
    'personOrUserReported',
    'intendedRecipient',
    'victim',
    'additionalInfo',
  ],
  incidentSummary: [
    'incidentType',
    'platform',
    'escalateToHighPriority',
    'reportAnnotations',
    'incidentDateTime',
    'incidentDateTimeDescription',
  ],
  reporter: ['reportingPerson', 'contactPerson', 'companyTemplate', 'termsOfService', 'legalURL'],
  personOrUserReported: [
    'personOrUserReportedPerson',
    'vehicleDescription',
    'espIdentifier',
    'espService',
    'compromisedAccount',
    'screenName',
    'displayName',
    'profileUrl',
    'profileBio',
    'ipCaptureEvent',
    'deviceId',
    'thirdPartyUserReported',
    'priorCTReports',
    'groupIdentifier',
    'accountTemporarilyDisabled',
    'accountPermanentlyDisabled',
    'estimatedLocation',
    'allEmailsReported',
    'associatedAccount',
    'additionalInfo',
  ],
  fileDetails: [
    'reportId',
    'fileId',
    'fileName',
    'originalFileName',
    'uploadedToEspTimestamp',
    'locationOfFile',
    'fileViewedByEsp',
    'exifViewedByEsp',
    'publiclyAvailable',
    'fileRelevance',
    'fileAnnotations',
    'industryClassification',
    'originalFileHash',
    'ipCaptureEvent',
    'deviceId',
    'details',
    'additionalInfo',
  ],
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> }

const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  parseTagValue: false,
})

/** A <report> as /submit accepts it: incident type from the list, a date and time, XSD order. */
export function checkReport(xml: string): Checked<null> {
  const root = rootOf(xml, 'report')
  if (!root.ok) return root
  const summary = children(root.value).find((node) => 'incidentSummary' in node)
  if (!summary) return { ok: false, problem: 'incidentSummary is required' }
  const type = textOf(summary, 'incidentType')
  if (type === undefined || !INCIDENT_TYPES.has(type)) {
    return { ok: false, problem: `incidentType "${type ?? ''}" is not one of the listed types` }
  }
  const when = textOf(summary, 'incidentDateTime')
  if (when === undefined || Number.isNaN(Date.parse(when))) {
    return { ok: false, problem: 'incidentDateTime is required and must be an xsd:dateTime' }
  }
  const order = orderProblem(root.value)
  return order ? { ok: false, problem: order } : { ok: true, value: null }
}

/** A <fileDetails> as /fileinfo accepts it: reportId and fileId, XSD order. */
export function checkFileDetails(xml: string): Checked<{ reportId: string; fileId: string }> {
  const root = rootOf(xml, 'fileDetails')
  if (!root.ok) return root
  const reportId = textOf(root.value, 'reportId')
  const fileId = textOf(root.value, 'fileId')
  if (!reportId || !fileId) return { ok: false, problem: 'reportId and fileId are required' }
  const order = orderProblem(root.value)
  return order ? { ok: false, problem: order } : { ok: true, value: { reportId, fileId } }
}

function rootOf(xml: string, name: string): Checked<OrderedNode> {
  if (XMLValidator.validate(xml) !== true) return { ok: false, problem: 'XML is not well-formed' }
  const nodes = (ordered.parse(xml) as OrderedNode[]).filter((node) => !('?xml' in node))
  const root = nodes[0]
  if (nodes.length !== 1 || !root || !(name in root)) {
    return { ok: false, problem: `the root element must be <${name}>` }
  }
  return { ok: true, value: root }
}

function children(node: OrderedNode): OrderedNode[] {
  const name = Object.keys(node).find((key) => key !== ':@')
  const value = name === undefined ? undefined : node[name]
  return Array.isArray(value) ? (value as OrderedNode[]) : []
}

function textOf(parent: OrderedNode, name: string): string | undefined {
  const child = children(parent).find((node) => name in node)
  const text = child ? children(child).find((node) => '#text' in node) : undefined
  return text ? String(text['#text']) : undefined
}

/** The first element, depth first, whose children break their xsd:sequence order. */
function orderProblem(node: OrderedNode): string | undefined {
  const name = Object.keys(node).find((key) => key !== ':@') ?? ''
  const sequence = SEQUENCES[name]
  const kids = children(node).filter((kid) => !('#text' in kid))
  if (sequence) {
    const positions = kids.map((kid) => sequence.indexOf(Object.keys(kid)[0] ?? ''))
    const unknown = positions.indexOf(-1)
    if (unknown >= 0) return `<${Object.keys(kids[unknown] ?? {})[0]}> is not allowed in <${name}>`
    const wrong = positions.findIndex((position, i) => i > 0 && position < (positions[i - 1] ?? 0))
    if (wrong >= 0) return `<${Object.keys(kids[wrong] ?? {})[0]}> is out of order in <${name}>`
  }
  for (const kid of kids) {
    const problem = orderProblem(kid)
    if (problem) return problem
  }
  return undefined
}

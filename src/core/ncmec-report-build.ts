import type { NcaReportFacts } from './nca-report-build.js'
import type {
  NcmecFileDetails,
  NcmecIncidentType,
  NcmecInternetDetails,
  NcmecIpCaptureEvent,
  NcmecReport,
} from './ncmec-report.js'
import { accountOf } from './subject.js'

// @NOTE A CyberTipline report drafted from a case (research/regulation.md §7), in the model of
// core/ncmec-report.ts. Only what Vigil holds or the platform supplied goes in; the incident time
// is the upload time when the platform gave it, else when Vigil first saw the content, and the
// description says which. Browser-safe.

export const NCMEC_DRAFT_FORMAT = 'vigil.ncmec-report.v1'

/** One media file of the content: its details; its bytes come from preserved evidence. */
export interface NcmecDraftFile {
  mediaIndex: number
  sha256: string
  fileName: string
  details: NcmecFileDetails
}

export interface NcmecDraft {
  format: typeof NCMEC_DRAFT_FORMAT
  report: NcmecReport
  files: NcmecDraftFile[]
}

const GROOMING = 'illegal.csea.grooming'

export function buildNcmecDraft(facts: Omit<NcaReportFacts, 'declaration'>): NcmecDraft {
  const { subject, supplied } = facts
  const uploadAt = supplied?.upload?.at
  const incidentAt = new Date(uploadAt ?? subject.createdAt).toISOString()
  const report: NcmecReport = {
    incidentSummary: {
      incidentType: incidentTypeOf(facts.harm.id),
      ...(facts.reporter.providerName ? { platform: facts.reporter.providerName } : {}),
      ...(facts.priority === 'P1'
        ? { escalateToHighPriority: 'A child may be at imminent risk (priority P1).' }
        : {}),
      incidentDateTime: incidentAt,
      incidentDateTimeDescription: uploadAt
        ? 'When the content was uploaded, as the platform recorded it.'
        : 'When the trust and safety system first saw the content; the upload time was not supplied.',
    },
    ...internetDetailsOf(facts),
    ...(facts.reporter.contactEmail
      ? { reporter: { contactPerson: { email: [facts.reporter.contactEmail] } } }
      : {}),
    personOrUserReported: personOf(facts),
    ...(facts.decision ? { additionalInfo: xmlText(facts.decision.statement, 10_000) } : {}),
  }
  return { format: NCMEC_DRAFT_FORMAT, report, files: filesOf(facts) }
}

function incidentTypeOf(harm: string): NcmecIncidentType {
  return harm === GROOMING || harm.startsWith(`${GROOMING}.`)
    ? 'Online Enticement of Children for Sexual Acts'
    : 'Child Pornography (possession, manufacture, and distribution)'
}

function internetDetailsOf(facts: Omit<NcaReportFacts, 'declaration'>): {
  internetDetails?: NcmecInternetDetails[]
} {
  const { subject } = facts
  const details: NcmecInternetDetails[] = []
  if (subject.surface !== 'public' && subject.text?.trim()) {
    details.push({ chatImIncident: { content: xmlText(subject.text, 50_000) } })
  }
  if (subject.url) details.push({ webPageIncident: { url: [subject.url] } })
  return details.length > 0 ? { internetDetails: details } : {}
}

function personOf(facts: Omit<NcaReportFacts, 'declaration'>): NcmecReport['personOrUserReported'] {
  const account = facts.supplied?.account
  const id = accountOf(facts.subject)
  const emails = (account?.emails ?? []).map((e) => e.address)
  const ips: NcmecIpCaptureEvent[] = (account?.loginIps ?? []).map((l) => ({
    ipAddress: l.ip,
    eventName: 'Login',
    ...(l.at ? { dateTime: new Date(l.at).toISOString() } : {}),
    ...(l.port ? { port: l.port } : {}),
  }))
  const upload = uploadEvent(facts)
  if (upload) ips.push(upload)
  const prior = facts.priorReports
    .filter((p) => p.channel === 'ncmec' && /^\d{1,18}$/.test(p.reference))
    .map((p) => p.reference)
  return {
    ...(emails.length > 0 ? { personOrUserReportedPerson: { email: emails } } : {}),
    ...(id ? { espIdentifier: xmlText(id, 255) } : {}),
    ...(account?.username ? { screenName: xmlText(account.username, 256) } : {}),
    ...(account?.profileUrl ? { profileUrl: [account.profileUrl] } : {}),
    ...(ips.length > 0 ? { ipCaptureEvent: ips } : {}),
    ...(prior.length > 0 ? { priorCTReports: prior } : {}),
  }
}

function uploadEvent(facts: Omit<NcaReportFacts, 'declaration'>): NcmecIpCaptureEvent | undefined {
  const upload = facts.supplied?.upload
  if (!upload?.ip) return undefined
  return {
    ipAddress: upload.ip,
    eventName: 'Upload',
    ...(upload.at ? { dateTime: new Date(upload.at).toISOString() } : {}),
    ...(upload.port ? { port: upload.port } : {}),
  }
}

function filesOf(facts: Omit<NcaReportFacts, 'declaration'>): NcmecDraftFile[] {
  const upload = uploadEvent(facts)
  const uploadAt = facts.supplied?.upload?.at
  return facts.subject.media.map((m, i) => ({
    mediaIndex: i,
    sha256: m.sha256,
    fileName: `media-${i + 1}`,
    details: {
      ...(uploadAt ? { uploadedToEspTimestamp: new Date(uploadAt).toISOString() } : {}),
      ...(m.sourceUrl && /^https?:/.test(m.sourceUrl) ? { locationOfFile: m.sourceUrl } : {}),
      publiclyAvailable: facts.subject.surface === 'public',
      originalFileHash: [
        { hashType: 'SHA256', value: m.sha256 },
        ...(m.md5 ? [{ hashType: 'MD5', value: m.md5 }] : []),
      ],
      ...(upload ? { ipCaptureEvent: upload } : {}),
    },
  }))
}

/** Text XML can carry (no control characters but tab and line breaks), at most `max` long. */
function xmlText(value: string, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ' ').trim()
  return (clean || '-').slice(0, max)
}

import type { SuppliedDetails } from './csea-report.js'
import type { Decision } from './decision.js'
import {
  NCA_REPORT_FORMAT,
  type NcaDeclaration,
  type NcaDetection,
  type NcaPriorReport,
  type NcaReport,
} from './nca-report.js'
import type { CseaPriority, CseaReportingPolicy } from './policy/csea-reporting.js'
import type { Report } from './report.js'
import type { Signal } from './signal.js'
import { accountOf, type Subject } from './subject.js'

/** Everything the NCA report is built from; gathered by the service, nothing looked up here. */
export interface NcaReportFacts {
  id: string
  caseId: string
  priority: CseaPriority
  createdAt: Date
  dueAt: Date
  reporter: CseaReportingPolicy['reporter']
  subject: Subject
  harm: { id: string; label: string }
  decision: Decision | null
  signals: readonly Signal[]
  notices: readonly Report[]
  priorReports: readonly NcaPriorReport[]
  supplied: SuppliedDetails | null
  declaration: NcaDeclaration | null
}

/** The NCA report with the Schedule 1 items Vigil holds or was given; the rest is null or empty. */
export function buildNcaReport(facts: NcaReportFacts): NcaReport {
  const { subject, supplied, reporter } = facts
  return {
    format: NCA_REPORT_FORMAT,
    id: facts.id,
    caseId: facts.caseId,
    priority: facts.priority,
    createdAt: facts.createdAt.toISOString(),
    dueAt: facts.dueAt.toISOString(),
    reporter: {
      providerName: reporter.providerName ?? null,
      ncaRegistrationId: reporter.ncaRegistrationId ?? null,
      contact: {
        name: reporter.contactName ?? null,
        email: reporter.contactEmail ?? null,
        phone: reporter.contactPhone ?? null,
      },
    },
    content: contentSection(facts),
    platform: {
      service: reporter.providerName ?? null,
      surface: subject.surface,
      contentId: subject.externalId,
      contentUrl: subject.url ?? facts.notices.flatMap((n) => n.contentUrls)[0] ?? null,
    },
    priorReports: [...facts.priorReports],
    upload: {
      at: supplied?.upload?.at ? new Date(supplied.upload.at).toISOString() : null,
      ip: supplied?.upload?.ip ?? null,
      port: supplied?.upload?.port ?? null,
      firstSeenByVigilAt: subject.createdAt.toISOString(),
    },
    exif: supplied?.exif ?? null,
    media: mediaSection(subject),
    account: accountSection(subject, supplied),
    declaration: facts.declaration,
  }
}

function contentSection(facts: NcaReportFacts): NcaReport['content'] {
  const { subject, decision } = facts
  return {
    harm: facts.harm.id,
    harmLabel: facts.harm.label,
    kind: subject.kind,
    text: subject.text,
    offence: decision?.ground.type === 'illegal' ? decision.ground.offence : null,
    description: decision?.statement ?? null,
    decision: decision ? decisionOf(decision) : null,
    detectedBy: detectionsOf(facts.signals, facts.notices, decision),
  }
}

function mediaSection(subject: Subject): NcaReport['media'] {
  return subject.media.map((m) => ({
    url: m.sourceUrl ?? null,
    sha256: m.sha256,
    md5: m.md5 ?? null,
    pdq: m.pdq ?? null,
    mimeType: m.mimeType ?? null,
    bytes: m.bytes,
  }))
}

function decisionOf(decision: Decision): NonNullable<NcaReport['content']['decision']> {
  return {
    id: decision.id,
    at: decision.createdAt.toISOString(),
    actions: decision.actions.map((a) => a.type),
    automated: decision.automatedDecision === 'fully',
  }
}

function accountSection(subject: Subject, supplied: SuppliedDetails | null): NcaReport['account'] {
  const account = supplied?.account
  const billing = account?.billing
  return {
    id: accountOf(subject),
    username: account?.username ?? null,
    profileUrl: account?.profileUrl ?? null,
    emails: (account?.emails ?? []).map((e) => ({
      address: e.address,
      verified: e.verified ?? null,
    })),
    phones: (account?.phones ?? []).map((p) => ({
      number: p.number,
      verified: p.verified ?? null,
    })),
    billing: billing
      ? {
          name: billing.name ?? null,
          address: billing.address ?? null,
          country: billing.country ?? null,
          paymentReference: billing.paymentReference ?? null,
        }
      : null,
    loginIps: (account?.loginIps ?? []).map((l) => ({
      ip: l.ip,
      port: l.port ?? null,
      at: l.at ? new Date(l.at).toISOString() : null,
    })),
  }
}

const NOTICE_METHOD: Record<string, NcaDetection['method']> = {
  trusted_flagger: 'trusted_flagger',
  authority: 'authority',
}

/** Signals from notices are listed as the notices themselves, which say more. */
const NOTICE_SOURCES = new Set<string>(['user_report', 'trusted_flagger', 'authority'])

function isDetection(signal: Signal): boolean {
  return !NOTICE_SOURCES.has(signal.source)
}

/** How the content came to light: the detection signals, the notices, and a person's review. */
export function detectionsOf(
  signals: readonly Signal[],
  notices: readonly Report[],
  decision: Decision | null,
): NcaDetection[] {
  const found: NcaDetection[] = signals.filter(isDetection).map((s) => ({
    method: s.source,
    harm: s.harm,
    detail: signalDetail(s),
    at: s.createdAt.toISOString(),
  }))
  for (const notice of notices) {
    found.push({
      method: NOTICE_METHOD[notice.reporterKind] ?? 'user_report',
      harm: notice.harm,
      detail: `notice ${notice.reference} from a ${notice.reporterKind.replace('_', ' ')}`,
      at: notice.createdAt.toISOString(),
    })
  }
  if (decision && decision.automatedDecision !== 'fully') {
    found.push({
      method: 'moderator',
      harm: decision.harm,
      detail: 'reviewed and decided by a person',
      at: decision.createdAt.toISOString(),
    })
  }
  return found
}

function signalDetail(signal: Signal): string {
  const evidence = signal.evidence
  if (signal.source === 'hash_match') {
    return `${signal.matcher} hash matched bank "${String(evidence.bank ?? 'unknown')}"`
  }
  if (signal.source === 'classifier') {
    return `classifier ${signal.matcher} scored ${signal.score.toFixed(2)}`
  }
  return `${signal.source.replace('_', ' ')} ${signal.matcher}`
}

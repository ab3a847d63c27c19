import type { Verdict } from '../../core/subject.js'

/** One queue's open work when the load ended. */
export interface QueueLine {
  id: string
  open: number
  claimed: number
  nearing: number
  overdue: number
}

export interface DemoSummary {
  subjects: number
  content: number
  verdicts: Record<Verdict, number>
  reports: number
  reportsBy: Record<string, number>
  reportedHarms: number
  /** Notices filed with each registered flagger's own key, by the key's name. */
  flaggerNotices: Record<string, number>
  casesOpened: number
  /** Decisions recorded by moderators on content cases. */
  decisions: number
  noAction: number
  /** Cases closed: content cases decided and appeal cases settled. */
  casesDecided: number
  openCases: number
  claimed: number
  /** Steps the escalation sweep took (nearing, overdue). */
  escalated: number
  queues: QueueLine[]
  appeals: { filed: number; reversed: number; open: number; proactiveTechnology: number }
  /** Accounts suspended by the strike ladder at the end of the load. */
  suspended: string[]
  /** Senders of notices restricted for manifestly unfounded notices (DSA Art. 23(2)). */
  restrictedReporters: string[]
  /** Uploads blocked because they match media removed earlier. */
  reuploadsBlocked: number
  /** Preservations run, legal holds placed by hand, authorities' requests met and still pending. */
  evidence: { preservations: number; holds: number; requestsMet: number; requestsPending: number }
  /** Child sexual abuse reports drafted for the NCA; the demo never approves or sends one. */
  cseaDrafts: number
  /** The approved risk assessment's version and the alternative measures recorded. */
  compliance: { assessmentVersion: number | null; alternatives: number }
  /** The flaggers' key files written to the data folder (set by the CLI, not by the load). */
  keyFiles: string[]
  auditSealed: number
  ms: number
}

export function emptySummary(): DemoSummary {
  return {
    subjects: 0,
    content: 0,
    verdicts: { allow: 0, review: 0, hold: 0, block: 0 },
    reports: 0,
    reportsBy: {},
    reportedHarms: 0,
    flaggerNotices: {},
    casesOpened: 0,
    decisions: 0,
    noAction: 0,
    casesDecided: 0,
    openCases: 0,
    claimed: 0,
    escalated: 0,
    queues: [],
    appeals: { filed: 0, reversed: 0, open: 0, proactiveTechnology: 0 },
    suspended: [],
    restrictedReporters: [],
    reuploadsBlocked: 0,
    evidence: { preservations: 0, holds: 0, requestsMet: 0, requestsPending: 0 },
    cseaDrafts: 0,
    compliance: { assessmentVersion: null, alternatives: 0 },
    keyFiles: [],
    auditSealed: 0,
    ms: 0,
  }
}

/** The summary a person reads after a load. */
export function describeDemo(summary: DemoSummary): string[] {
  const v = summary.verdicts
  const a = summary.appeals
  const e = summary.evidence
  const version = summary.compliance.assessmentVersion
  return [
    `Loaded the demo data set in ${(summary.ms / 1000).toFixed(1)} s (the last 30 days):`,
    `  subjects     ${summary.subjects} (${summary.content} pieces of content checked)`,
    `  verdicts     allow ${v.allow}, review ${v.review}, hold ${v.hold}, block ${v.block} (${summary.reuploadsBlocked} re-upload of removed media)`,
    `  reports      ${summary.reports} (${list(summary.reportsBy)}) about ${summary.reportedHarms} harms`,
    `  flaggers     ${list(summary.flaggerNotices, ' notices')}`,
    `  cases        ${summary.casesOpened} opened: ${summary.casesDecided} closed (${summary.decisions} decisions, ${summary.noAction} no action), ${summary.openCases} open, ${summary.claimed} claimed`,
    `  queues       ${queueLines(summary.queues)}`,
    `  appeals      ${a.filed} filed (${a.proactiveTechnology} about proactive technology): ${a.reversed} reversed, ${a.open} open`,
    `  accounts     suspended by strikes: ${summary.suspended.join(', ') || 'none'}; reporters restricted: ${summary.restrictedReporters.join(', ') || 'none'}`,
    '  banks        demo-threats (keyword), demo-scam-domains (url), demo-known-terror-media (sha256), demo-known-csam-stand-ins (sha256 of harmless bytes), removed-* (re-upload prevention)',
    `  evidence     ${e.preservations} preservations run; legal holds placed by hand: ${e.holds}; authorities' preservation requests: ${e.requestsMet} met, ${e.requestsPending} pending`,
    `  csea reports ${summary.cseaDrafts} drafts, left unapproved: the demo never approves one, so nothing is sent`,
    `  compliance   ${version === null ? 'no risk assessment' : `risk assessment version ${version} approved`}; alternative measures: ${summary.compliance.alternatives}`,
    `  audit log    ${summary.auditSealed} entries sealed into the hash chain`,
    ...(summary.keyFiles.length > 0 ? [`  flagger keys ${summary.keyFiles.join(', ')}`] : []),
  ]
}

function list(counts: Record<string, number>, unit = ''): string {
  return Object.entries(counts)
    .map(([name, n]) => `${name} ${n}${unit}`)
    .join(', ')
}

function queueLines(queues: readonly QueueLine[]): string {
  return queues
    .filter((q) => q.open > 0)
    .map((q) => {
      const late = [q.nearing && `${q.nearing} nearing`, q.overdue && `${q.overdue} overdue`]
      const extra = late.filter(Boolean).join(', ')
      return `${q.id} ${q.open}${extra ? ` (${extra})` : ''}`
    })
    .join(', ')
}

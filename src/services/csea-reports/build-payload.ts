import type { ChildAbuseReport } from '../../core/csea-report.js'
import { type Decision, isRestrictive } from '../../core/decision.js'
import { NotFoundError } from '../../core/errors.js'
import type { NcaDeclaration, NcaPriorReport } from '../../core/nca-report.js'
import { buildNcaReport, type NcaReportFacts } from '../../core/nca-report-build.js'
import { buildNcmecDraft } from '../../core/ncmec-report-build.js'
import { accountOf, type Subject } from '../../core/subject.js'
import { CSEA_HARM_ID } from '../../core/taxonomy.js'
import type { Executor } from '../../storage/database.js'
import { listSentReportsAbout } from '../../storage/repos/child-abuse-report-repo.js'
import { findDecision, listDecisionsForCase } from '../../storage/repos/decision-repo.js'
import { listReportsForCase } from '../../storage/repos/report-repo.js'
import { listSignalsForSubject } from '../../storage/repos/signal-repo.js'
import { findSubject } from '../../storage/repos/subject-repo.js'
import type { ServiceContext } from '../service-context.js'

type BuildContext = Pick<ServiceContext, 'taxonomy' | 'policy'>

/** The report built for its channel from the case as it stands and what the platform supplied. */
export async function buildPayload(
  db: Executor,
  ctx: BuildContext,
  report: ChildAbuseReport,
  declaration: NcaDeclaration | null,
): Promise<Record<string, unknown>> {
  const facts = await gatherFacts(db, ctx, report)
  if (report.channel === 'nca') return { ...buildNcaReport({ ...facts, declaration }) }
  return { ...buildNcmecDraft(facts) }
}

async function gatherFacts(
  db: Executor,
  ctx: BuildContext,
  report: ChildAbuseReport,
): Promise<Omit<NcaReportFacts, 'declaration'>> {
  const subject = await findSubject(db, report.subjectId)
  if (!subject) throw new NotFoundError('subject', report.subjectId)
  const [decision, signals, notices, priorReports] = await Promise.all([
    decisionFor(db, ctx, report),
    listSignalsForSubject(db, subject.id),
    listReportsForCase(db, report.caseId),
    priorReportsAbout(db, report),
  ])
  const harmId = decision?.harm ?? notices.find((n) => isCseaIn(ctx, n.harm))?.harm ?? CSEA_HARM_ID
  return {
    id: report.id,
    caseId: report.caseId,
    priority: report.priority,
    createdAt: report.createdAt,
    dueAt: report.dueAt,
    reporter: ctx.policy.cseaReporting.reporter,
    subject,
    harm: { id: harmId, label: ctx.taxonomy.get(harmId)?.label ?? harmId },
    decision: decision ?? null,
    signals,
    notices,
    priorReports,
    supplied: report.supplied,
  }
}

/** The decision that drafted the report, else the case's latest restriction for CSEA. */
async function decisionFor(
  db: Executor,
  ctx: BuildContext,
  report: ChildAbuseReport,
): Promise<Decision | undefined> {
  if (report.decisionId) return findDecision(db, report.decisionId)
  const decisions = await listDecisionsForCase(db, report.caseId)
  return decisions
    .filter((d) => !d.reversesDecisionId && isRestrictive(d.actions) && isCseaIn(ctx, d.harm))
    .at(-1)
}

function isCseaIn(ctx: BuildContext, harm: string): boolean {
  return ctx.taxonomy.isUnder(harm, CSEA_HARM_ID)
}

/** Our earlier reports, with their references, about the same account or media. */
async function priorReportsAbout(
  db: Executor,
  report: ChildAbuseReport,
): Promise<NcaPriorReport[]> {
  const sent = await listSentReportsAbout(db, {
    accountId: report.accountId,
    mediaSha256: report.mediaSha256,
    excludeId: report.id,
  })
  return sent.map((r) => ({
    channel: r.channel,
    reference: r.externalReference as string,
    sentAt: (r.sentAt ?? r.updatedAt).toISOString(),
    about: report.accountId !== null && r.accountId === report.accountId ? 'account' : 'content',
  }))
}

/** What the report is about, for prior reports and duplicates: the account and the media. */
export function reportKeysOf(subject: Subject): {
  accountId: string | null
  mediaSha256: string[]
} {
  return {
    accountId: accountOf(subject),
    mediaSha256: [...new Set(subject.media.map((m) => m.sha256.toLowerCase()))],
  }
}

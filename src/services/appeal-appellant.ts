import type { AppellantRole } from '../core/appeal.js'
import type { Decision } from '../core/decision.js'
import { ForbiddenError } from '../core/errors.js'
import type { Report } from '../core/report.js'
import { accountOf, type Subject } from '../core/subject.js'
import type { Executor } from '../storage/database.js'
import { findAppealTokenHash } from '../storage/repos/appeal-repo.js'
import { findReportWithTokenHash, listReportsOfReporter } from '../storage/repos/report-repo.js'
import { tokenMatches } from './secret-token.js'

/** What the caller says about who is appealing. */
export interface AppellantClaim {
  /** The appellant's account id, relayed by the platform for a signed-in user. */
  appellantId?: string | undefined
  email?: string | undefined
  /** A report the appellant made: its reference, and the status token they were given. */
  report?: { reference: string; token?: string | undefined } | undefined
  /** The author's appeal token from the statement of reasons (public page). */
  authorToken?: string | undefined
}

export interface Appellant {
  role: AppellantRole
  id: string | null
  email: string | null
  report: Report | null
}

/**
 * Who appeals a decision: its content's author (by account id, or the token sent with the
 * statement of reasons) or someone who reported that case (by account id, or the report's
 * reference and status token). Anyone else is refused.
 */
export async function appellantOfDecision(
  tx: Executor,
  decision: Decision,
  subject: Subject | undefined,
  claim: AppellantClaim,
): Promise<Appellant> {
  const email = claim.email ?? null
  const authorId = subject ? accountOf(subject) : null
  if (claim.authorToken !== undefined) {
    if (!tokenMatches(claim.authorToken, await findAppealTokenHash(tx, decision.id))) {
      throw new ForbiddenError(
        'this appeal link does not match the decision: use the link in the message that told you about it',
      )
    }
    return { role: 'author', id: authorId, email, report: null }
  }
  if (claim.report) {
    const report = await provenReport(tx, claim.report, claim.appellantId)
    if (report.caseId !== decision.caseId) {
      throw new ForbiddenError(`report ${report.reference} is not about this decision`)
    }
    return reporter(report, email)
  }
  const id = claim.appellantId
  if (id !== undefined && id === authorId) return { role: 'author', id, email, report: null }
  const [report] = id ? await listReportsOfReporter(tx, decision.caseId, id) : []
  if (report) return reporter(report, email)
  throw new ForbiddenError(
    'only the author of the content, or someone who reported it, can appeal this decision' +
      (id ? `; account ${id} is neither` : ''),
    { decisionId: decision.id },
  )
}

/** Who makes a complaint not tied to a decision: a reporter (proven), a user, or a non-user. */
export async function complainant(tx: Executor, claim: AppellantClaim): Promise<Appellant> {
  const email = claim.email ?? null
  if (claim.report) {
    return reporter(await provenReport(tx, claim.report, claim.appellantId), email)
  }
  const id = claim.appellantId ?? null
  return { role: id ? 'user' : 'non_user', id, email, report: null }
}

function reporter(report: Report, email: string | null): Appellant {
  return {
    role: 'reporter',
    id: report.reporterId,
    email: email ?? report.reporterEmail,
    report,
  }
}

async function provenReport(
  tx: Executor,
  proof: NonNullable<AppellantClaim['report']>,
  appellantId: string | undefined,
): Promise<Report> {
  const found = await findReportWithTokenHash(tx, proof.reference.toUpperCase())
  const report = found?.report
  const proven =
    found &&
    (proof.token !== undefined
      ? tokenMatches(proof.token, found.statusTokenHash)
      : appellantId !== undefined && found.report.reporterId === appellantId)
  if (!report || !proven) {
    throw new ForbiddenError(
      `no report ${proof.reference} was made by this person: check the reference and the link you were sent`,
    )
  }
  return report
}

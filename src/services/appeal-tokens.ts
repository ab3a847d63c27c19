import type { Decision } from '../core/decision.js'
import type { Policy } from '../core/policy.js'
import type { Executor } from '../storage/database.js'
import { insertAppealToken } from '../storage/repos/appeal-repo.js'
import { publicLink } from './public-links.js'
import { hashToken, newToken } from './secret-token.js'

/** The public page where the author of a decision's content appeals it. */
export function authorAppealPath(decisionId: string, token: string): string {
  return `/appeal/new?decision=${encodeURIComponent(decisionId)}&token=${encodeURIComponent(token)}`
}

/** Where an appellant follows their appeal. */
export function appealStatusPath(reference: string, token: string): string {
  return `/appeal/status/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`
}

/**
 * Gives the author of a decision's content an appeal token, in the caller's transaction; the
 * token goes into the statement of reasons sent to the author. Returns undefined when the
 * decision already has one (a token is shown once).
 */
export async function issueAuthorAppealToken(
  tx: Executor,
  decision: Pick<Decision, 'id'>,
  at: Date,
): Promise<{ token: string; path: string } | undefined> {
  const token = newToken()
  if (!(await insertAppealToken(tx, decision.id, hashToken(token), at))) return undefined
  return { token, path: authorAppealPath(decision.id, token) }
}

/**
 * The sentence with the author's appeal link that goes at the end of a statement of reasons; a
 * fresh token per decision. Undefined when the decision already has one.
 */
export async function authorAppealLine(
  tx: Executor,
  policy: Policy,
  decision: Pick<Decision, 'id'>,
  at: Date,
): Promise<string | undefined> {
  const issued = await issueAuthorAppealToken(tx, decision, at)
  if (!issued) return undefined
  return `To ask us to look at this again, use this link. It is only for you: ${publicLink(policy, issued.path)}`
}

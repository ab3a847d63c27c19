import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Decision } from '../core/decision.js'
import type { Policy } from '../core/policy.js'
import type { Executor } from '../storage/database.js'
import { insertAppealToken } from '../storage/repos/appeal-repo.js'

/** A secret a person keeps to reach their appeal or its status; only its SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string | undefined, hash: string | null | undefined): boolean {
  if (!token || !hash) return false
  const presented = Buffer.from(hashToken(token), 'hex')
  const stored = Buffer.from(hash, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}

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

/** A path made absolute with the policy's public address of Vigil's pages, when it names one. */
export function publicLink(policy: Policy, path: string): string {
  const base = policy.reporting.page.publicUrl?.replace(/\/+$/, '') ?? ''
  return `${base}${path}`
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

import { RateLimitedError } from '../core/errors.js'
import type { ReporterKind } from '../core/report.js'
import type { Actor } from '../core/roles.js'
import {
  countRateLimitHit,
  deleteRateLimitWindowsBefore,
} from '../storage/repos/rate-limit-repo.js'
import { pseudonymFor } from './pseudonym.js'
import type { ServiceContext } from './service-context.js'

/** Who a notice comes from, as far as rate limits are concerned. */
export interface ReporterIdentity {
  kind: ReporterKind
  id?: string | undefined
  email?: string | undefined
  /** The keyed pseudonym of the client address, when known. */
  addressPseudonym?: string | null | undefined
}

/** The key a reporter is counted under: their account id, else their email. */
export function reporterKeyOf(identity: ReporterIdentity): string | undefined {
  if (identity.id) return `id:${identity.id}`
  if (identity.email) return `email:${identity.email.trim().toLowerCase()}`
  return undefined
}

/** Trusted flaggers and authorities are never rate limited (DSA Art. 22). */
export function isRateLimited(actor: Actor, identity: ReporterIdentity): boolean {
  if (actor.role === 'trusted_flagger') return false
  return identity.kind !== 'trusted_flagger' && identity.kind !== 'authority'
}

/**
 * Counts the notice against its reporter's and its address's fixed windows
 * (policy.reporting.rateLimit) and refuses it with RateLimitedError when either is over.
 * Runs in its own statements, before the notice's transaction, so refused attempts count too.
 */
export async function enforceReportRateLimits(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'policy'>,
  actor: Actor,
  identity: ReporterIdentity,
): Promise<void> {
  if (!isRateLimited(actor, identity)) return
  const limits = ctx.policy.reporting.rateLimit
  const now = ctx.clock.now().getTime()
  const windowMs = limits.windowMinutes * 60_000
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs)
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000))
  const reporterKey = reporterKeyOf(identity)
  const checks: { bucket: string; limit: number; who: string }[] = []
  if (reporterKey) {
    const bucket = `report:reporter:${await pseudonymFor(ctx.db, ctx.clock, reporterKey)}`
    checks.push({ bucket, limit: limits.perReporter, who: 'this reporter' })
  }
  if (identity.addressPseudonym) {
    const bucket = `report:address:${identity.addressPseudonym}`
    checks.push({ bucket, limit: limits.perAddress, who: 'this address' })
  }
  for (const check of checks) {
    const hits = await countRateLimitHit(ctx.db, check.bucket, windowStart)
    if (hits > check.limit) {
      throw new RateLimitedError(
        `too many reports from ${check.who}: at most ${check.limit} every ${limits.windowMinutes} minutes; try again in ${retryAfter} seconds`,
        retryAfter,
        { retryAfterSeconds: retryAfter, limit: check.limit, windowMinutes: limits.windowMinutes },
      )
    }
  }
}

/** Counters are kept a day at least: other limits (console sign-in) share the table. */
const KEEP_COUNTERS_MS = 24 * 3_600_000

/** Drops the counters of windows that closed long ago; the worker's sweep calls it. */
export async function pruneRateLimitWindows(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'policy'>,
): Promise<number> {
  const windowMs = ctx.policy.reporting.rateLimit.windowMinutes * 60_000
  const keepMs = Math.max(windowMs, KEEP_COUNTERS_MS)
  return deleteRateLimitWindowsBefore(ctx.db, new Date(ctx.clock.now().getTime() - keepMs))
}

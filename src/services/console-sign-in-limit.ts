import { RateLimitedError } from '../core/errors.js'
import { rateLimitHits } from '../storage/repos/console-session-repo.js'
import { countRateLimitHit } from '../storage/repos/rate-limit-repo.js'
import { pseudonymFor } from './pseudonym.js'
import type { ServiceContext } from './service-context.js'

/** Failed sign-ins allowed per fixed window, for one email and for one client address. */
export const SIGN_IN_LIMIT = { windowMinutes: 15, perEmail: 10, perAddress: 50 } as const

export interface SignInLimit {
  /** Counts a failed attempt against the email's and the address's windows. */
  fail(): Promise<void>
}

/**
 * Refuses with RateLimitedError while the email or the address has used up its failures in the
 * current window; otherwise returns the counter for this attempt. Buckets hold keyed pseudonyms
 * (rate_limit_hit, shared with the reports' limits), never the email or address.
 */
export async function checkSignInLimit(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  email: string,
  address: string | undefined,
): Promise<SignInLimit> {
  const now = ctx.clock.now().getTime()
  const windowMs = SIGN_IN_LIMIT.windowMinutes * 60_000
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs)
  const checks: { bucket: string; limit: number; who: string }[] = [
    {
      bucket: `console-sign-in:email:${await pseudonymFor(ctx.db, ctx.clock, email)}`,
      limit: SIGN_IN_LIMIT.perEmail,
      who: 'this email',
    },
  ]
  if (address) {
    checks.push({
      bucket: `console-sign-in:address:${await pseudonymFor(ctx.db, ctx.clock, address)}`,
      limit: SIGN_IN_LIMIT.perAddress,
      who: 'this address',
    })
  }
  const hits = await rateLimitHits(
    ctx.db,
    checks.map((c) => c.bucket),
    windowStart,
  )
  const over = checks.find((c) => (hits.get(c.bucket) ?? 0) >= c.limit)
  if (over) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000))
    throw new RateLimitedError(
      `too many failed sign-ins for ${over.who}: at most ${over.limit} every ${SIGN_IN_LIMIT.windowMinutes} minutes; try again in ${retryAfter} seconds`,
      retryAfter,
      {
        retryAfterSeconds: retryAfter,
        limit: over.limit,
        windowMinutes: SIGN_IN_LIMIT.windowMinutes,
      },
    )
  }
  return {
    fail: async () => {
      for (const check of checks) await countRateLimitHit(ctx.db, check.bucket, windowStart)
    },
  }
}

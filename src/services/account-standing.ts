import type { StrikeStep } from '../core/policy/strikes.js'
import {
  type AccountRestriction,
  hasPriorWarning,
  inForce,
  isLive,
  livePoints,
  type Strike,
  stepAbove,
} from '../core/strike.js'
import type { Db } from '../storage/database.js'
import { listRestrictions, listStrikes } from '../storage/repos/strike-repo.js'
import type { ServiceContext } from './service-context.js'

const DAY_MS = 86_400_000

export interface AccountStanding {
  accountId: string
  /** When the standing was computed: points and restrictions depend on the time asked. */
  at: Date
  status: 'good' | 'warned' | 'suspended' | 'terminated'
  points: number
  liveStrikes: Strike[]
  /** Suspensions and terminations in force, and warnings still on record. */
  restrictions: AccountRestriction[]
  suspendedUntil: Date | null
  /** The next step of the ladder above the points; a warning comes first if none is on record. */
  nextStep: (StrikeStep & { pointsToGo: number; warningFirst: boolean }) | null
  /** The whole record, removed and expired strikes and lifted restrictions included. */
  history: { strikes: Strike[]; restrictions: AccountRestriction[] }
}

/** An account's live strikes, points, restrictions and next step, at the clock's time. */
export async function accountStanding(
  db: Db,
  ctx: Pick<ServiceContext, 'clock' | 'policy'>,
  accountId: string,
): Promise<AccountStanding> {
  const at = ctx.clock.now()
  const { ladder, expiryDays } = ctx.policy.strikes
  const [strikes, restrictions] = await Promise.all([
    listStrikes(db, accountId),
    listRestrictions(db, accountId),
  ])
  const since = new Date(at.getTime() - expiryDays * DAY_MS)
  const current = restrictions.filter(
    (r) => inForce(r, at) && (r.kind !== 'warning' || r.startsAt >= since),
  )
  const points = livePoints(strikes, at)
  const next = stepAbove(ladder, points)
  const suspension = current
    .filter((r) => r.kind === 'suspension')
    .sort((a, b) => (b.endsAt?.getTime() ?? 0) - (a.endsAt?.getTime() ?? 0))[0]
  return {
    accountId,
    at,
    status: statusOf(current),
    points,
    liveStrikes: strikes.filter((s) => isLive(s, at)),
    restrictions: current,
    suspendedUntil: suspension?.endsAt ?? null,
    nextStep: next
      ? {
          ...next,
          pointsToGo: next.atPoints - points,
          warningFirst: next.action !== 'warning' && !hasPriorWarning(restrictions, at, since),
        }
      : null,
    history: { strikes, restrictions },
  }
}

function statusOf(current: readonly AccountRestriction[]): AccountStanding['status'] {
  if (current.some((r) => r.kind === 'termination')) return 'terminated'
  if (current.some((r) => r.kind === 'suspension')) return 'suspended'
  if (current.some((r) => r.kind === 'warning')) return 'warned'
  return 'good'
}

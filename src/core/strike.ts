import type { Action } from './decision.js'
import type { StrikeStep } from './policy/strikes.js'

/** An entry on an account's record: one decision that restricted its content for a harm. */
export interface Strike {
  id: string
  accountId: string
  decisionId: string
  harm: string
  /** Points: the harm's severity in the taxonomy (1–5). */
  severity: number
  createdAt: Date
  expiresAt: Date | null
  /** Set when the decision was reversed (on appeal or otherwise). */
  removedAt: Date | null
  removedReason: string | null
}

export const RESTRICTION_KINDS = ['warning', 'suspension', 'termination'] as const
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number]

/** A warning, a timed suspension or a termination the ladder gave an account. */
export interface AccountRestriction {
  id: string
  accountId: string
  kind: RestrictionKind
  reason: string
  /** Live strike points when it was given. */
  strikePoints: number | null
  /** The decision whose strike set it off. */
  decisionId: string | null
  startsAt: Date
  /** When a suspension ends; null for warnings and terminations. */
  endsAt: Date | null
  liftedAt: Date | null
  liftedReason: string | null
  createdAt: Date
}

/** What the ladder asks for after a new strike. */
export interface Sanction {
  kind: RestrictionKind
  /** For a suspension. */
  hours?: number
  /** Set when a warning is given because the step reached needs a prior warning first. */
  insteadOf?: RestrictionKind
}

const NOT_STRIKING: ReadonlySet<Action['type']> = new Set([
  'no_action',
  'restore',
  'label',
  'suspend_account',
  'terminate_account',
])

/** True when a decision's actions restrict the content itself, which earns its author a strike. */
export function restrictsContent(actions: readonly Action[]): boolean {
  return actions.some((action) => !NOT_STRIKING.has(action.type))
}

/** A strike counts while it is not removed, has started and has not expired. */
export function isLive(strike: Strike, at: Date): boolean {
  return (
    strike.removedAt === null &&
    strike.createdAt.getTime() <= at.getTime() &&
    (strike.expiresAt === null || strike.expiresAt.getTime() > at.getTime())
  )
}

/** The account's points at `at`: the severities of its live strikes. */
export function livePoints(strikes: readonly Strike[], at: Date): number {
  return strikes.filter((s) => isLive(s, at)).reduce((sum, s) => sum + s.severity, 0)
}

/** A restriction is in force from its start until it ends or is lifted (warnings stay on record). */
export function inForce(restriction: AccountRestriction, at: Date): boolean {
  return (
    restriction.liftedAt === null &&
    restriction.startsAt.getTime() <= at.getTime() &&
    (restriction.endsAt === null || restriction.endsAt.getTime() > at.getTime())
  )
}

/** The highest step of the ladder the points reach, if any. */
export function stepReached(ladder: readonly StrikeStep[], points: number): StrikeStep | undefined {
  let reached: StrikeStep | undefined
  for (const step of ladder) if (step.atPoints <= points) reached = step
  return reached
}

/** The lowest step above the points: what the account comes to next. */
export function stepAbove(ladder: readonly StrikeStep[], points: number): StrikeStep | undefined {
  return ladder.find((step) => step.atPoints > points)
}

/**
 * A warning on record: given before `at`, not lifted, and not older than `since` (a warning
 * lapses with the strikes of its time).
 */
export function hasPriorWarning(
  restrictions: readonly AccountRestriction[],
  at: Date,
  since: Date,
): boolean {
  return restrictions.some(
    (r) =>
      r.kind === 'warning' &&
      r.liftedAt === null &&
      r.startsAt.getTime() <= at.getTime() &&
      r.startsAt.getTime() >= since.getTime(),
  )
}

/**
 * What the ladder gives after a new strike, at `at`: the step the live points reach. A
 * suspension or termination is never given without a prior warning on record (DSA Art. 23(1)):
 * then the warning is given first, and the step waits for the next strike.
 */
export function sanctionFor(
  ladder: readonly StrikeStep[],
  points: number,
  restrictions: readonly AccountRestriction[],
  at: Date,
  warningsSince: Date,
): Sanction | undefined {
  const step = stepReached(ladder, points)
  if (!step) return undefined
  if (restrictions.some((r) => r.kind === 'termination' && inForce(r, at))) return undefined
  if (step.action === 'warning') return { kind: 'warning' }
  if (!hasPriorWarning(restrictions, at, warningsSince)) {
    return { kind: 'warning', insteadOf: step.action }
  }
  return step.action === 'suspension'
    ? { kind: 'suspension', ...(step.hours ? { hours: step.hours } : {}) }
    : { kind: 'termination' }
}

/**
 * Whether a restriction still stands once some strikes are removed: the strikes live when it was
 * given, less the removed ones, must still reach the lowest step of its kind.
 */
export function stillJustified(
  restriction: AccountRestriction,
  strikes: readonly Strike[],
  ladder: readonly StrikeStep[],
): boolean {
  const points = livePoints(strikes, restriction.startsAt)
  const lowest = ladder.find((step) => step.action === restriction.kind)
  return lowest !== undefined && points >= lowest.atPoints
}

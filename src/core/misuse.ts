import type { MisusePolicy } from './policy/strikes.js'

/** How a decision judged the notices of its case (DSA Art. 23(2)). */
export const NOTICE_ASSESSMENTS = ['founded', 'unfounded', 'manifestly_unfounded'] as const
export type NoticeAssessment = (typeof NOTICE_ASSESSMENTS)[number]

export const REPORTER_RESTRICTIONS = ['deprioritise', 'refuse'] as const
export type ReporterRestriction = (typeof REPORTER_RESTRICTIONS)[number]

/** What Vigil holds on one reporter who sent manifestly unfounded notices. */
export interface ReporterStanding {
  /** `id:<account>`, `email:<address>`, `address:<pseudonym>` or `flagger:<uuid>`. */
  reporterKey: string
  warnedAt: Date | null
  restriction: ReporterRestriction | null
  restrictedUntil: Date | null
  updatedAt: Date
}

/** A reporter's decided notices in the policy's window, and how many were manifestly unfounded. */
export interface NoticeTally {
  decided: number
  manifestlyUnfounded: number
}

export type MisuseStep =
  | { kind: 'warning' }
  | { kind: 'restriction'; restriction: ReporterRestriction; until: Date }

const DAY_MS = 86_400_000

/** The restriction in force on a reporter at `at`, if any. */
export function restrictionInForce(
  standing: ReporterStanding | undefined,
  at: Date,
): { restriction: ReporterRestriction; until: Date } | undefined {
  if (!standing?.restriction || !standing.restrictedUntil) return undefined
  if (standing.restrictedUntil.getTime() <= at.getTime()) return undefined
  return { restriction: standing.restriction, until: standing.restrictedUntil }
}

/** True when the tally reaches both the policy's count and its share. */
export function overThreshold(policy: MisusePolicy, tally: NoticeTally): boolean {
  if (tally.manifestlyUnfounded < policy.unfoundedThreshold) return false
  const share = tally.decided === 0 ? 0 : tally.manifestlyUnfounded / tally.decided
  return share >= policy.unfoundedShare
}

/**
 * What a newly found manifestly unfounded notice earns its sender: at the threshold a warning
 * first; after a warning within the window, a restriction for the policy's period. Nothing while
 * a restriction is in force.
 */
export function misuseStep(
  policy: MisusePolicy,
  tally: NoticeTally,
  standing: ReporterStanding | undefined,
  at: Date,
): MisuseStep | undefined {
  if (!overThreshold(policy, tally)) return undefined
  if (restrictionInForce(standing, at)) return undefined
  const windowStart = at.getTime() - policy.windowDays * DAY_MS
  const warned = standing?.warnedAt ? standing.warnedAt.getTime() >= windowStart : false
  if (!warned) return { kind: 'warning' }
  return {
    kind: 'restriction',
    restriction: policy.restriction,
    until: new Date(at.getTime() + policy.restrictionDays * DAY_MS),
  }
}

/** The reporter's standing once a step is taken. */
export function standingAfter(
  standing: ReporterStanding | undefined,
  step: MisuseStep,
  reporterKey: string,
  at: Date,
): ReporterStanding {
  if (step.kind === 'warning') {
    return {
      reporterKey,
      warnedAt: at,
      restriction: standing?.restriction ?? null,
      restrictedUntil: standing?.restrictedUntil ?? null,
      updatedAt: at,
    }
  }
  return {
    reporterKey,
    warnedAt: standing?.warnedAt ?? null,
    restriction: step.restriction,
    restrictedUntil: step.until,
    updatedAt: at,
  }
}

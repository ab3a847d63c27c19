import { describe, expect, it } from 'vitest'
import { misuseStep, type ReporterStanding, restrictionInForce, standingAfter } from './misuse.js'
import { misusePolicySchema } from './policy/strikes.js'

const policy = misusePolicySchema.parse({
  unfoundedThreshold: 3,
  unfoundedShare: 0.5,
  windowDays: 30,
  restriction: 'refuse',
  restrictionDays: 10,
})
const at = new Date('2026-12-01T00:00:00.000Z')
const DAY = 86_400_000

function standing(overrides: Partial<ReporterStanding> = {}): ReporterStanding {
  return {
    reporterKey: 'id:user-9',
    warnedAt: null,
    restriction: null,
    restrictedUntil: null,
    updatedAt: at,
    ...overrides,
  }
}

describe('misuse of the notice system', () => {
  it('does nothing below the count or the share', () => {
    expect(
      misuseStep(policy, { decided: 2, manifestlyUnfounded: 2 }, undefined, at),
    ).toBeUndefined()
    expect(
      misuseStep(policy, { decided: 10, manifestlyUnfounded: 3 }, undefined, at),
    ).toBeUndefined()
  })

  it('warns first, then restricts for the policy period', () => {
    const tally = { decided: 4, manifestlyUnfounded: 3 }
    expect(misuseStep(policy, tally, undefined, at)).toEqual({ kind: 'warning' })
    const warned = standing({ warnedAt: new Date(at.getTime() - DAY) })
    expect(misuseStep(policy, tally, warned, at)).toEqual({
      kind: 'restriction',
      restriction: 'refuse',
      until: new Date(at.getTime() + 10 * DAY),
    })
  })

  it('warns again when the last warning is older than the window', () => {
    const old = standing({ warnedAt: new Date(at.getTime() - 31 * DAY) })
    expect(misuseStep(policy, { decided: 3, manifestlyUnfounded: 3 }, old, at)).toEqual({
      kind: 'warning',
    })
  })

  it('adds nothing while a restriction is in force, which ends at its date', () => {
    const until = new Date(at.getTime() + DAY)
    const restricted = standing({ warnedAt: at, restriction: 'refuse', restrictedUntil: until })
    expect(
      misuseStep(policy, { decided: 9, manifestlyUnfounded: 9 }, restricted, at),
    ).toBeUndefined()
    expect(restrictionInForce(restricted, at)).toEqual({ restriction: 'refuse', until })
    expect(restrictionInForce(restricted, until)).toBeUndefined()
  })
})

describe('a reporter’s standing after a step', () => {
  it('keeps the warning when restricting, and any restriction when warning', () => {
    const until = new Date(at.getTime() + 10 * DAY)
    const warned = standingAfter(undefined, { kind: 'warning' }, 'email:a@example.org', at)
    expect(warned).toMatchObject({ warnedAt: at, restriction: null, restrictedUntil: null })
    const later = new Date(at.getTime() + DAY)
    const restricted = standingAfter(
      warned,
      { kind: 'restriction', restriction: 'deprioritise', until },
      'email:a@example.org',
      later,
    )
    expect(restricted).toEqual({
      reporterKey: 'email:a@example.org',
      warnedAt: at,
      restriction: 'deprioritise',
      restrictedUntil: until,
      updatedAt: later,
    })
  })
})

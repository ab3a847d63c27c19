import { describe, expect, it } from 'vitest'
import { strikePolicySchema } from './policy/strikes.js'
import {
  type AccountRestriction,
  livePoints,
  restrictsContent,
  type Strike,
  sanctionFor,
  stepAbove,
  stillJustified,
} from './strike.js'

const { ladder } = strikePolicySchema.parse({})
const T0 = new Date('2026-11-22T09:00:00.000Z')
const DAY = 86_400_000
const at = (days: number) => new Date(T0.getTime() + days * DAY)
const longAgo = at(-365)

function strike(severity: number, createdDays: number, overrides: Partial<Strike> = {}): Strike {
  return {
    id: crypto.randomUUID(),
    accountId: 'user-42',
    decisionId: crypto.randomUUID(),
    harm: 'illegal.harassment',
    severity,
    createdAt: at(createdDays),
    expiresAt: at(createdDays + 365),
    removedAt: null,
    removedReason: null,
    ...overrides,
  }
}

function restriction(
  kind: AccountRestriction['kind'],
  startDays: number,
  overrides: Partial<AccountRestriction> = {},
): AccountRestriction {
  return {
    id: crypto.randomUUID(),
    accountId: 'user-42',
    kind,
    reason: 'test',
    strikePoints: null,
    decisionId: null,
    startsAt: at(startDays),
    endsAt: null,
    liftedAt: null,
    liftedReason: null,
    createdAt: at(startDays),
    ...overrides,
  }
}

describe('strike points', () => {
  it('count only live strikes: not removed, started and unexpired', () => {
    const strikes = [
      strike(2, 0),
      strike(3, 0, { removedAt: at(1), removedReason: 'reversed' }),
      strike(1, 0, { expiresAt: at(10) }),
      strike(4, 20),
    ]
    expect(livePoints(strikes, at(5))).toBe(3)
    expect(livePoints(strikes, at(10))).toBe(2)
    expect(livePoints(strikes, at(20))).toBe(6)
    expect(livePoints(strikes, at(400))).toBe(0)
  })

  it('come from actions that restrict content, not labels or account actions', () => {
    expect(restrictsContent([{ type: 'remove' }])).toBe(true)
    expect(restrictsContent([{ type: 'geo_restrict', territories: ['DE'] }])).toBe(true)
    expect(restrictsContent([{ type: 'label', label: 'satire' }])).toBe(false)
    expect(restrictsContent([{ type: 'no_action' }, { type: 'restore' }])).toBe(false)
    expect(restrictsContent([{ type: 'suspend_account', durationHours: 24 }])).toBe(false)
  })
})

describe('the ladder', () => {
  it('gives nothing below the first step and a warning at it', () => {
    expect(sanctionFor(ladder, 0, [], T0, longAgo)).toBeUndefined()
    expect(sanctionFor(ladder, 1, [], T0, longAgo)).toEqual({ kind: 'warning' })
  })

  it('never suspends or terminates without a prior warning: the warning comes first', () => {
    expect(sanctionFor(ladder, 4, [], T0, longAgo)).toEqual({
      kind: 'warning',
      insteadOf: 'suspension',
    })
    expect(sanctionFor(ladder, 12, [], T0, longAgo)).toEqual({
      kind: 'warning',
      insteadOf: 'termination',
    })
    const lifted = restriction('warning', -1, { liftedAt: T0 })
    expect(sanctionFor(ladder, 12, [lifted], T0, longAgo)?.kind).toBe('warning')
    const stale = restriction('warning', -400)
    expect(sanctionFor(ladder, 12, [stale], T0, longAgo)?.kind).toBe('warning')
  })

  it('suspends, then terminates, once warned', () => {
    const warned = [restriction('warning', -1)]
    expect(sanctionFor(ladder, 3, warned, T0, longAgo)).toEqual({ kind: 'suspension', hours: 72 })
    expect(sanctionFor(ladder, 7, warned, T0, longAgo)).toEqual({
      kind: 'suspension',
      hours: 720,
    })
    expect(sanctionFor(ladder, 9, warned, T0, longAgo)).toEqual({ kind: 'termination' })
  })

  it('adds nothing to a terminated account', () => {
    const record = [restriction('warning', -2), restriction('termination', -1)]
    expect(sanctionFor(ladder, 12, record, T0, longAgo)).toBeUndefined()
  })

  it('names the next step above the points', () => {
    expect(stepAbove(ladder, 0)).toEqual({ atPoints: 1, action: 'warning' })
    expect(stepAbove(ladder, 4)).toEqual({ atPoints: 6, action: 'suspension', hours: 720 })
    expect(stepAbove(ladder, 9)).toBeUndefined()
  })
})

describe('a restriction once strikes are removed', () => {
  it('stands only while the remaining strikes of its time still reach its step', () => {
    const first = strike(2, 0)
    const second = strike(2, 1)
    const suspension = restriction('suspension', 1, { endsAt: at(4) })
    expect(stillJustified(suspension, [first, second], ladder)).toBe(true)
    const removed = { ...first, removedAt: at(2), removedReason: 'reversed' }
    expect(stillJustified(suspension, [removed, second], ladder)).toBe(false)
    expect(stillJustified(restriction('warning', 1), [removed, second], ladder)).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { evidenceRights, holdState, type LegalHoldView, utcInstant } from './evidence-data'

describe('evidence in the console', () => {
  it('gives evidence to admins, child safety and the liaison, by the server’s table', () => {
    expect(evidenceRights('child_safety')).toMatchObject({ read: true, open: true, export: true })
    expect(evidenceRights('law_enforcement_liaison')).toMatchObject({
      read: true,
      preserve: true,
      placeHold: true,
      releaseHold: true,
      recordRequest: true,
    })
    for (const role of ['moderator', 'triage', 'appeals_reviewer', 'auditor']) {
      expect(Object.values(evidenceRights(role)).some(Boolean), role).toBe(false)
    }
  })

  it('reads a datetime-local value as UTC, and nothing as no instant', () => {
    expect(utcInstant('2030-01-15T12:00')).toBe('2030-01-15T12:00:00.000Z')
    expect(utcInstant('')).toBeUndefined()
    expect(utcInstant('soon')).toBeUndefined()
  })

  it('names a hold active, expired or released', () => {
    const hold = (over: Partial<LegalHoldView>) => ({ active: true, releasedAt: null, ...over })
    expect(holdState(hold({}) as LegalHoldView)).toBe('active')
    expect(holdState(hold({ active: false }) as LegalHoldView)).toBe('expired')
    const released = hold({ active: false, releasedAt: '2026-11-30T12:00:00.000Z' })
    expect(holdState(released as LegalHoldView)).toBe('released')
  })
})

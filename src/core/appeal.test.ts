import { describe, expect, it } from 'vitest'
import {
  APPEAL_REFERENCE_PATTERN,
  allowedOutcomes,
  appealClosesAt,
  appealInputSchema,
  dayOf,
  newAppealReference,
  withinAppealWindow,
} from './appeal.js'

describe('the appeal window', () => {
  const decidedAt = new Date('2026-11-22T09:00:00.000Z')

  it('is open until windowDays after the decision and closed a moment later', () => {
    const closes = appealClosesAt(decidedAt, 183)
    expect(closes.toISOString()).toBe('2027-05-24T09:00:00.000Z')
    expect(withinAppealWindow(decidedAt, 183, closes)).toBe(true)
    expect(withinAppealWindow(decidedAt, 183, new Date(closes.getTime() + 1))).toBe(false)
    expect(dayOf(closes)).toBe('2027-05-24')
  })
})

describe('appeal outcomes', () => {
  it('upholds or reverses a decision, and resolves a complaint', () => {
    expect(allowedOutcomes({ decisionId: 'd-1' })).toEqual(['upheld', 'reversed'])
    expect(allowedOutcomes({ decisionId: null })).toEqual(['resolved'])
  })
})

describe('appeal input', () => {
  it('needs the decision for an appeal against a decision', () => {
    const parsed = appealInputSchema.safeParse({
      kind: 'decision',
      appellant: { id: 'user-1' },
      grounds: 'It was a joke between friends.',
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['decisionId'])
  })

  it('needs a way to reach the appellant', () => {
    const parsed = appealInputSchema.safeParse({
      kind: 'duty_breach',
      appellant: {},
      grounds: 'Nobody answered my report.',
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['appellant'])
  })

  it('takes a complaint about age assessment without a decision', () => {
    const parsed = appealInputSchema.parse({
      kind: 'age_assessment',
      appellant: { id: 'user-1' },
      grounds: 'I am 19 but was treated as a child.',
    })
    expect(parsed).toMatchObject({ kind: 'age_assessment', followUp: true })
  })
})

describe('appeal references', () => {
  it('are A-XXXX-XXXX without 0, O, 1 or I', () => {
    for (let i = 0; i < 50; i += 1) expect(newAppealReference()).toMatch(APPEAL_REFERENCE_PATTERN)
    expect(newAppealReference(() => new Uint8Array(8))).toBe('A-2222-2222')
  })
})

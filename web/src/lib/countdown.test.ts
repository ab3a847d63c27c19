import { describe, expect, it } from 'vitest'
import { caseDeadline, countdown, formatDuration } from './countdown'

const NOW = new Date('2026-11-30T09:00:00.000Z')
const MIN = 60_000

describe('SLA countdowns', () => {
  it('takes the legal deadline when it comes before the SLA', () => {
    const sla = '2026-12-02T09:00:00.000Z'
    expect(caseDeadline(sla, '2026-12-01T09:00:00.000Z')).toEqual({
      at: new Date('2026-12-01T09:00:00.000Z'),
      kind: 'legal',
    })
    expect(caseDeadline(sla, '2026-12-03T09:00:00.000Z').kind).toBe('sla')
    expect(caseDeadline(sla, null)).toEqual({ at: new Date(sla), kind: 'sla' })
  })

  it('says how long is left, or how long it has been overdue', () => {
    expect(countdown(new Date(NOW.getTime() + 125 * MIN), NOW)).toEqual({
      text: '2 h 05 min left',
      state: 'ok',
    })
    expect(countdown(new Date(NOW.getTime() + 12 * MIN), NOW, true)).toEqual({
      text: '12 min left',
      state: 'nearing',
    })
    expect(countdown(new Date(NOW.getTime() - 90 * MIN), NOW)).toEqual({
      text: 'overdue by 1 h 30 min',
      state: 'overdue',
    })
    expect(countdown(NOW, NOW).state).toBe('overdue')
  })

  it('writes durations for people', () => {
    expect(formatDuration(20_000)).toBe('under a minute')
    expect(formatDuration(3 * 24 * 60 * MIN)).toBe('3 d')
    expect(formatDuration((2 * 24 * 60 + 180) * MIN)).toBe('2 d 3 h')
  })
})

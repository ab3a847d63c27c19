import { describe, expect, it } from 'vitest'
import { outcomeMessage } from './report-messages.js'

const base = {
  reference: 'R-ABCD-EFGH',
  decidedAt: new Date('2026-11-22T09:00:00Z'),
  appealByDate: new Date('2027-05-24T09:00:00Z'),
  appealLink: '/appeal',
}

describe('outcomeMessage', () => {
  it('says each action once, in plain words, with the ground and who decided', () => {
    const { body } = outcomeMessage({
      ...base,
      decision: {
        actions: [{ type: 'remove' }, { type: 'suspend_account', durationHours: 72 }],
        ground: { type: 'illegal', offence: 'Online Safety Act 2023 s.181' },
        automatedDecision: 'not',
      },
    })
    expect(body).toContain('we took it down, and paused the account that posted it for 3 days.')
    expect(body).toContain('It breaks the law (Online Safety Act 2023 s.181).')
    expect(body).toContain('A person made this decision.')
  })

  it('tells a reporter about a reversal once, not once per restored action', () => {
    const { body } = outcomeMessage({
      ...base,
      decision: {
        actions: [{ type: 'restore' }, { type: 'restore' }],
        ground: { type: 'terms', clause: '4.2', version: '2026-01' },
        automatedDecision: 'not',
      },
    })
    expect(body).toContain('We looked again and put the content back.')
    expect(body).toMatch(/ we put it back\.\n/)
  })
})

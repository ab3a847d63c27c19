import { describe, expect, it } from 'vitest'
import { reporterKeyOf } from './reporter-misuse.js'

describe('the key a sender of notices is counted under', () => {
  it('is the flagger, else the account, else the email, else the address pseudonym', () => {
    const all = {
      flaggerId: 'f-1',
      reporterId: 'user-1',
      reporterEmail: 'Sam@Example.org',
      reporterAddress: 'ab12',
    }
    expect(reporterKeyOf(all)).toBe('flagger:f-1')
    expect(reporterKeyOf({ ...all, flaggerId: null })).toBe('id:user-1')
    expect(reporterKeyOf({ ...all, flaggerId: null, reporterId: null })).toBe(
      'email:sam@example.org',
    )
    expect(reporterKeyOf({ reporterAddress: 'ab12' })).toBe('address:ab12')
    expect(reporterKeyOf({})).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { VERDICTS } from './subject.js'
import { decideVerdict, verdictOpensCase } from './verdict.js'

describe('decideVerdict', () => {
  it('allows when there are no signals', () => {
    expect(decideVerdict([])).toBe('allow')
  })

  it('takes the strictest action, whatever the order', () => {
    expect(decideVerdict([{ action: 'review' }, { action: 'block' }, { action: 'hold' }])).toBe(
      'block',
    )
    expect(decideVerdict([{ action: 'hold' }, { action: 'review' }])).toBe('hold')
    expect(decideVerdict([{ action: 'allow' }, { action: 'review' }, { action: 'allow' }])).toBe(
      'review',
    )
  })

  it('orders the verdicts allow < review < hold < block', () => {
    for (const [i, weaker] of VERDICTS.entries()) {
      for (const stronger of VERDICTS.slice(i)) {
        expect(decideVerdict([{ action: weaker }, { action: stronger }])).toBe(stronger)
        expect(decideVerdict([{ action: stronger }, { action: weaker }])).toBe(stronger)
      }
    }
  })
})

describe('verdictOpensCase', () => {
  it('opens a case for everything but allow', () => {
    expect(verdictOpensCase('allow')).toBe(false)
    expect(verdictOpensCase('review')).toBe(true)
    expect(verdictOpensCase('hold')).toBe(true)
    expect(verdictOpensCase('block')).toBe(true)
  })
})
